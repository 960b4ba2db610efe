package io.lantau.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The on-disk layout of the journal, little-endian throughout.
 *
 * <p>A segment file {@code <first sequence, 20 digits>.log} starts with a {@value #SEGMENT_HEADER_LENGTH}-byte
 * header: {@code [int magic][int version][long firstSequence][32 bytes config fingerprint][12 bytes zero][int crc32c
 * of the bytes before]}. Records follow back to back: {@code [int payloadLength][int crc32c][long sequence][long
 * timestampNanos][payload]}, the CRC-32C covering sequence, timestamp and payload. Sequences are contiguous across
 * segments, starting at 1.
 */
final class JournalFormat {
    static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    static final int SEGMENT_MAGIC = 0x4A544E4C; // "LNTJ" read little-endian
    static final int VERSION = 1;
    static final int SEGMENT_HEADER_LENGTH = 64;
    static final int HEADER_FIRST_SEQUENCE_OFFSET = 8;
    static final int HEADER_FINGERPRINT_OFFSET = 16;
    static final int HEADER_CRC_OFFSET = 60;

    static final int RECORD_HEADER_LENGTH = 24;
    static final int LENGTH_OFFSET = 0;
    static final int CRC_OFFSET = 4;
    static final int SEQUENCE_OFFSET = 8;
    static final int TIMESTAMP_OFFSET = 16;
    static final int MAX_PAYLOAD_LENGTH = CommandCodec.MAX_ENCODED_LENGTH;
    static final int MAX_RECORD_LENGTH = RECORD_HEADER_LENGTH + MAX_PAYLOAD_LENGTH;

    private static final String SUFFIX = ".log";

    private JournalFormat() {
    }

    static Path segmentPath(Path journalDir, long firstSequence) {
        return journalDir.resolve(String.format("%020d", firstSequence) + SUFFIX);
    }

    /** @return the segment files of {@code journalDir} in sequence order; other files are ignored. */
    static List<Path> listSegments(Path journalDir) {
        if (!Files.isDirectory(journalDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(journalDir)) {
            List<Path> segments = new ArrayList<>(files.filter(JournalFormat::isSegmentName).sorted().toList());
            return segments;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long firstSequenceOfName(Path segment) {
        String name = segment.getFileName().toString();
        return Long.parseLong(name, 0, name.length() - SUFFIX.length(), 10);
    }

    private static boolean isSegmentName(Path path) {
        String name = path.getFileName().toString();
        if (name.length() != 20 + SUFFIX.length() || !name.endsWith(SUFFIX)) {
            return false;
        }
        for (int i = 0; i < 20; i++) {
            if (!Character.isDigit(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static void putSegmentHeader(MutableDirectBuffer buffer, long firstSequence, byte[] fingerprint, CRC32C crc) {
        buffer.setMemory(0, SEGMENT_HEADER_LENGTH, (byte) 0);
        buffer.putInt(0, SEGMENT_MAGIC, ORDER);
        buffer.putInt(4, VERSION, ORDER);
        buffer.putLong(HEADER_FIRST_SEQUENCE_OFFSET, firstSequence, ORDER);
        buffer.putBytes(HEADER_FINGERPRINT_OFFSET, fingerprint);
        buffer.putInt(HEADER_CRC_OFFSET, crc(buffer, 0, HEADER_CRC_OFFSET, crc), ORDER);
    }

    /** @return the CRC-32C of {@code length} bytes at {@code offset}, without allocating. */
    static int crc(DirectBuffer buffer, int offset, int length, CRC32C crc) {
        crc.reset();
        if (buffer.byteBuffer() != null) {
            ByteBuffer bb = buffer.byteBuffer();
            int base = buffer.wrapAdjustment();
            int oldPosition = bb.position();
            int oldLimit = bb.limit();
            bb.limit(base + offset + length).position(base + offset);
            crc.update(bb);
            bb.limit(oldLimit).position(oldPosition);
        } else if (buffer.byteArray() != null) {
            crc.update(buffer.byteArray(), buffer.wrapAdjustment() + offset, length);
        } else {
            for (int i = 0; i < length; i++) {
                crc.update(buffer.getByte(offset + i));
            }
        }
        return (int) crc.getValue();
    }

    /** Forces the directory entry changes (created, renamed or deleted files) of {@code dir} to disk. */
    static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory; on Linux this works and is what makes a rename durable.
            if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win")) {
                throw new UncheckedIOException("cannot force directory " + dir, e);
            }
        }
    }
}
