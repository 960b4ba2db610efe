package io.lantau.bench;

import io.lantau.core.AccountKind;
import io.lantau.core.BookKind;
import io.lantau.core.CoreEventListener;
import io.lantau.core.ExchangeCore;
import io.lantau.core.OrderType;
import io.lantau.core.OrderView;
import io.lantau.core.ResultCode;
import io.lantau.core.SelfTradePrevention;
import io.lantau.core.Side;
import io.lantau.core.TimeInForce;
import io.lantau.core.command.AmendOrder;
import io.lantau.core.command.CancelOrder;
import io.lantau.core.command.Command;
import io.lantau.core.command.Deposit;
import io.lantau.core.command.OpenAccount;
import io.lantau.core.command.PlaceOrder;
import io.lantau.core.config.StandardMarkets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single book operations through the core's public API, on BTC-HKD with a background book of 1,000 resting orders
 * (500 bid levels below the mid, 500 ask levels above). Each figure is the time of one {@code ExchangeCore.apply}
 * including the core's event calls to a listener that keeps order ids.
 *
 * <p>Operations that grow or shrink the book run in batches of {@value #BATCH}, and the batch is undone or prepared
 * outside the measurement ({@code Level.Invocation} set-up and tear-down, harmless at this batch length), so every
 * invocation starts from the same book.
 *
 * <p>Each runs against both books ({@code bookKind} parameter; {@code -p bookKind=FAST} for one).
 *
 * <p>Run: {@code ./lantau bench jmh OrderBookBenchmark} (any JMH option after it, e.g. {@code -f 1 -wi 3 -i 5}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OrderBookBenchmark {
    static final int BATCH = 1_000;
    static final int MARKET = 0;
    static final long MID_TICKS = 50_000;
    static final long MAKER = 1_000;
    static final long TAKER = 2_000;
    static final long BACKGROUND = 3_000;

    /** A core with funded accounts and the background book, and a sequence counter. */
    @State(Scope.Thread)
    public static class Book {
        /** The production book and the obviously-correct reference, side by side. */
        @Param({"FAST", "REFERENCE"})
        BookKind bookKind;

        ExchangeCore core;
        long sequence;
        final IdListener ids = new IdListener();

        /** JMH runs a state's trial set-ups in no fixed order: one set-up, with a hook for subclasses. */
        @Setup(Level.Trial)
        public final void createBook() {
            core = new ExchangeCore(StandardMarkets.config(), bookKind);
            long depositId = 1;
            for (long account : new long[] {MAKER, TAKER, BACKGROUND}) {
                apply(new OpenAccount(account, AccountKind.CLIENT, 0));
                for (int asset = 0; asset < core.config().assets().size(); asset++) {
                    apply(new Deposit(depositId++, account, asset, 1_000_000_000_000_000L));
                }
            }
            for (int level = 1; level <= 500; level++) {
                apply(PlaceOrder.limit(BACKGROUND, MARKET, Side.BUY, MID_TICKS - 10 - level, 5));
                apply(PlaceOrder.limit(BACKGROUND, MARKET, Side.SELL, MID_TICKS + 10 + level, 5));
            }
            afterBookCreated();
        }

        void afterBookCreated() {
        }

        long rejections;

        final ResultCode apply(Command command) {
            sequence++;
            ResultCode code = core.apply(sequence, sequence * 1_000, command, ids);
            if (code != ResultCode.OK) {
                rejections++;
            }
            return code;
        }

        /** A rejected command is cheap and would flatter the figure: every command here must succeed. */
        @TearDown(Level.Trial)
        public final void checkNoRejections() {
            if (rejections > 0) {
                throw new IllegalStateException(rejections + " commands were rejected: the benchmark is broken");
            }
        }

        /** Places a non-crossing bid on one of 10 levels just below the background's best bid; returns its id. */
        final long placeRestingBid(long account, int i) {
            apply(PlaceOrder.limit(account, MARKET, Side.BUY, MID_TICKS - 1 - (i % 10), 1));
            return ids.lastAccepted;
        }
    }

    /** Captures the id of the last accepted order. */
    static final class IdListener implements CoreEventListener {
        long lastAccepted;
        long trades;

        @Override
        public void onOrderAccepted(long sequence, long timestampNanos, OrderView order) {
            lastAccepted = order.orderId();
        }

        @Override
        public void onTradeExecuted(long sequence, long timestampNanos, long tradeId, OrderView taker,
                OrderView maker, long priceTicks, long quantityLots, long quoteMinor, long takerFeeMinor,
                long makerFeeMinor) {
            trades++;
        }
    }

    /** Book plus the ids of a batch of resting orders. */
    public static class Batch extends Book {
        final long[] orderIds = new long[BATCH];

        final void cancelBatch() {
            for (long orderId : orderIds) {
                apply(new CancelOrder(MAKER, MARKET, orderId, null));
            }
        }
    }

    /** For {@link #placeRest}: cancels what the invocation placed. */
    public static class PlaceState extends Batch {
        @TearDown(Level.Invocation)
        public void undo() {
            cancelBatch();
        }
    }

    /** For {@link #cancel}: places the batch the invocation cancels. */
    public static class CancelState extends Batch {
        @Setup(Level.Invocation)
        public void prepare() {
            for (int i = 0; i < BATCH; i++) {
                orderIds[i] = placeRestingBid(MAKER, i);
            }
        }
    }

    /** For {@link #matchCrossing}: one-lot asks at the mid that the invocation's takers fill one each. */
    public static class MatchState extends Book {
        @Setup(Level.Invocation)
        public void prepare() {
            for (int i = 0; i < BATCH; i++) {
                apply(PlaceOrder.limit(MAKER, MARKET, Side.SELL, MID_TICKS, 1));
            }
        }
    }

    /** For {@link #amendPrice}: a batch of resting bids, each moved between two prices in turn. */
    public static class AmendState extends Batch {
        final long[] prices = new long[BATCH];
        int next;

        @Override
        void afterBookCreated() {
            for (int i = 0; i < BATCH; i++) {
                orderIds[i] = placeRestingBid(MAKER, i);
                prices[i] = MID_TICKS - 1 - (i % 10);
            }
        }
    }

    /** A GTC limit bid that does not cross and rests (order accepted, lock taken, level found or made). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void placeRest(PlaceState state) {
        for (int i = 0; i < BATCH; i++) {
            state.orderIds[i] = state.placeRestingBid(MAKER, i);
        }
    }

    /** Cancel of a resting order by id (lock released, order leaves its level). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void cancel(CancelState state) {
        state.cancelBatch();
    }

    /** A one-lot IOC buy that fills one resting ask completely (trade, four balance moves, fees). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void matchCrossing(MatchState state) {
        for (int i = 0; i < BATCH; i++) {
            state.apply(new PlaceOrder(TAKER, MARKET, null, Side.BUY, OrderType.LIMIT, TimeInForce.IOC, MID_TICKS, 1,
                    0, SelfTradePrevention.MARKET_DEFAULT));
        }
    }

    /** A price amendment of a resting bid to a neighbouring non-crossing level (loses priority, re-rests). */
    @Benchmark
    public ResultCode amendPrice(AmendState state) {
        int i = state.next;
        state.next = i + 1 == BATCH ? 0 : i + 1;
        long low = MID_TICKS - 2 - (i % 10);
        long price = state.prices[i] == low ? low + 1 : low;
        state.prices[i] = price;
        return state.apply(new AmendOrder(MAKER, MARKET, state.orderIds[i], price, 1));
    }
}
