package io.lantau.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.core.CoreEventListener;
import io.lantau.core.OrderType;
import io.lantau.core.ResultCode;
import io.lantau.core.SelfTradePrevention;
import io.lantau.core.Side;
import io.lantau.core.TimeInForce;
import io.lantau.core.command.Command;
import io.lantau.core.command.PlaceOrder;
import io.lantau.core.config.CoreConfig;
import io.lantau.core.config.StandardMarkets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JournaledCoreTest {
    @TempDir
    Path dir;

    private JournalConfig config(FsyncPolicy policy) {
        return new JournalConfig(dir, policy, 2, JournalConfig.MIN_SEGMENT_SIZE_BYTES, 500, 256);
    }

    @ParameterizedTest
    @EnumSource(FsyncPolicy.class)
    void shouldReleaseEveryResultOnceInSequenceOrderWhenManyThreadsSubmit(FsyncPolicy policy) throws Exception {
        List<Long> released = new ArrayList<>();
        List<ResultCode> codes = new ArrayList<>();
        ConcurrentLinkedQueue<String> wrongThread = new ConcurrentLinkedQueue<>();
        JournaledCore core = JournaledCore.start(TestJournals.CONFIG, config(policy), CoreEventListener.NO_OP,
                TestJournals.steppingClock());
        ResultListener listener = (sequence, code) -> {
            if (!Thread.currentThread().getName().equals("lantau-journal-sync")) {
                wrongThread.add(Thread.currentThread().getName());
            }
            released.add(sequence);
            codes.add(code);
        };
        List<Thread> producers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            List<Command> commands = CommandStreamGenerator.commands(100 + t, 1_500);
            Thread producer = new Thread(() -> commands.forEach(c -> core.submit(c, listener)));
            producers.add(producer);
            producer.start();
        }
        for (Thread producer : producers) {
            producer.join();
        }
        core.close();

        assertThat(wrongThread).isEmpty();
        assertThat(released).hasSize(6_000);
        for (int i = 0; i < released.size(); i++) {
            assertThat(released.get(i)).isEqualTo(i + 1L);
        }
        assertThat(codes).contains(ResultCode.OK).doesNotContainNull();
        assertThat(core.durableSequence()).isEqualTo(6_000);
        assertThat(core.coreAfterClose().lastSequence()).isEqualTo(6_000);
        assertThat(ReplayVerifier.verify(dir, TestJournals.CONFIG).stateHashHex())
                .isEqualTo(core.coreAfterClose().stateHashHex());
    }

    @Test
    void shouldContinueSequencesWhenRestartedOnTheSameDirectory() {
        List<Long> released = new ArrayList<>();
        String hashBefore;
        JournaledCore first = JournaledCore.start(TestJournals.CONFIG, config(FsyncPolicy.EVERY_BATCH),
                CoreEventListener.NO_OP, TestJournals.steppingClock());
        CommandStreamGenerator.commands(5, 1_234).forEach(c -> first.submit(c, ResultListener.NO_OP));
        first.close();
        hashBefore = first.coreAfterClose().stateHashHex();

        JournaledCore second = JournaledCore.start(TestJournals.CONFIG, config(FsyncPolicy.EVERY_BATCH),
                CoreEventListener.NO_OP, TestJournals.steppingClock());
        RecoveryReport report = second.recoveryReport();
        second.submit(PlaceOrder.limit(1000, 0, Side.BUY, 50_000, 1), (sequence, code) -> released.add(sequence));
        second.close();

        assertThat(report.lastSequence()).isEqualTo(1_234);
        assertThat(report.snapshotSequence()).isEqualTo(1_000);
        assertThat(report.recordsReplayed()).isEqualTo(234);
        assertThat(report.truncated()).isFalse();
        assertThat(released).containsExactly(1_235L);
        ReplayReport verified = ReplayVerifier.verify(dir, TestJournals.CONFIG);
        assertThat(verified.problems()).isEmpty();
        assertThat(verified.lastSequence()).isEqualTo(1_235);
        assertThat(verified.stateHashHex()).isEqualTo(second.coreAfterClose().stateHashHex()).isNotEqualTo(hashBefore);
    }

    @Test
    void shouldAppendAfterTheLastWholeRecordWhenTheTailWasTorn() throws Exception {
        TestJournals.write(dir, CommandStreamGenerator.commands(9, 100), JournalConfig.MIN_SEGMENT_SIZE_BYTES);
        Path segment = TestJournals.segments(dir).getLast();
        try (var channel = java.nio.channels.FileChannel.open(segment, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 5);
        }

        JournaledCore core = JournaledCore.start(TestJournals.CONFIG, config(FsyncPolicy.EVERY_BATCH),
                CoreEventListener.NO_OP, TestJournals.steppingClock());
        List<Long> released = new ArrayList<>();
        core.submit(new io.lantau.core.command.SettleWithdrawal(123), (sequence, code) -> released.add(sequence));
        core.close();

        assertThat(core.recoveryReport().truncated()).isTrue();
        assertThat(core.recoveryReport().lastSequence()).isEqualTo(99);
        assertThat(released).containsExactly(100L);
        ReplayReport verified = ReplayVerifier.verify(dir, TestJournals.CONFIG);
        assertThat(verified.problems()).isEmpty();
        assertThat(verified.records()).isEqualTo(100);
    }

    @Test
    void shouldStartFreshWhenDataDirectoryIsEmpty() {
        JournaledCore core = JournaledCore.start(TestJournals.CONFIG, config(FsyncPolicy.EVERY_BATCH),
                CoreEventListener.NO_OP, TestJournals.steppingClock());
        core.close();

        assertThat(core.recoveryReport().lastSequence()).isZero();
        assertThat(core.recoveryReport().snapshotUsed()).isNull();
        assertThat(core.durableSequence()).isZero();
    }

    @Test
    void shouldRefuseToStartWhenJournalWasWrittenWithAnotherConfig() {
        TestJournals.write(dir, CommandStreamGenerator.commands(9, 10), JournalConfig.MIN_SEGMENT_SIZE_BYTES);
        CoreConfig other = new CoreConfig(StandardMarkets.config().assets(),
                StandardMarkets.config().markets().subList(0, 2), StandardMarkets.FEES, 1);

        assertThatThrownBy(() -> JournaledCore.start(other, config(FsyncPolicy.EVERY_BATCH), CoreEventListener.NO_OP,
                TestJournals.steppingClock()))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("different core configuration");
        assertThat(TestJournals.segments(dir)).hasSize(1);
    }

    @Test
    void shouldRejectCommandsThatCannotBeJournaledAndCommandsAfterClose() {
        JournaledCore core = JournaledCore.start(TestJournals.CONFIG, config(FsyncPolicy.ASYNC),
                CoreEventListener.NO_OP, TestJournals.steppingClock());
        PlaceOrder tooLong = new PlaceOrder(1000, 0, "x".repeat(300), Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
                1, 1, 0, SelfTradePrevention.NONE);

        assertThatThrownBy(() -> core.submit(tooLong, ResultListener.NO_OP))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> core.submit(null, ResultListener.NO_OP))
                .isInstanceOf(IllegalArgumentException.class);
        core.close();
        assertThatThrownBy(() -> core.submit(PlaceOrder.limit(1000, 0, Side.BUY, 1, 1), ResultListener.NO_OP))
                .isInstanceOf(IllegalStateException.class);
        assertThat(core.durableSequence()).isZero();
    }

    @Test
    void shouldKeepReleasingWhenAResultListenerThrows() {
        List<Long> released = new ArrayList<>();
        JournaledCore core = JournaledCore.start(TestJournals.CONFIG, config(FsyncPolicy.EVERY_BATCH),
                CoreEventListener.NO_OP, TestJournals.steppingClock());
        core.submit(new io.lantau.core.command.SettleWithdrawal(1), (sequence, code) -> {
            throw new IllegalStateException("listener bug");
        });
        core.submit(new io.lantau.core.command.SettleWithdrawal(2), (sequence, code) -> released.add(sequence));
        core.close();

        assertThat(released).containsExactly(2L);
        assertThat(core.listenerFailures()).isEqualTo(1);
    }
}
