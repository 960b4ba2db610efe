package io.lantau.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.core.command.Command;
import io.lantau.core.command.Deposit;
import io.lantau.core.command.OpenAccount;
import io.lantau.core.command.PlaceOrder;
import io.lantau.core.command.SetMarketStatus;
import io.lantau.core.config.CoreConfig;
import io.lantau.core.config.StandardMarkets;
import io.lantau.core.event.CommandRejected;
import io.lantau.core.event.CoreEvent;
import io.lantau.core.event.OrderAccepted;
import io.lantau.core.event.OrderRejected;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A test harness around one {@link Venue}: stamps sequence numbers and times, keeps the events of the last command,
 * funds accounts, and proves that a rejected command changed nothing.
 */
final class Desk {
    static final long FEE = StandardMarkets.FEE_ACCOUNT_ID;
    static final long ALICE = 101;
    static final long BOB = 102;
    static final long CAROL = 103;
    /** Tier 2: zero maker fee, 10 bps taker. */
    static final long MAKER = 104;

    static final int BTC = StandardMarkets.BTC.assetId();
    static final int ETH = StandardMarkets.ETH.assetId();
    static final int HKD = StandardMarkets.HKD.assetId();
    static final int USD = StandardMarkets.USD.assetId();
    /** BTC-HKD: tick 10 HKD, lot 0.001 BTC (100 000 sat), one lot at one tick = 1 HKD cent, min notional 100 HKD. */
    static final int BTC_HKD = 0;
    static final int ETH_HKD = 1;
    /** BTC-USD: tick 1 USD, lot 0.01 BTC, one lot at one tick = 1 US cent, min notional 10 USD. */
    static final int BTC_USD = 2;
    static final long LOT_BTC = 100_000;

    final Venue venue;
    /**
     * Receives every command the venue receives, except that a rejected command is replaced by a no-op with the same
     * sequence number: equal digests then prove the rejection changed nothing but the last sequence number.
     */
    private final Venue twin;
    private long sequence;
    private long nextDepositId = 1_000_000;
    private final List<CoreEvent> last = new ArrayList<>();

    Desk(Venue.Kind kind) {
        this(kind, StandardMarkets.config());
    }

    Desk(Venue.Kind kind, CoreConfig config) {
        this.venue = kind.create(config);
        this.twin = kind.create(config);
    }

    /** The venues to run against; {@code -Dlantau.venues=REFERENCE_EXCHANGE} narrows them. */
    static Stream<Venue.Kind> kinds() {
        String only = System.getProperty("lantau.venues", "");
        return Arrays.stream(Venue.Kind.values()).filter(k -> only.isEmpty() || only.contains(k.name()));
    }

    /** Opens ALICE, BOB, CAROL (tier 0) and MAKER (tier 2). */
    Desk withTraders() {
        open(ALICE, 0);
        open(BOB, 0);
        open(CAROL, 0);
        open(MAKER, 2);
        return this;
    }

    ResultCode apply(Command command) {
        last.clear();
        sequence++;
        twin.apply(sequence, timestamp(), command, new ArrayList<>());
        return venue.apply(sequence, timestamp(), command, last);
    }

    long sequence() {
        return sequence;
    }

    long timestamp() {
        return 1_000_000_000L * sequence;
    }

    /** @return the events of the last command. */
    List<CoreEvent> events() {
        return List.copyOf(last);
    }

    <T extends CoreEvent> List<T> events(Class<T> type) {
        return last.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends CoreEvent> T only(Class<T> type) {
        List<T> found = events(type);
        assertThat(found).as("events of type %s in %s", type.getSimpleName(), last).hasSize(1);
        return found.get(0);
    }

    void open(long accountId, int tier) {
        assertThat(apply(new OpenAccount(accountId, AccountKind.CLIENT, tier))).isEqualTo(ResultCode.OK);
    }

    void fund(long accountId, int assetId, long amountMinor) {
        assertThat(apply(new Deposit(nextDepositId++, accountId, assetId, amountMinor))).isEqualTo(ResultCode.OK);
    }

    /** Places an order that must be accepted; returns its id. */
    long place(PlaceOrder order) {
        ResultCode code = apply(order);
        assertThat(code).as("placing %s: %s", order, last).isEqualTo(ResultCode.OK);
        return only(OrderAccepted.class).order().orderId();
    }

    long available(long accountId, int assetId) {
        return venue.availableMinor(accountId, assetId);
    }

    long locked(long accountId, int assetId) {
        return venue.lockedMinor(accountId, assetId);
    }

    OrderView order(long orderId) {
        return venue.openOrder(orderId);
    }

    /** Everything observable: balances of every account, open orders, market statuses, the state digest. */
    State state() {
        Map<Long, List<Long>> balances = new TreeMap<>();
        Map<Long, List<String>> orders = new TreeMap<>();
        int assets = venue.config().assets().size();
        for (long id : venue.accountIds()) {
            List<Long> row = new ArrayList<>();
            for (int a = 0; a < assets; a++) {
                row.add(venue.availableMinor(id, a));
                row.add(venue.lockedMinor(id, a));
            }
            balances.put(id, row);
            orders.put(id, venue.openOrders(id).stream().sorted(Comparator.comparingLong(OrderView::orderId))
                    .map(o -> io.lantau.core.event.OrderSnapshot.of(o).toString()).toList());
        }
        List<MarketStatus> statuses = new ArrayList<>();
        for (int m = 0; m < venue.config().markets().size(); m++) {
            statuses.add(venue.marketStatus(m));
        }
        return new State(balances, orders, statuses, venue.stateDigest());
    }

    /** Applies a command that must be rejected with {@code code}, emitting only its rejection and changing nothing. */
    void assertRejected(Command command, ResultCode code) {
        State before = state();
        last.clear();
        sequence++;
        SetMarketStatus noOp = new SetMarketStatus(0, twin.marketStatus(0));
        assertThat(twin.apply(sequence, timestamp(), noOp, new ArrayList<>())).isEqualTo(ResultCode.OK);
        ResultCode result = venue.apply(sequence, timestamp(), command, last);
        assertThat(result).as("result of %s", command).isEqualTo(code);
        CoreEvent rejection = command instanceof PlaceOrder p
                ? new OrderRejected(sequence, timestamp(), p, code)
                : new CommandRejected(sequence, timestamp(), command, code);
        assertThat(last).as("events of %s", command).containsExactly(rejection);
        State after = state();
        assertThat(after.balances()).as("balances").isEqualTo(before.balances());
        assertThat(after.openOrders()).as("open orders").isEqualTo(before.openOrders());
        assertThat(after.statuses()).as("market statuses").isEqualTo(before.statuses());
        assertThat(after.digest()).as("state hash, compared with a twin that got a no-op instead")
                .isEqualTo(twin.stateDigest());
    }

    record State(Map<Long, List<Long>> balances, Map<Long, List<String>> openOrders, List<MarketStatus> statuses,
            String digest) {
    }
}
