package io.lantau.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.core.BookKind;
import io.lantau.core.CoreEventListener;
import io.lantau.core.ExchangeCore;
import io.lantau.core.command.Command;
import io.lantau.core.event.CoreEvent;
import io.lantau.core.event.EventRecorder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TornTailRecoveryTest {
    private static final int RECORDS = 60;

    @TempDir
    Path tmp;

    private final List<Command> commands = CommandStreamGenerator.commands(11, RECORDS);
    private Path pristine;
    private byte[] segmentBytes;
    private List<Integer> recordStarts;
    private String fileName;

    @BeforeEach
    void writeJournal() throws IOException {
        pristine = tmp.resolve("pristine");
        TestJournals.write(pristine, commands, JournalConfig.MIN_SEGMENT_SIZE_BYTES);
        List<Path> segments = TestJournals.segments(pristine);
        assertThat(segments).hasSize(1);
        fileName = segments.getFirst().getFileName().toString();
        segmentBytes = Files.readAllBytes(segments.getFirst());
        recordStarts = recordStarts(segmentBytes);
        assertThat(recordStarts).hasSize(RECORDS);
    }

    @Test
    void shouldTruncateAtLastWholeRecordWhenFileIsCutAtEveryOffsetOfTheLastRecord() throws IOException {
        int lastStart = recordStarts.getLast();
        String expectedHash = hashAfter(RECORDS - 1);
        for (int cut = lastStart; cut < segmentBytes.length; cut++) {
            Path dir = copyWith(cut, -1);

            EventRecorder events = new EventRecorder();
            Recovery.Result result = Recovery.recover(TestJournals.CONFIG, dir, events);

            RecoveryReport report = result.report();
            assertThat(report.lastSequence()).as("cut at %d", cut).isEqualTo(RECORDS - 1);
            assertThat(result.core().stateHashHex()).isEqualTo(expectedHash);
            assertThat(maxSequence(events.events())).isEqualTo(RECORDS - 1);
            if (cut == lastStart) {
                assertThat(report.truncated()).as("a cut on a record boundary is a clean end").isFalse();
            } else {
                assertThat(report.truncated()).as("cut at %d", cut).isTrue();
                assertThat(report.truncatedAtByte()).isEqualTo((long) lastStart);
                assertThat(report.truncationReason()).containsAnyOf("cut short");
                assertThat(Files.size(dir.resolve("journal").resolve(fileName))).isEqualTo((long) lastStart);
                assertThat(String.join("\n", report.toLines())).contains("tail truncated");
            }
        }
    }

    @Test
    void shouldStopBeforeTheCorruptRecordWhenAnyByteOfTheLastRecordsIsFlipped() throws IOException {
        int firstChecked = recordStarts.get(RECORDS - 3);
        List<String> hashes = new ArrayList<>();
        for (int k = RECORDS - 3; k < RECORDS; k++) {
            hashes.add(hashAfter(k));
        }
        for (int position = firstChecked; position < segmentBytes.length; position++) {
            int record = recordIndexAt(position);
            Path dir = copyWith(segmentBytes.length, position);

            EventRecorder events = new EventRecorder();
            Recovery.Result result = Recovery.recover(TestJournals.CONFIG, dir, events);

            RecoveryReport report = result.report();
            assertThat(report.truncated()).as("flip at %d", position).isTrue();
            assertThat(report.truncatedAtByte()).isEqualTo(recordStarts.get(record).longValue());
            assertThat(report.lastSequence()).isEqualTo(record);
            assertThat(maxSequence(events.events())).as("the corrupt record is never applied").isEqualTo(record);
            assertThat(result.core().stateHashHex()).isEqualTo(hashes.get(record - (RECORDS - 3)));
        }
    }

    @Test
    void shouldDeleteTheSegmentWhenItsHeaderIsTorn() throws IOException {
        for (int cut = 0; cut < JournalFormat.SEGMENT_HEADER_LENGTH + 1; cut++) {
            Path dir = copyWith(cut, -1);

            Recovery.Result result = Recovery.recover(TestJournals.CONFIG, dir, CoreEventListener.NO_OP);

            assertThat(result.report().lastSequence()).isZero();
            if (cut < JournalFormat.SEGMENT_HEADER_LENGTH) {
                assertThat(result.report().truncatedAtByte()).isZero();
                assertThat(TestJournals.segments(dir)).isEmpty();
            }
        }
    }

    @Test
    void shouldDeleteLaterSegmentsWhenAnEarlierOneIsCorrupt() {
        Path dir = tmp.resolve("multi");
        TestJournals.write(dir, CommandStreamGenerator.commands(11, 3_000), JournalConfig.MIN_SEGMENT_SIZE_BYTES);
        List<Path> segments = TestJournals.segments(dir);
        assertThat(segments).hasSizeGreaterThan(3);
        flip(segments.get(1), 200);

        Recovery.Result result = Recovery.recover(TestJournals.CONFIG, dir, CoreEventListener.NO_OP);

        assertThat(result.report().segmentsDeleted()).isEqualTo(segments.size() - 2);
        assertThat(TestJournals.segments(dir)).containsExactly(segments.get(0), segments.get(1));
        assertThat(result.report().lastSequence()).isLessThan(JournalFormat.firstSequenceOfName(segments.get(2)));
    }

    private Path copyWith(int length, int flipAt) throws IOException {
        Path dir = tmp.resolve("case-" + length + "-" + flipAt);
        Files.createDirectories(dir.resolve("journal"));
        byte[] bytes = java.util.Arrays.copyOf(segmentBytes, length);
        if (flipAt >= 0) {
            bytes[flipAt] ^= (byte) 0xFF;
        }
        Files.write(dir.resolve("journal").resolve(fileName), bytes);
        return dir;
    }

    private static void flip(Path file, long position) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, position);
            one.put(0, (byte) (one.get(0) ^ 0x5A)).position(0);
            channel.write(one, position);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private int recordIndexAt(int position) {
        int index = 0;
        for (int i = 0; i < recordStarts.size(); i++) {
            if (recordStarts.get(i) <= position) {
                index = i;
            }
        }
        return index;
    }

    private String hashAfter(int records) {
        ExchangeCore core = new ExchangeCore(TestJournals.CONFIG, BookKind.FAST);
        for (int i = 0; i < records; i++) {
            core.apply(i + 1, TestJournals.timestamp(i + 1), commands.get(i), CoreEventListener.NO_OP);
        }
        return core.stateHashHex();
    }

    private static long maxSequence(List<CoreEvent> events) {
        return events.stream().mapToLong(CoreEvent::sequence).max().orElse(0);
    }

    private static List<Integer> recordStarts(byte[] segment) {
        ByteBuffer view = ByteBuffer.wrap(segment).order(ByteOrder.LITTLE_ENDIAN);
        List<Integer> starts = new ArrayList<>();
        int position = JournalFormat.SEGMENT_HEADER_LENGTH;
        while (position < segment.length) {
            starts.add(position);
            position += JournalFormat.RECORD_HEADER_LENGTH + view.getInt(position);
        }
        return starts;
    }
}
