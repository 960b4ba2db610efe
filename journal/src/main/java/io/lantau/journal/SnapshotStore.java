package io.lantau.journal;

import io.lantau.core.BookKind;
import io.lantau.core.ExchangeCore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Snapshots of core state in {@code <dataDir>/snapshots/snapshot-<last sequence, 20 digits>.snap}.
 *
 * <p>File layout, little-endian: a 64-byte header {@code [int magic][int version][long lastSequence][32 bytes config
 * fingerprint][long payloadLength][8 bytes zero]}, the payload ({@link ExchangeCore#writeSnapshot} output), then a
 * trailer {@code [int crc32c of header and payload][int end magic]}. A snapshot is written to a temporary file,
 * forced, renamed into place and the directory forced, so a file with the final name is always whole; the checksum
 * catches what the disk does to it later.
 *
 * <p>Not thread-safe: one writer (the engine thread) at a time; reading happens before the engine starts.
 */
final class SnapshotStore {
    static final int HEADER_LENGTH = 64;
    static final int TRAILER_LENGTH = 8;
    private static final int MAGIC = 0x53544E4C; // "LNTS" read little-endian
    private static final int END_MAGIC = 0x45544E4C; // "LNTE"
    private static final int VERSION = 1;
    private static final String PREFIX = "snapshot-";
    private static final String SUFFIX = ".snap";
    private static final String TEMP_SUFFIX = ".tmp";

    /** The outcome of checking one snapshot file. */
    sealed interface Checked permits Loaded, Rejected {
    }

    /** A snapshot that passed every check, loaded. */
    record Loaded(long sequence, Path path, ExchangeCore core) implements Checked {
    }

    /** A snapshot file that failed a check, and why. */
    record Rejected(Path path, String reason) implements Checked {
        @Override
        public String toString() {
            return path.getFileName() + ": " + reason;
        }
    }

    private final Path dir;
    private final byte[] fingerprint;
    private final BookKind bookKind;
    private final ExposedBytes payload = new ExposedBytes();
    private final CRC32C crc = new CRC32C();

    SnapshotStore(Path dir, byte[] fingerprint, BookKind bookKind) {
        this.dir = dir;
        this.fingerprint = fingerprint.clone();
        this.bookKind = bookKind;
    }

    /** Writes a snapshot of {@code core} named by its last sequence, atomically and durably. */
    Path write(ExchangeCore core) {
        long sequence = core.lastSequence();
        try {
            Files.createDirectories(dir);
            payload.reset();
            try (DataOutputStream out = new DataOutputStream(payload)) {
                core.writeSnapshot(out);
            }
            ByteBuffer header = ByteBuffer.allocate(HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
            header.putInt(MAGIC).putInt(VERSION).putLong(sequence).put(fingerprint).putLong(payload.size());
            header.clear();
            crc.reset();
            crc.update(header.array(), 0, HEADER_LENGTH);
            crc.update(payload.array(), 0, payload.size());
            ByteBuffer trailer = ByteBuffer.allocate(TRAILER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
            trailer.putInt((int) crc.getValue()).putInt(END_MAGIC).flip();

            Path target = path(sequence);
            Path temp = target.resolveSibling(target.getFileName() + TEMP_SUFFIX);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer body = ByteBuffer.wrap(payload.array(), 0, payload.size());
                ByteBuffer[] parts = {header, body, trailer};
                while (trailer.hasRemaining()) {
                    channel.write(parts);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            JournalFormat.forceDirectory(dir);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write snapshot " + sequence + " in " + dir, e);
        }
    }

    /** Deletes temporary files a crash may have left behind. */
    void deleteTemporaryFiles() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(p -> p.getFileName().toString().endsWith(SUFFIX + TEMP_SUFFIX)).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the snapshot files, newest first. */
    List<Path> listNewestFirst() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(SnapshotStore::isSnapshotName)
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param rejected receives each newer snapshot that failed a check.
     * @return the newest snapshot that passes every check, loaded, or empty if there is none.
     * @throws JournalException if a sound snapshot was written with another configuration or format version.
     */
    Optional<Loaded> newestValid(List<Rejected> rejected) {
        return newestValidAtOrBefore(Long.MAX_VALUE, rejected);
    }

    /** As {@link #newestValid}, among snapshots taken at or before {@code maxSequence}. */
    Optional<Loaded> newestValidAtOrBefore(long maxSequence, List<Rejected> rejected) {
        for (Path path : listNewestFirst()) {
            if (sequenceOfName(path) > maxSequence) {
                continue;
            }
            switch (load(path)) {
                case Loaded loaded -> {
                    return Optional.of(loaded);
                }
                case Rejected r -> rejected.add(r);
            }
        }
        return Optional.empty();
    }

    /**
     * Reads and checks one snapshot: length, checksum, magic, name, and that the core reads it back whole with the
     * sequence it is named by.
     *
     * @return a {@link Loaded} or a {@link Rejected}.
     * @throws JournalException if a sound snapshot was written with another configuration or format version.
     */
    Checked load(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            return new Rejected(path, "unreadable: " + e.getMessage());
        }
        if (bytes.length < HEADER_LENGTH + TRAILER_LENGTH) {
            return new Rejected(path, "too short (" + bytes.length + " bytes)");
        }
        ByteBuffer view = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long payloadLength = view.getLong(48);
        if (payloadLength != bytes.length - HEADER_LENGTH - TRAILER_LENGTH) {
            return new Rejected(path, "length mismatch (header says " + payloadLength + " payload bytes, file has "
                    + (bytes.length - HEADER_LENGTH - TRAILER_LENGTH) + ")");
        }
        crc.reset();
        crc.update(bytes, 0, bytes.length - TRAILER_LENGTH);
        if ((int) crc.getValue() != view.getInt(bytes.length - TRAILER_LENGTH)
                || view.getInt(bytes.length - 4) != END_MAGIC) {
            return new Rejected(path, "checksum mismatch");
        }
        if (view.getInt(0) != MAGIC) {
            return new Rejected(path, "not a snapshot (bad magic)");
        }
        if (view.getInt(4) != VERSION) {
            throw new JournalException("snapshot " + path + " has format version " + view.getInt(4)
                    + "; this build reads version " + VERSION);
        }
        byte[] found = Arrays.copyOfRange(bytes, 16, 16 + ConfigFingerprint.LENGTH);
        if (!Arrays.equals(found, fingerprint)) {
            throw new JournalException("snapshot " + path + " was written with a different core configuration "
                    + "(fingerprint " + ConfigFingerprint.hex(found) + ", expected " + ConfigFingerprint.hex(fingerprint)
                    + ")");
        }
        long sequence = view.getLong(8);
        if (sequence != sequenceOfName(path)) {
            return new Rejected(path, "header says sequence " + sequence + ", the file name " + sequenceOfName(path));
        }
        ByteArrayInputStream in = new ByteArrayInputStream(bytes, HEADER_LENGTH, (int) payloadLength);
        ExchangeCore core;
        try {
            core = ExchangeCore.readSnapshot(new DataInputStream(in), bookKind);
        } catch (IOException | RuntimeException e) {
            return new Rejected(path, "the core cannot read it: " + e);
        }
        if (in.available() != 0) {
            return new Rejected(path, in.available() + " payload bytes left unread by the core");
        }
        if (core.lastSequence() != sequence) {
            return new Rejected(path, "the core read last sequence " + core.lastSequence() + ", expected " + sequence);
        }
        return new Loaded(sequence, path, core);
    }

    Path path(long sequence) {
        return dir.resolve(PREFIX + String.format("%020d", sequence) + SUFFIX);
    }

    static long sequenceOfName(Path path) {
        String name = path.getFileName().toString();
        return Long.parseLong(name, PREFIX.length(), name.length() - SUFFIX.length(), 10);
    }

    private static boolean isSnapshotName(Path path) {
        String name = path.getFileName().toString();
        if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX) || name.length() != PREFIX.length() + 20
                + SUFFIX.length()) {
            return false;
        }
        for (int i = PREFIX.length(); i < PREFIX.length() + 20; i++) {
            if (!Character.isDigit(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A byte array output stream whose array can be read without a copy. */
    private static final class ExposedBytes extends ByteArrayOutputStream {
        ExposedBytes() {
            super(64 * 1024);
        }

        byte[] array() {
            return buf;
        }
    }
}
