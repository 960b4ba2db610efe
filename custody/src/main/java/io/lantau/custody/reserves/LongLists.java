package io.lantau.custody.reserves;

import java.util.ArrayList;
import java.util.List;

/** Amount vectors between the records' lists (value equality, immutability) and the hashing's arrays. */
final class LongLists {
    private LongLists() {
    }

    static long[] toArray(List<Long> values) {
        long[] array = new long[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }

    static List<Long> toList(long[] values) {
        List<Long> list = new ArrayList<>(values.length);
        for (long v : values) {
            list.add(v);
        }
        return List.copyOf(list);
    }
}
