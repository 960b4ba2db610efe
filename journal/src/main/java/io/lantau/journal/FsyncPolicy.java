package io.lantau.journal;

/**
 * When the journal forces written records to stable storage, and so when a command's result may be released.
 * Whatever the policy, a result is released only after its record has been written to the journal file and applied
 * to the core, and results are released in sequence order.
 */
public enum FsyncPolicy {
    /**
     * Write to the file (the operating system's page cache) and release at once; never wait for a force. Survives a
     * crash of the process, not of the machine: a power loss may lose commands whose results were released.
     */
    ASYNC,
    /** Force the file after every batch (group commit) and release the batch's results after the force. */
    EVERY_BATCH,
    /**
     * Force at most once every {@link JournalConfig#fsyncIntervalMillis()} and release results after the force that
     * covers them. Fewer forces than {@link #EVERY_BATCH} under light load, at the price of latency.
     */
    INTERVAL
}
