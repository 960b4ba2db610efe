package io.lantau.journal;

import static io.lantau.journal.JournalFormat.CRC_OFFSET;
import static io.lantau.journal.JournalFormat.LENGTH_OFFSET;
import static io.lantau.journal.JournalFormat.MAX_RECORD_LENGTH;
import static io.lantau.journal.JournalFormat.ORDER;
import static io.lantau.journal.JournalFormat.RECORD_HEADER_LENGTH;
import static io.lantau.journal.JournalFormat.SEGMENT_HEADER_LENGTH;
import static io.lantau.journal.JournalFormat.SEQUENCE_OFFSET;
import static io.lantau.journal.JournalFormat.TIMESTAMP_OFFSET;

import io.lantau.core.command.Command;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Appends records to the journal's segment files: encodes into a reused direct buffer and writes it with one
 * {@link FileChannel#write} per batch (or when the buffer fills), moving to a new segment when the current one is
 * full. Allocates nothing per record.
 *
 * <p>Threads: {@link #append}, {@link #flush} and {@link #close} belong to one thread (the engine thread);
 * {@link #force} may be called from any thread and covers every byte {@link #flush}ed before it was called. A segment
 * that is left behind is forced before the switch (unless the policy is {@link FsyncPolicy#ASYNC}), so forcing the
 * current segment is always enough.
 */
final class JournalWriter implements AutoCloseable {
    private static final int BUFFER_CAPACITY = 256 * 1024;

    private final Path journalDir;
    private final byte[] fingerprint;
    private final long segmentSizeBytes;
    private final boolean forceOnRoll;
    private final ByteBuffer byteBuffer = ByteBuffer.allocateDirect(BUFFER_CAPACITY);
    private final UnsafeBuffer buffer = new UnsafeBuffer(byteBuffer);
    private final CRC32C crc = new CRC32C();
    private final Object forceLock = new Object();

    private FileChannel channel;
    private long filePosition;
    private int buffered;

    /**
     * @param appendTo     a whole segment whose last record is {@code nextSequence - 1}, to continue; or null to start
     *                     a new segment at {@code nextSequence}.
     * @param nextSequence the sequence of the next record appended.
     */
    JournalWriter(Path journalDir, byte[] fingerprint, long segmentSizeBytes, FsyncPolicy policy, Path appendTo,
            long nextSequence) {
        this.journalDir = journalDir;
        this.fingerprint = fingerprint.clone();
        this.segmentSizeBytes = segmentSizeBytes;
        this.forceOnRoll = policy != FsyncPolicy.ASYNC;
        try {
            Files.createDirectories(journalDir);
            if (appendTo != null) {
                channel = FileChannel.open(appendTo, StandardOpenOption.WRITE);
                filePosition = channel.size();
                channel.position(filePosition);
            } else {
                channel = createSegment(nextSequence);
                filePosition = SEGMENT_HEADER_LENGTH;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the journal in " + journalDir, e);
        }
    }

    /** Encodes one record into the batch buffer; it reaches the file at the next {@link #flush}. */
    void append(long sequence, long timestampNanos, Command command) {
        if (filePosition + buffered + MAX_RECORD_LENGTH > segmentSizeBytes && filePosition + buffered
                > SEGMENT_HEADER_LENGTH) {
            roll(sequence);
        } else if (BUFFER_CAPACITY - buffered < MAX_RECORD_LENGTH) {
            flush();
        }
        int offset = buffered;
        int payloadLength = CommandCodec.encode(command, buffer, offset + RECORD_HEADER_LENGTH);
        buffer.putInt(offset + LENGTH_OFFSET, payloadLength, ORDER);
        buffer.putLong(offset + SEQUENCE_OFFSET, sequence, ORDER);
        buffer.putLong(offset + TIMESTAMP_OFFSET, timestampNanos, ORDER);
        buffer.putInt(offset + CRC_OFFSET, JournalFormat.crc(buffer, offset + SEQUENCE_OFFSET,
                RECORD_HEADER_LENGTH - SEQUENCE_OFFSET + payloadLength, crc), ORDER);
        buffered += RECORD_HEADER_LENGTH + payloadLength;
    }

    /** Writes everything appended so far to the file (the page cache; not yet forced). */
    void flush() {
        if (buffered == 0) {
            return;
        }
        byteBuffer.limit(buffered).position(0);
        try {
            while (byteBuffer.hasRemaining()) {
                channel.write(byteBuffer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the journal in " + journalDir, e);
        } finally {
            byteBuffer.clear();
        }
        filePosition += buffered;
        buffered = 0;
    }

    /** Forces every byte flushed before this call to disk. Thread-safe. */
    void force() {
        synchronized (forceLock) {
            try {
                channel.force(false);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot force the journal in " + journalDir, e);
            }
        }
    }

    private void roll(long nextSequence) {
        flush();
        if (forceOnRoll) {
            force();
        }
        FileChannel next;
        try {
            next = createSegment(nextSequence);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a journal segment in " + journalDir, e);
        }
        FileChannel previous;
        synchronized (forceLock) {
            previous = channel;
            channel = next;
        }
        filePosition = SEGMENT_HEADER_LENGTH;
        try {
            previous.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FileChannel createSegment(long firstSequence) throws IOException {
        Path path = JournalFormat.segmentPath(journalDir, firstSequence);
        FileChannel created = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        ByteBuffer header = ByteBuffer.allocateDirect(SEGMENT_HEADER_LENGTH);
        JournalFormat.putSegmentHeader(new UnsafeBuffer(header), firstSequence, fingerprint, crc);
        while (header.hasRemaining()) {
            created.write(header);
        }
        created.force(true);
        JournalFormat.forceDirectory(journalDir);
        return created;
    }

    /** Flushes, forces and closes the current segment. */
    @Override
    public void close() {
        flush();
        force();
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
