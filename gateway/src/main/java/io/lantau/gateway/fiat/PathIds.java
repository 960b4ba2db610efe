package io.lantau.gateway.fiat;

import io.lantau.gateway.nativeapi.ErrorCode;
import io.lantau.gateway.nativeapi.NativeException;
import io.lantau.gateway.nativeapi.NativeRequest;

/** Reads a positive numeric {@code :id} path segment; anything else is the caller's "not found". */
final class PathIds {
    private PathIds() {
    }

    static long id(NativeRequest request, ErrorCode notFound) {
        String text = request.pathId();
        if (text == null || text.isEmpty() || text.length() > 18
                || !text.chars().allMatch(c -> c >= '0' && c <= '9') || Long.parseLong(text) == 0) {
            throw new NativeException(notFound);
        }
        return Long.parseLong(text);
    }
}
