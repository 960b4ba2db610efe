package io.lantau.store.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.core.OrderStatus;
import io.lantau.core.OrderType;
import io.lantau.core.SelfTradePrevention;
import io.lantau.core.Side;
import io.lantau.core.TimeInForce;
import io.lantau.core.event.CoreEvent;
import io.lantau.core.event.OrderAccepted;
import io.lantau.core.event.OrderRejected;
import io.lantau.core.event.OrderRested;
import io.lantau.core.event.OrderSnapshot;
import io.lantau.store.EngineTestBase;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryProjectionTest extends EngineTestBase {
    private static final List<EventStream.Batch> STREAM = EventStream.generate(42, 6_000, 30, 400);
    private static final HistoryTables.Contents EXPECTED = HistoryTables.expected(STREAM);

    @Test
    void shouldStoreEveryAcceptedOrderInItsFinalStateWhenStreamApplied() throws SQLException {
        EventStream.feed(new HistoryProjection(database.dataSource()), STREAM, 37);

        HistoryTables.Contents actual = HistoryTables.read(database.dataSource());
        long accepted = count(OrderAccepted.class);
        assertThat(accepted).isGreaterThan(3_000);
        assertThat(count(OrderRejected.class)).as("the stream has rejections").isPositive();
        assertThat(actual.orders()).hasSize((int) accepted).isEqualTo(EXPECTED.orders());
        assertThat(actual.orders().values()).extracting(OrderSnapshot::status)
                .contains(OrderStatus.NEW, OrderStatus.PARTIALLY_FILLED, OrderStatus.FILLED, OrderStatus.CANCELED,
                        OrderStatus.EXPIRED, OrderStatus.EXPIRED_IN_MATCH);
    }

    @Test
    void shouldStoreEveryTradeOnceWhenStreamApplied() throws SQLException {
        EventStream.feed(new HistoryProjection(database.dataSource()), STREAM, 37);

        HistoryTables.Contents actual = HistoryTables.read(database.dataSource());
        assertThat(actual.trades()).hasSizeGreaterThan(1_000).isEqualTo(EXPECTED.trades());
    }

    @Test
    void shouldStoreCandlesEqualToRecomputationFromTradesWhenStreamApplied() throws SQLException {
        EventStream.feed(new HistoryProjection(database.dataSource()), STREAM, 37);

        HistoryTables.Contents actual = HistoryTables.read(database.dataSource());
        assertThat(actual.candles()).hasSizeGreaterThan(30).isEqualTo(EXPECTED.candles());
        assertThat(actual.offset()).isEqualTo(STREAM.get(STREAM.size() - 1).sequence());
    }

    @Test
    void shouldStoreTheSameWhenEveryCommandIsItsOwnBatch() throws SQLException {
        List<EventStream.Batch> prefix = STREAM.subList(0, 1_500);
        EventStream.feed(new HistoryProjection(database.dataSource()), prefix, 1);

        assertThat(HistoryTables.read(database.dataSource())).isEqualTo(HistoryTables.expected(prefix));
    }

    @Test
    void shouldChangeNothingWhenWholeStreamReplayedAfterRestart() throws SQLException {
        EventStream.feed(new HistoryProjection(database.dataSource()), STREAM, 100);
        HistoryTables.Contents before = HistoryTables.read(database.dataSource());

        HistoryProjection restarted = new HistoryProjection(database.dataSource());
        assertThat(restarted.lastAppliedSequence()).isEqualTo(EXPECTED.offset());
        EventStream.feed(restarted, STREAM, 100);

        assertThat(HistoryTables.read(database.dataSource())).isEqualTo(before).isEqualTo(EXPECTED);
    }

    @Test
    void shouldEqualAnUninterruptedRunWhenResumedAfterCrashMidStream() throws SQLException {
        HistoryProjection first = new HistoryProjection(database.dataSource());
        int committedUpTo = 2_345;
        for (int i = 0; i < committedUpTo; i++) {
            EventStream.Batch b = STREAM.get(i);
            first.onCommand(b.sequence(), b.timestampNanos(), b.events());
            if (i % 50 == 49) {
                first.endOfBatch();
            }
        }
        // The crash: commands applied in memory after the last endOfBatch are lost with the process.
        for (int i = committedUpTo; i < 3_000; i++) {
            EventStream.Batch b = STREAM.get(i);
            first.onCommand(b.sequence(), b.timestampNanos(), b.events());
        }
        long committed = first.lastAppliedSequence();
        assertThat(committed).isEqualTo(STREAM.get(2_299).sequence());

        HistoryProjection resumed = new HistoryProjection(database.dataSource());
        assertThat(resumed.lastAppliedSequence()).isEqualTo(committed);
        int resumeIndex = (int) (committed - STREAM.get(0).sequence()) + 1;
        EventStream.feed(resumed, STREAM.subList(resumeIndex, STREAM.size()), 64);

        assertThat(HistoryTables.read(database.dataSource())).isEqualTo(EXPECTED);
    }

    @Test
    void shouldWriteNothingWhenCrashedBeforeEndOfBatch() throws SQLException {
        HistoryProjection projection = new HistoryProjection(database.dataSource());
        for (EventStream.Batch b : STREAM.subList(0, 500)) {
            projection.onCommand(b.sequence(), b.timestampNanos(), b.events());
        }

        assertThat(projection.lastAppliedSequence()).isZero();
        HistoryTables.Contents actual = HistoryTables.read(database.dataSource());
        assertThat(actual.orders()).isEmpty();
        assertThat(actual.trades()).isEmpty();
        assertThat(actual.offset()).isZero();
    }

    @Test
    void shouldWriteWithoutEndOfBatchWhenBatchReachesMaxCommands() {
        HistoryProjection projection = new HistoryProjection(database.dataSource(), 100);
        for (EventStream.Batch b : STREAM.subList(0, 250)) {
            projection.onCommand(b.sequence(), b.timestampNanos(), b.events());
        }

        assertThat(projection.lastAppliedSequence()).isEqualTo(STREAM.get(199).sequence());
        assertThat(new HistoryProjection(database.dataSource()).lastAppliedSequence())
                .isEqualTo(STREAM.get(199).sequence());
    }

    @Test
    void shouldRefuseCommandWhenSequenceLeavesGap() {
        HistoryProjection projection = new HistoryProjection(database.dataSource());
        projection.onCommand(1, 0, List.of());
        projection.onCommand(2, 0, List.of());

        assertThatThrownBy(() -> projection.onCommand(4, 0, List.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("expected sequence 3");
    }

    @Test
    void shouldRefuseCommandWhenStoredOffsetAndStreamLeaveGap() {
        HistoryProjection projection = new HistoryProjection(database.dataSource());
        projection.onCommand(1, 0, List.of());
        projection.endOfBatch();

        HistoryProjection restarted = new HistoryProjection(database.dataSource());
        assertThatThrownBy(() -> restarted.onCommand(3, 0, List.of())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldInsertOrderWhenFirstSeenAfterItsAcceptance() throws SQLException {
        OrderSnapshot accepted = order(7, OrderStatus.NEW, 0);
        HistoryProjection projection = new HistoryProjection(database.dataSource());
        projection.onCommand(10, 1_000, List.<CoreEvent>of(new OrderAccepted(10, 1_000, accepted)));
        projection.endOfBatch();
        OrderSnapshot unseen = order(5, OrderStatus.NEW, 0);

        projection.onCommand(11, 2_000, List.<CoreEvent>of(new OrderRested(11, 2_000, unseen),
                new OrderRested(11, 2_000, accepted)));
        projection.endOfBatch();

        assertThat(HistoryTables.read(database.dataSource()).orders()).containsOnlyKeys(5L, 7L);
    }

    @Test
    void shouldStoreNoLockWhenOrderEnded() throws SQLException {
        HistoryProjection projection = new HistoryProjection(database.dataSource());
        projection.onCommand(1, 1_000, List.<CoreEvent>of(new OrderAccepted(1, 1_000, order(1, OrderStatus.NEW, 500)),
                new OrderAccepted(1, 1_000, order(2, OrderStatus.CANCELED, 500))));
        projection.endOfBatch();

        assertThat(HistoryTables.read(database.dataSource()).orders().values())
                .extracting(OrderSnapshot::lockedMinor).containsExactly(500L, 0L);
    }

    private static OrderSnapshot order(long orderId, OrderStatus status, long lockedMinor) {
        return new OrderSnapshot(orderId, 1001, 0, null, Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
                SelfTradePrevention.EXPIRE_MAKER, 50_000, 10, 0, 0, 0, 0, lockedMinor, status, 1_000, 1_000);
    }

    private static long count(Class<? extends CoreEvent> type) {
        return STREAM.stream().flatMap(b -> b.events().stream()).filter(type::isInstance).count();
    }
}
