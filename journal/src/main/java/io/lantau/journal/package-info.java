/**
 * The durable journal: makes every command durable before its result is released, and rebuilds the core after a
 * restart or a crash.
 *
 * <p>The flow on one machine: callers {@link io.lantau.journal.JournaledCore#submit submit} commands; the engine
 * thread sequences them (sequence number and timestamp from an injected clock), appends them in batches to the
 * segment files under {@code <dataDir>/journal/} ({@code [int length][int crc32c][long sequence][long timestampNanos]
 * [payload]}, payload by {@link io.lantau.journal.CommandCodec}) and applies them to the
 * {@link io.lantau.core.ExchangeCore}; the sync thread forces the file as the {@link io.lantau.journal.FsyncPolicy}
 * says (group commit) and only then releases the results, in sequence order.
 *
 * <p>Recovery ({@link io.lantau.journal.Recovery}) loads the newest valid snapshot from {@code <dataDir>/snapshots/}
 * and replays the journal after it with the journaled sequences and timestamps. A torn or corrupt tail is cut back
 * to the last whole record and reported; a record that fails its checks is never applied. A journal or snapshot
 * written with another core configuration is refused ({@link io.lantau.journal.JournalException}).
 * {@link io.lantau.journal.ReplayVerifier} checks a directory without changing it and prints the state hash.
 *
 * <p>Every JVM that runs this package needs {@code --add-exports java.base/jdk.internal.misc=ALL-UNNAMED} (Agrona 2
 * buffers).
 */
package io.lantau.journal;
