package io.lantau.journal;

import io.lantau.core.command.Command;
import io.lantau.core.config.CoreConfig;
import io.lantau.core.config.StandardMarkets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/** Helpers that write journals directly and copy data directories. */
final class TestJournals {
    static final CoreConfig CONFIG = StandardMarkets.config();
    static final long START_NANOS = 1_700_000_000_000_000_000L;

    private TestJournals() {
    }

    /** Writes {@code commands} as records 1..n into {@code dataDir}, with timestamps 1 ms apart. */
    static void write(Path dataDir, List<Command> commands, long segmentSizeBytes) {
        try (JournalWriter writer = new JournalWriter(dataDir.resolve("journal"), ConfigFingerprint.of(CONFIG),
                segmentSizeBytes, FsyncPolicy.ASYNC, null, 1)) {
            for (int i = 0; i < commands.size(); i++) {
                writer.append(i + 1, timestamp(i + 1), commands.get(i));
                if (i % 100 == 99) {
                    writer.flush();
                }
            }
        }
    }

    static long timestamp(long sequence) {
        return START_NANOS + sequence * 1_000_000L;
    }

    /** @return a clock for the engine thread that advances 1 microsecond per reading. */
    static java.util.function.LongSupplier steppingClock() {
        long[] now = {START_NANOS};
        return () -> now[0] += 1_000;
    }

    static List<Path> segments(Path dataDir) {
        return JournalFormat.listSegments(dataDir.resolve("journal"));
    }

    static void copyDirectory(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteDirectory(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
