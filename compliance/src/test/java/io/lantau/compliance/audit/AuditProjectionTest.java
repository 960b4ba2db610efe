package io.lantau.compliance.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.core.CancelReason;
import io.lantau.core.OrderStatus;
import io.lantau.core.OrderType;
import io.lantau.core.ResultCode;
import io.lantau.core.SelfTradePrevention;
import io.lantau.core.Side;
import io.lantau.core.TimeInForce;
import io.lantau.core.command.CancelOrder;
import io.lantau.core.command.PlaceOrder;
import io.lantau.core.event.AccountStatusChanged;
import io.lantau.core.event.CommandRejected;
import io.lantau.core.event.CoreEvent;
import io.lantau.core.event.InvestorProfileChanged;
import io.lantau.core.event.MarketStatusChanged;
import io.lantau.core.event.OrderAccepted;
import io.lantau.core.event.OrderAmended;
import io.lantau.core.event.OrderCanceled;
import io.lantau.core.event.OrderExpired;
import io.lantau.core.event.OrderRejected;
import io.lantau.core.event.OrderSnapshot;
import io.lantau.core.event.ReferencePriceChanged;
import io.lantau.core.event.RetailAccessChanged;
import io.lantau.core.event.TradeExecuted;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditProjectionTest extends AuditEngineTestBase {
    private static final List<CoreStream.Batch> STREAM = CoreStream.generate(7, 4_000, 20);
    private static final List<AuditEntry> EXPECTED = expected(STREAM);

    /** The records the stream should give, as (time, kind, actor, subject, details), in order. */
    private static List<AuditEntry> expected(List<CoreStream.Batch> stream) {
        List<AuditEntry> entries = new ArrayList<>();
        for (CoreStream.Batch b : stream) {
            for (CoreEvent e : b.events()) {
                CoreEventAudit.entries(e, entries);
            }
        }
        return entries;
    }

    private static long count(Class<?>... types) {
        return STREAM.stream().flatMap(b -> b.events().stream())
                .filter(e -> java.util.Arrays.stream(types).anyMatch(t -> t.isInstance(e))).count();
    }

    private List<AuditEntry> stored() throws SQLException {
        List<AuditEntry> entries = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(AuditRows.SELECT_ALL)) {
            long expectedSeq = 1;
            while (rs.next()) {
                AuditRecord r = AuditRows.read(rs);
                assertThat(r.sequence()).isEqualTo(expectedSeq++);
                entries.add(new AuditEntry(r.time(), AuditKind.valueOf(r.kind()), r.actor(), r.subject(),
                        r.details()));
            }
        }
        return entries;
    }

    @Test
    void shouldAppendOneRecordPerAuditedEventWhenStreamApplied() throws SQLException {
        AuditTrail trail = new AuditTrail(database.dataSource());
        CoreStream.feed(new AuditProjection(trail), STREAM, 37);

        long audited = count(OrderAccepted.class, OrderAmended.class, OrderCanceled.class, OrderExpired.class,
                TradeExecuted.class, OrderRejected.class, MarketStatusChanged.class, RetailAccessChanged.class,
                ReferencePriceChanged.class, AccountStatusChanged.class, InvestorProfileChanged.class)
                + STREAM.stream().flatMap(b -> b.events().stream())
                        .filter(e -> e instanceof CommandRejected r && switch (r.command()) {
                            case CancelOrder x -> true;
                            case io.lantau.core.command.AmendOrder x -> true;
                            case io.lantau.core.command.CancelAllOrders x -> true;
                            case io.lantau.core.command.SetMarketStatus x -> true;
                            case io.lantau.core.command.SetRetailAccess x -> true;
                            case io.lantau.core.command.SetReferencePrice x -> true;
                            case io.lantau.core.command.SetAccountStatus x -> true;
                            case io.lantau.core.command.SetInvestorProfile x -> true;
                            default -> false;
                        })
                        .count();
        List<AuditEntry> stored = stored();
        assertThat(count(TradeExecuted.class)).isGreaterThan(500);
        assertThat(count(OrderRejected.class)).isPositive();
        assertThat(count(MarketStatusChanged.class, AccountStatusChanged.class, InvestorProfileChanged.class))
                .isPositive();
        assertThat(stored).hasSize((int) audited).isEqualTo(EXPECTED);
        assertThat(stored).extracting(AuditEntry::kind).contains(AuditKind.ORDER_EVENT,
                AuditKind.MARKET_PARAMETER_CHANGE, AuditKind.ACCOUNT_STATUS_CHANGE, AuditKind.INVESTOR_PROFILE_CHANGE);
        assertThat(AuditVerifier.verify(database.dataSource()).ok()).isTrue();
    }

    @Test
    void shouldNameEveryTradeOnceWhenStreamApplied() throws SQLException {
        CoreStream.feed(new AuditProjection(new AuditTrail(database.dataSource())), STREAM, 100);

        List<String> tradeRecords = stored().stream().map(AuditEntry::details)
                .filter(d -> d.startsWith("{\"event\":\"EXECUTED\"")).toList();
        Set<Long> tradeIds = new java.util.HashSet<>();
        for (CoreStream.Batch b : STREAM) {
            for (CoreEvent e : b.events()) {
                if (e instanceof TradeExecuted t) {
                    tradeIds.add(t.tradeId());
                }
            }
        }
        assertThat(tradeRecords).hasSize(tradeIds.size());
        for (long id : tradeIds) {
            assertThat(tradeRecords).filteredOn(d -> d.contains("\"tradeId\":" + id + ",")).hasSize(1);
        }
    }

    @Test
    void shouldEqualAnUninterruptedRunWhenResumedAfterCrashMidStream() throws SQLException {
        AuditProjection first = new AuditProjection(new AuditTrail(database.dataSource()));
        for (int i = 0; i < 2_345; i++) {
            CoreStream.Batch b = STREAM.get(i);
            first.onCommand(b.sequence(), b.timestampNanos(), b.events());
            if (i % 50 == 49) {
                first.endOfBatch();
            }
        }
        // The crash: what was applied in memory after the last endOfBatch is lost with the process.
        for (int i = 2_345; i < 3_000; i++) {
            CoreStream.Batch b = STREAM.get(i);
            first.onCommand(b.sequence(), b.timestampNanos(), b.events());
        }
        long committed = first.lastAppliedSequence();
        assertThat(committed).isEqualTo(STREAM.get(2_299).sequence());

        AuditProjection resumed = new AuditProjection(new AuditTrail(database.dataSource()));
        assertThat(resumed.lastAppliedSequence()).isEqualTo(committed);
        // The journal feeds again from somewhat before the offset: what was written is skipped.
        CoreStream.feed(resumed, STREAM.subList(2_000, STREAM.size()), 64);

        assertThat(stored()).isEqualTo(EXPECTED);
        assertThat(AuditVerifier.verify(database.dataSource()).ok()).isTrue();
    }

    @Test
    void shouldChangeNothingWhenWholeStreamReplayedAfterRestart() throws SQLException {
        CoreStream.feed(new AuditProjection(new AuditTrail(database.dataSource())), STREAM, 100);

        CoreStream.feed(new AuditProjection(new AuditTrail(database.dataSource())), STREAM, 100);

        assertThat(stored()).isEqualTo(EXPECTED);
    }

    @Test
    void shouldWriteWithoutEndOfBatchWhenBatchReachesMaxCommands() {
        AuditTrail trail = new AuditTrail(database.dataSource());
        AuditProjection projection = new AuditProjection(trail, 100);
        for (CoreStream.Batch b : STREAM.subList(0, 250)) {
            projection.onCommand(b.sequence(), b.timestampNanos(), b.events());
        }

        assertThat(projection.lastAppliedSequence()).isEqualTo(STREAM.get(199).sequence());
        assertThat(new AuditProjection(trail).lastAppliedSequence()).isEqualTo(STREAM.get(199).sequence());
    }

    @Test
    void shouldRefuseCommandWhenSequenceLeavesGap() {
        AuditProjection projection = new AuditProjection(new AuditTrail(database.dataSource()));
        projection.onCommand(1, 0, List.of());
        projection.onCommand(2, 0, List.of());

        assertThatThrownBy(() -> projection.onCommand(4, 0, List.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("expected sequence 3");
    }

    @Test
    void shouldKeepOneChainWhenServicesAppendWhileProjectionWrites() throws SQLException {
        AuditTrail trail = new AuditTrail(database.dataSource());
        AuditProjection projection = new AuditProjection(trail);
        int logins = 0;
        for (int i = 0; i < 1_000; i++) {
            CoreStream.Batch b = STREAM.get(i);
            projection.onCommand(b.sequence(), b.timestampNanos(), b.events());
            if (i % 20 == 19) {
                projection.endOfBatch();
                trail.append(new AuditEntry(java.time.Instant.now(), AuditKind.LOGIN, "user:1", "account:1", "{}"));
                logins++;
            }
        }
        projection.endOfBatch();

        List<AuditEntry> stored = stored();
        assertThat(stored.stream().filter(e -> e.kind() != AuditKind.LOGIN).toList())
                .isEqualTo(expected(STREAM.subList(0, 1_000)));
        assertThat(stored).filteredOn(e -> e.kind() == AuditKind.LOGIN).hasSize(logins);
        assertThat(AuditVerifier.verify(database.dataSource()).ok()).isTrue();
    }

    @Test
    void shouldClassifyRejectionsAndForcedCancelsWhenMapped() {
        PlaceOrder buy = PlaceOrder.limit(1001, 0, Side.BUY, 50_000, 10);
        List<AuditEntry> out = new ArrayList<>();
        CoreEventAudit.entries(new OrderRejected(5, 1_000, buy, ResultCode.EXPOSURE_LIMIT_EXCEEDED), out);
        CoreEventAudit.entries(new OrderRejected(6, 1_000, buy, ResultCode.NOT_RETAIL_ELIGIBLE), out);
        CoreEventAudit.entries(new OrderRejected(7, 1_000, buy, ResultCode.INVALID_PRICE), out);
        OrderSnapshot order = new OrderSnapshot(9, 1001, 0, "c1", Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
                SelfTradePrevention.EXPIRE_MAKER, 50_000, 10, 0, 0, 0, 0, 0, OrderStatus.CANCELED, 1, 2);
        CoreEventAudit.entries(new OrderCanceled(8, 2_000, order, CancelReason.RETAIL_ACCESS), out);
        CoreEventAudit.entries(new OrderCanceled(9, 2_000, order, CancelReason.USER), out);

        assertThat(out).extracting(AuditEntry::kind).containsExactly(AuditKind.LIMIT_EXCEPTION,
                AuditKind.COMPLIANCE_EXCEPTION, AuditKind.ORDER_EVENT, AuditKind.ORDER_EVENT, AuditKind.ORDER_EVENT);
        assertThat(out.get(0).details()).contains("\"code\":\"EXPOSURE_LIMIT_EXCEEDED\"", "\"command\":5");
        assertThat(out).extracting(AuditEntry::actor).containsExactly("account:1001", "account:1001",
                "account:1001", "system", "account:1001");
        assertThat(out.get(3).details()).contains("\"orderId\":9", "\"clientOrderId\":\"c1\"",
                "\"reason\":\"RETAIL_ACCESS\"");
    }
}
