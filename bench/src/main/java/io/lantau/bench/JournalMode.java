package io.lantau.bench;

import java.util.Locale;

/** Whether the load driver runs the core alone or behind the journal, and how the journal syncs. */
public enum JournalMode {
    /** The core alone: one thread calls {@code ExchangeCore.apply} over the commands. */
    OFF,
    /** The journal writes every command before its result is released but never forces it to disk. */
    ASYNC,
    /** The journal forces each group-committed batch to disk before releasing its results. */
    FSYNC;

    /** @return the mode named {@code off}, {@code async} or {@code fsync}, in any case. */
    public static JournalMode of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** @return the lower-case name, as the command line and the JSON output spell it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
