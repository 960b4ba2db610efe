package io.lantau.journal;

import static io.lantau.journal.JournalFormat.CRC_OFFSET;
import static io.lantau.journal.JournalFormat.HEADER_CRC_OFFSET;
import static io.lantau.journal.JournalFormat.HEADER_FINGERPRINT_OFFSET;
import static io.lantau.journal.JournalFormat.HEADER_FIRST_SEQUENCE_OFFSET;
import static io.lantau.journal.JournalFormat.LENGTH_OFFSET;
import static io.lantau.journal.JournalFormat.MAX_PAYLOAD_LENGTH;
import static io.lantau.journal.JournalFormat.ORDER;
import static io.lantau.journal.JournalFormat.RECORD_HEADER_LENGTH;
import static io.lantau.journal.JournalFormat.SEGMENT_HEADER_LENGTH;
import static io.lantau.journal.JournalFormat.SEGMENT_MAGIC;
import static io.lantau.journal.JournalFormat.SEQUENCE_OFFSET;
import static io.lantau.journal.JournalFormat.TIMESTAMP_OFFSET;
import static io.lantau.journal.JournalFormat.VERSION;

import io.lantau.core.command.Command;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Reads the journal's records in sequence order and checks each one before handing it on: segment header, length,
 * CRC-32C, contiguous sequence, decodable payload. Reading stops at the first record that fails; it is reported as a
 * {@link Defect} and never handed on. Reads only: truncating is {@link Recovery}'s decision.
 *
 * <p>A segment written with another core configuration or format version is not a defect but a
 * {@link JournalException}: nothing of it may be applied or truncated.
 */
final class JournalReader {

    /** Receives each whole, checked record. */
    @FunctionalInterface
    interface RecordHandler {
        void onRecord(long sequence, long timestampNanos, Command command);
    }

    /**
     * Where and why reading stopped early.
     *
     * @param segment  the file holding the bad bytes.
     * @param position offset in that file where the last whole record (or the header) ends: truncate here.
     * @param reason   what is wrong, for people.
     */
    record Defect(Path segment, long position, String reason) {
        @Override
        public String toString() {
            return segment.getFileName() + " at byte " + position + ": " + reason;
        }
    }

    /**
     * What a scan found.
     *
     * @param firstSequence      first sequence of the first segment read (0 if none).
     * @param lastSequence       sequence of the last whole record, or one before the first segment's first sequence if
     *                           it holds none; 0 for an empty journal.
     * @param lastTimestampNanos timestamp of the last whole record read (0 if none).
     * @param recordsRead        whole records read, handed on or not.
     * @param recordsHandled     records handed to the handler (sequence at least the requested one).
     * @param segmentsRead       segment files opened.
     * @param lastSegment        the segment reading ended in, or null if none.
     * @param defect             why reading stopped early, or null if it reached the end cleanly.
     * @param segmentsAfter      segments after the defective one (none without a defect).
     */
    record Scan(long firstSequence, long lastSequence, long lastTimestampNanos, long recordsRead,
            long recordsHandled, int segmentsRead, Path lastSegment, Defect defect, List<Path> segmentsAfter) {
    }

    private final Path journalDir;
    private final byte[] fingerprint;
    private final CRC32C crc = new CRC32C();

    JournalReader(Path journalDir, byte[] fingerprint) {
        this.journalDir = journalDir;
        this.fingerprint = fingerprint.clone();
    }

    /**
     * Reads from the segment that holds {@code fromSequence} (the first segment if none does) to the end or the first
     * defect, handing records with sequence {@code >= fromSequence} to {@code handler}.
     */
    Scan scan(long fromSequence, RecordHandler handler) {
        List<Path> segments = JournalFormat.listSegments(journalDir);
        int start = 0;
        for (int i = 1; i < segments.size(); i++) {
            if (JournalFormat.firstSequenceOfName(segments.get(i)) <= fromSequence) {
                start = i;
            }
        }
        long firstSequence = 0;
        long expected = -1;
        long lastTimestamp = 0;
        long recordsRead = 0;
        long recordsHandled = 0;
        int segmentsRead = 0;
        Path lastSegment = null;
        for (int s = start; s < segments.size(); s++) {
            Path segment = segments.get(s);
            lastSegment = segment;
            segmentsRead++;
            SegmentCursor cursor = new SegmentCursor(segment);
            try {
                String headerProblem = cursor.checkHeader(expected);
                if (headerProblem != null) {
                    return new Scan(firstSequence, Math.max(0, expected - 1), lastTimestamp, recordsRead,
                            recordsHandled, segmentsRead, segment, new Defect(segment, 0, headerProblem),
                            segments.subList(s + 1, segments.size()));
                }
                if (expected < 0) {
                    firstSequence = cursor.firstSequence;
                }
                expected = cursor.firstSequence;
                while (true) {
                    String problem = cursor.next(expected);
                    if (problem == END) {
                        break;
                    }
                    if (problem != null) {
                        return new Scan(firstSequence, expected - 1, lastTimestamp, recordsRead, recordsHandled,
                                segmentsRead, segment, new Defect(segment, cursor.position, problem),
                                segments.subList(s + 1, segments.size()));
                    }
                    recordsRead++;
                    lastTimestamp = cursor.timestampNanos;
                    if (expected >= fromSequence) {
                        recordsHandled++;
                        handler.onRecord(expected, cursor.timestampNanos, cursor.command);
                    }
                    cursor.advance();
                    expected++;
                }
            } finally {
                cursor.close();
            }
        }
        return new Scan(firstSequence, Math.max(0, expected - 1), lastTimestamp, recordsRead, recordsHandled,
                segmentsRead, lastSegment, null, List.of());
    }

    private static final String END = "end";

    /** One mapped segment and a position in it. */
    private final class SegmentCursor {
        private final Path segment;
        private final MappedByteBuffer mapped;
        private final UnsafeBuffer buffer;
        private final int size;
        int position;
        long firstSequence;
        long timestampNanos;
        Command command;
        private int recordLength;

        SegmentCursor(Path segment) {
            this.segment = segment;
            try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ)) {
                long length = channel.size();
                if (length > JournalConfig.MAX_SEGMENT_SIZE_BYTES + JournalFormat.MAX_RECORD_LENGTH) {
                    throw new JournalException("segment " + segment + " is larger than any segment this journal "
                            + "writes (" + length + " bytes)");
                }
                this.size = (int) length;
                this.mapped = size == 0 ? null : channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
                this.buffer = size == 0 ? new UnsafeBuffer(new byte[0]) : new UnsafeBuffer(mapped);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read journal segment " + segment, e);
            }
        }

        /** @return null if the header is sound, else what is wrong with it. */
        String checkHeader(long expectedFirst) {
            if (size < SEGMENT_HEADER_LENGTH) {
                return "segment header cut short (" + size + " of " + SEGMENT_HEADER_LENGTH + " bytes)";
            }
            int storedCrc = buffer.getInt(HEADER_CRC_OFFSET, ORDER);
            if (JournalFormat.crc(buffer, 0, HEADER_CRC_OFFSET, crc) != storedCrc) {
                return "segment header CRC mismatch";
            }
            if (buffer.getInt(0, ORDER) != SEGMENT_MAGIC) {
                return "not a journal segment (bad magic)";
            }
            int version = buffer.getInt(4, ORDER);
            if (version != VERSION) {
                throw new JournalException("journal segment " + segment + " has format version " + version
                        + "; this build reads version " + VERSION);
            }
            byte[] found = new byte[ConfigFingerprint.LENGTH];
            buffer.getBytes(HEADER_FINGERPRINT_OFFSET, found);
            if (!Arrays.equals(found, fingerprint)) {
                throw new JournalException("journal segment " + segment + " was written with a different core "
                        + "configuration (fingerprint " + ConfigFingerprint.hex(found) + ", expected "
                        + ConfigFingerprint.hex(fingerprint) + ")");
            }
            firstSequence = buffer.getLong(HEADER_FIRST_SEQUENCE_OFFSET, ORDER);
            if (firstSequence != JournalFormat.firstSequenceOfName(segment) || firstSequence < 1) {
                return "segment header says first sequence " + firstSequence + " but the file name says "
                        + JournalFormat.firstSequenceOfName(segment);
            }
            if (expectedFirst >= 0 && firstSequence != expectedFirst) {
                return "non-contiguous sequence: segment starts at " + firstSequence + ", expected "
                        + expectedFirst;
            }
            position = SEGMENT_HEADER_LENGTH;
            return null;
        }

        /** @return null if a whole, sound record is at the position, {@link #END} at a clean end, else the defect. */
        String next(long expectedSequence) {
            int remaining = size - position;
            if (remaining == 0) {
                return END;
            }
            if (remaining < RECORD_HEADER_LENGTH) {
                return "record header cut short (" + remaining + " of " + RECORD_HEADER_LENGTH + " bytes)";
            }
            int payloadLength = buffer.getInt(position + LENGTH_OFFSET, ORDER);
            if (payloadLength < 1 || payloadLength > MAX_PAYLOAD_LENGTH) {
                return "bad record length " + payloadLength;
            }
            if (remaining < RECORD_HEADER_LENGTH + payloadLength) {
                return "record cut short (" + remaining + " of " + (RECORD_HEADER_LENGTH + payloadLength)
                        + " bytes)";
            }
            int storedCrc = buffer.getInt(position + CRC_OFFSET, ORDER);
            if (JournalFormat.crc(buffer, position + SEQUENCE_OFFSET, RECORD_HEADER_LENGTH - SEQUENCE_OFFSET
                    + payloadLength, crc) != storedCrc) {
                return "CRC mismatch";
            }
            long sequence = buffer.getLong(position + SEQUENCE_OFFSET, ORDER);
            if (sequence != expectedSequence) {
                return "non-contiguous sequence: found " + sequence + ", expected " + expectedSequence;
            }
            try {
                command = CommandCodec.decode(buffer, position + RECORD_HEADER_LENGTH, payloadLength);
            } catch (IllegalArgumentException e) {
                return "undecodable command: " + e.getMessage();
            }
            timestampNanos = buffer.getLong(position + TIMESTAMP_OFFSET, ORDER);
            recordLength = RECORD_HEADER_LENGTH + payloadLength;
            return null;
        }

        void advance() {
            position += recordLength;
        }

        void close() {
            if (mapped != null) {
                IoUtil.unmap(mapped);
            }
        }
    }
}
