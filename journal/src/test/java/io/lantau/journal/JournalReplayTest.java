package io.lantau.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.core.BookKind;
import io.lantau.core.CoreEventListener;
import io.lantau.core.ExchangeCore;
import io.lantau.core.command.Command;
import io.lantau.core.config.CoreConfig;
import io.lantau.core.config.StandardMarkets;
import io.lantau.core.event.CoreEvent;
import io.lantau.core.event.EventRecorder;
import io.lantau.core.ItemTransferKind;
import io.lantau.core.ItemView;
import io.lantau.core.event.ItemSold;
import io.lantau.core.event.ItemTransferred;
import io.lantau.core.event.OrderAmended;
import io.lantau.core.event.OrderCanceled;
import io.lantau.core.event.TradeExecuted;
import io.lantau.core.event.WithdrawalSettled;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same command log gives the same events and state hash, however it is recovered. */
class JournalReplayTest {
    private static final int COMMANDS = 3_000;
    private static final long SNAPSHOT_EVERY = 250;

    @TempDir
    static Path tmp;

    private static Path live;
    private static List<CoreEvent> liveEvents;
    private static String liveHash;
    private static List<ItemView> liveItems;

    private final AtomicInteger caseNumber = new AtomicInteger();

    @BeforeAll
    static void runUninterrupted() {
        live = tmp.resolve("live");
        JournalConfig config = JournalConfig.defaults(live).withSnapshotEveryCommands(SNAPSHOT_EVERY)
                .withSegmentSizeBytes(JournalConfig.MIN_SEGMENT_SIZE_BYTES);
        EventRecorder recorder = new EventRecorder();
        JournaledCore core = JournaledCore.start(TestJournals.CONFIG, config, recorder, TestJournals.steppingClock());
        for (Command command : CommandStreamGenerator.commands(42, COMMANDS)) {
            core.submit(command, ResultListener.NO_OP);
        }
        core.close();
        liveEvents = List.copyOf(recorder.events());
        liveHash = core.coreAfterClose().stateHashHex();
        liveItems = items(core.coreAfterClose());
        assertThat(core.coreAfterClose().lastSequence()).isEqualTo(COMMANDS);
        assertThat(liveEvents).hasSizeGreaterThan(COMMANDS);
        assertThat(liveEvents).filteredOn(e -> e instanceof TradeExecuted).as("trades").hasSizeGreaterThan(300);
        assertThat(liveEvents).filteredOn(e -> e instanceof OrderCanceled).as("cancels").hasSizeGreaterThan(30);
        assertThat(liveEvents).filteredOn(e -> e instanceof OrderAmended).as("amends").isNotEmpty();
        assertThat(liveEvents).filteredOn(e -> e instanceof WithdrawalSettled).as("withdrawals").isNotEmpty();
        assertThat(liveEvents).filteredOn(e -> e instanceof ItemSold).as("item sales").hasSizeGreaterThan(10);
        for (ItemTransferKind kind : ItemTransferKind.values()) {
            assertThat(liveEvents).filteredOn(e -> e instanceof ItemTransferred t && t.kind() == kind)
                    .as("item transfers of kind %s", kind).isNotEmpty();
        }
    }

    /** Every item the core ever minted, with its owner, lock, burned flag and acquisition. */
    private static List<ItemView> items(ExchangeCore core) {
        List<ItemView> items = new java.util.ArrayList<>();
        for (long id = 1; id <= COMMANDS; id++) { // item ids are 1, 2, 3 ... in the generated stream
            if (core.item(id) != null) {
                items.add(core.item(id));
            }
        }
        assertThat(items).hasSize(core.itemCount());
        return items;
    }

    @Test
    void shouldGiveIdenticalEventsAndHashWhenTheWholeLogIsReplayed() throws IOException {
        Path dir = copyOfLive();
        TestJournals.deleteDirectory(dir.resolve("snapshots"));
        EventRecorder replayed = new EventRecorder();

        Recovery.Result result = Recovery.recover(TestJournals.CONFIG, dir, replayed);

        assertThat(result.report().snapshotUsed()).isNull();
        assertThat(result.report().recordsReplayed()).isEqualTo(COMMANDS);
        assertThat(replayed.events()).isEqualTo(liveEvents);
        assertThat(result.core().stateHashHex()).isEqualTo(liveHash);
        assertThat(items(result.core())).as("owners and history of every item").isEqualTo(liveItems);
    }

    @Test
    void shouldGiveIdenticalEventsAndHashWhenReplayedWithTheReferenceBook() {
        Path dir = copyOfLive();
        TestJournals.deleteDirectory(dir.resolve("snapshots"));
        EventRecorder replayed = new EventRecorder();

        Recovery.Recovered result = Recovery.recover(TestJournals.CONFIG, dir, replayed, BookKind.REFERENCE);

        assertThat(replayed.events()).isEqualTo(liveEvents);
        assertThat(result.core().stateHashHex()).isEqualTo(liveHash);
    }

    @Test
    void shouldReachTheUninterruptedHashWhenRecoveringFromEverySnapshot() throws IOException {
        List<Path> snapshots = new SnapshotStore(live.resolve("snapshots"), new byte[32], BookKind.FAST)
                .listNewestFirst();
        assertThat(snapshots).hasSize((int) (COMMANDS / SNAPSHOT_EVERY));
        for (Path snapshot : snapshots) {
            long sequence = SnapshotStore.sequenceOfName(snapshot);
            Path dir = copyOfLive();
            for (Path other : snapshots) {
                if (SnapshotStore.sequenceOfName(other) > sequence) {
                    Files.delete(dir.resolve("snapshots").resolve(other.getFileName()));
                }
            }
            EventRecorder tail = new EventRecorder();

            Recovery.Result result = Recovery.recover(TestJournals.CONFIG, dir, tail);

            assertThat(result.report().snapshotSequence()).isEqualTo(sequence);
            assertThat(result.report().recordsReplayed()).isEqualTo(COMMANDS - sequence);
            assertThat(result.core().stateHashHex()).as("from snapshot %d", sequence).isEqualTo(liveHash);
            assertThat(items(result.core())).as("items from snapshot %d", sequence).isEqualTo(liveItems);
            assertThat(tail.events()).isEqualTo(liveEvents.stream().filter(e -> e.sequence() > sequence).toList());
        }
    }

    @Test
    void shouldSkipACorruptSnapshotWhenRecovering() throws IOException {
        Path dir = copyOfLive();
        Path newest = dir.resolve("snapshots").resolve(String.format("snapshot-%020d.snap", COMMANDS));
        byte[] bytes = Files.readAllBytes(newest);
        bytes[bytes.length / 2] ^= 1;
        Files.write(newest, bytes);

        Recovery.Result result = Recovery.recover(TestJournals.CONFIG, dir, CoreEventListener.NO_OP);
        ReplayReport verified = ReplayVerifier.verify(dir, TestJournals.CONFIG);

        assertThat(result.report().snapshotSequence()).isEqualTo(COMMANDS - SNAPSHOT_EVERY);
        assertThat(result.report().snapshotsSkipped()).singleElement().asString().contains("checksum mismatch");
        assertThat(result.core().stateHashHex()).isEqualTo(liveHash);
        assertThat(verified.problems()).singleElement().asString().contains("checksum mismatch");
        assertThat(verified.stateHashHex()).isEqualTo(liveHash);
    }

    @Test
    void shouldVerifyJournalAndSnapshotsAndEndWithTheStateHash() {
        ReplayReport report = ReplayVerifier.verify(live, TestJournals.CONFIG);

        assertThat(report.problems()).isEmpty();
        assertThat(report.ok()).isTrue();
        assertThat(report.records()).isEqualTo(COMMANDS);
        assertThat(report.snapshotsChecked()).isEqualTo((int) (COMMANDS / SNAPSHOT_EVERY));
        assertThat(report.lastSequence()).isEqualTo(COMMANDS);
        assertThat(report.stateHashHex()).isEqualTo(liveHash);
        assertThat(report.toLines().getLast()).isEqualTo(liveHash);
    }

    @Test
    void shouldReportTornTailWhenVerifyingWithoutChangingTheDirectory() throws IOException {
        Path dir = copyOfLive();
        Path last = TestJournals.segments(dir).getLast();
        long size = Files.size(last);
        try (var channel = java.nio.channels.FileChannel.open(last, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(size - 3);
        }

        ReplayReport report = ReplayVerifier.verify(dir, TestJournals.CONFIG);

        assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("cut short"));
        assertThat(report.lastSequence()).isEqualTo(COMMANDS);
        assertThat(Files.size(last)).isEqualTo(size - 3);
        assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("ahead of the journal"));
    }

    @Test
    void shouldReportFreshCoreWhenDirectoryIsEmpty() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("empty-" + caseNumber.incrementAndGet()));

        ReplayReport report = ReplayVerifier.verify(dir, TestJournals.CONFIG);
        Recovery.Result recovered = Recovery.recover(TestJournals.CONFIG, dir, CoreEventListener.NO_OP);

        String freshHash = new ExchangeCore(TestJournals.CONFIG, BookKind.FAST).stateHashHex();
        assertThat(report.ok()).isTrue();
        assertThat(report.records()).isZero();
        assertThat(report.stateHashHex()).isEqualTo(freshHash);
        assertThat(recovered.core().lastSequence()).isZero();
        assertThat(recovered.core().stateHashHex()).isEqualTo(freshHash);
        assertThat(recovered.report().truncated()).isFalse();
    }

    @Test
    void shouldReportMismatchWhenVerifiedWithAnotherConfig() {
        CoreConfig other = new CoreConfig(StandardMarkets.config().assets(), StandardMarkets.config().markets(),
                StandardMarkets.FEES, 77);

        ReplayReport report = ReplayVerifier.verify(live, other);

        assertThat(report.ok()).isFalse();
        assertThat(report.problems()).singleElement().asString().contains("different core configuration");
        assertThat(report.stateHashHex()).isNull();
        assertThat(report.toLines().getLast()).isEqualTo("-");
    }

    private Path copyOfLive() {
        Path dir = tmp.resolve("copy-" + System.nanoTime() + "-" + caseNumber.incrementAndGet());
        TestJournals.copyDirectory(live, dir);
        return dir;
    }
}
