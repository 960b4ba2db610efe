package io.lantau.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.core.command.Command;
import io.lantau.core.config.CoreConfig;
import io.lantau.core.config.StandardMarkets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalReaderTest {
    @TempDir
    Path dir;

    private final List<Command> commands = CommandStreamGenerator.commands(7, 3_000);

    private JournalReader reader() {
        return new JournalReader(dir.resolve("journal"), ConfigFingerprint.of(TestJournals.CONFIG));
    }

    @Test
    void shouldReadEveryRecordInOrderWhenJournalSpansSegments() {
        TestJournals.write(dir, commands, JournalConfig.MIN_SEGMENT_SIZE_BYTES);
        List<Command> read = new ArrayList<>();
        List<Long> sequences = new ArrayList<>();

        JournalReader.Scan scan = reader().scan(1, (sequence, timestamp, command) -> {
            assertThat(timestamp).isEqualTo(TestJournals.timestamp(sequence));
            sequences.add(sequence);
            read.add(command);
        });

        assertThat(TestJournals.segments(dir)).hasSizeGreaterThan(2);
        assertThat(scan.defect()).isNull();
        assertThat(read).isEqualTo(commands);
        assertThat(sequences.getFirst()).isEqualTo(1);
        assertThat(sequences.getLast()).isEqualTo(commands.size());
        assertThat(scan.lastSequence()).isEqualTo(commands.size());
        assertThat(scan.recordsRead()).isEqualTo(commands.size());
    }

    @Test
    void shouldHandOnOnlyLaterRecordsWhenStartingFromASequence() {
        TestJournals.write(dir, commands, JournalConfig.MIN_SEGMENT_SIZE_BYTES);
        List<Long> sequences = new ArrayList<>();

        JournalReader.Scan scan = reader().scan(2_001, (sequence, timestamp, command) -> sequences.add(sequence));

        assertThat(sequences).hasSize(1_000);
        assertThat(sequences.getFirst()).isEqualTo(2_001);
        assertThat(scan.segmentsRead()).isLessThan(TestJournals.segments(dir).size());
        assertThat(scan.recordsHandled()).isEqualTo(1_000);
    }

    @Test
    void shouldReportEmptyJournalWhenDirectoryHasNoSegments() {
        JournalReader.Scan scan = reader().scan(1, (sequence, timestamp, command) -> {
            throw new AssertionError("no records expected");
        });

        assertThat(scan.lastSequence()).isZero();
        assertThat(scan.defect()).isNull();
        assertThat(scan.lastSegment()).isNull();
    }

    @Test
    void shouldReportGapWhenASegmentIsMissing() throws IOException {
        TestJournals.write(dir, commands, JournalConfig.MIN_SEGMENT_SIZE_BYTES);
        List<Path> segments = TestJournals.segments(dir);
        Files.delete(segments.get(1));

        JournalReader.Scan scan = reader().scan(1, (sequence, timestamp, command) -> { });

        assertThat(scan.defect()).isNotNull();
        assertThat(scan.defect().reason()).contains("non-contiguous");
        assertThat(scan.defect().segment()).isEqualTo(segments.get(2));
        assertThat(scan.lastSequence()).isEqualTo(JournalFormat.firstSequenceOfName(segments.get(1)) - 1);
    }

    @Test
    void shouldThrowWhenJournalWasWrittenWithAnotherConfig() {
        TestJournals.write(dir, commands.subList(0, 10), JournalConfig.MIN_SEGMENT_SIZE_BYTES);
        CoreConfig other = new CoreConfig(StandardMarkets.config().assets(), StandardMarkets.config().markets(),
                StandardMarkets.FEES, 2);
        JournalReader otherReader = new JournalReader(dir.resolve("journal"), ConfigFingerprint.of(other));

        assertThatThrownBy(() -> otherReader.scan(1, (sequence, timestamp, command) -> { }))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("different core configuration");
    }
}
