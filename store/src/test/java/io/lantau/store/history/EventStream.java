package io.lantau.store.history;

import io.lantau.core.AccountKind;
import io.lantau.core.BookKind;
import io.lantau.core.ExchangeCore;
import io.lantau.core.OrderType;
import io.lantau.core.OrderView;
import io.lantau.core.SelfTradePrevention;
import io.lantau.core.Side;
import io.lantau.core.TimeInForce;
import io.lantau.core.command.AmendOrder;
import io.lantau.core.command.CancelAllOrders;
import io.lantau.core.command.CancelOrder;
import io.lantau.core.command.Command;
import io.lantau.core.command.Deposit;
import io.lantau.core.command.OpenAccount;
import io.lantau.core.command.PlaceOrder;
import io.lantau.core.config.CoreConfig;
import io.lantau.core.config.MarketSpec;
import io.lantau.core.config.StandardMarkets;
import io.lantau.core.event.CoreEvent;
import io.lantau.core.event.EventRecorder;
import io.lantau.store.Projection;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A realistic event stream from a real {@link ExchangeCore}: seeded commands from a few dozen funded accounts on
 * three markets whose mid prices wander, mostly GTC limit orders around the mid (so that many cross), IOC, FOK,
 * post-only and market orders, cancels, amends, cancel-alls and a few invalid orders; sequencer time advancing a few
 * hundred milliseconds per command, so candles span many minutes. Events are grouped by command.
 */
final class EventStream {
    static final long START_NANOS = 1_735_689_600_000_000_000L; // 2025-01-01T00:00:00Z
    private static final int[] MARKETS = {0, 2, 3};
    private static final long[] MIDS = {50_000, 25_000, 60_000, 3_000, 5_000, 6_000_000, 300_000};
    private static final SelfTradePrevention[] STP = SelfTradePrevention.values();

    /** One command's events. */
    record Batch(long sequence, long timestampNanos, List<CoreEvent> events) {
    }

    private EventStream() {
    }

    /**
     * @param commands      how many trading commands after the set-up.
     * @param maxStepMillis sequencer time advances by 0…this per command.
     */
    static List<Batch> generate(long seed, int commands, int accounts, int maxStepMillis) {
        CoreConfig config = StandardMarkets.config();
        ExchangeCore core = new ExchangeCore(config, BookKind.FAST);
        EventRecorder recorder = new EventRecorder();
        Random random = new Random(seed);
        long[] mids = MIDS.clone();
        List<Batch> out = new ArrayList<>(commands + accounts * 6);
        long sequence = 0;
        long nanos = START_NANOS;
        List<Command> setup = new ArrayList<>();
        long depositId = 1;
        for (int a = 0; a < accounts; a++) {
            long account = 1000 + a;
            setup.add(new OpenAccount(account, AccountKind.CLIENT, random.nextInt(config.fees().tierCount())));
            for (int asset = 0; asset < config.assets().size(); asset++) {
                setup.add(new Deposit(depositId++, account, asset, 1_000_000_000_000L));
            }
        }
        for (Command command : setup) {
            sequence++;
            core.apply(sequence, nanos, command, recorder);
            out.add(new Batch(sequence, nanos, List.copyOf(recorder.events())));
            recorder.clear();
        }
        for (int i = 0; i < commands; i++) {
            int market = MARKETS[random.nextInt(MARKETS.length)];
            if (random.nextInt(20) == 0) {
                mids[market] = Math.max(100, mids[market] + random.nextInt(41) - 20);
            }
            long account = 1000 + random.nextInt(accounts);
            Command command = next(random, config, core, market, mids[market], account);
            sequence++;
            nanos += random.nextInt(maxStepMillis + 1) * 1_000_000L + random.nextInt(1_000_000);
            core.apply(sequence, nanos, command, recorder);
            out.add(new Batch(sequence, nanos, List.copyOf(recorder.events())));
            recorder.clear();
        }
        return out;
    }

    /** Feeds the batches to the projection, ending a batch every {@code commandsPerBatch} commands. */
    static void feed(Projection projection, List<Batch> batches, int commandsPerBatch) {
        int n = 0;
        for (Batch b : batches) {
            projection.onCommand(b.sequence(), b.timestampNanos(), b.events());
            if (++n % commandsPerBatch == 0) {
                projection.endOfBatch();
            }
        }
        projection.endOfBatch();
    }

    private static Command next(Random random, CoreConfig config, ExchangeCore core, int market, long mid,
            long account) {
        int roll = random.nextInt(100);
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        long quantity = 1 + random.nextInt(random.nextInt(10) == 0 ? 200 : 20);
        long offset = random.nextInt(25) - 10;
        long price = Math.max(1, mid + (side == Side.BUY ? offset : -offset));
        String clientOrderId = random.nextInt(3) == 0 ? "c" + random.nextInt(1_000_000) : null;
        SelfTradePrevention stp = STP[random.nextInt(STP.length)];
        if (roll < 45) {
            return new PlaceOrder(account, market, clientOrderId, side, OrderType.LIMIT, TimeInForce.GTC, price,
                    quantity, 0, stp);
        } else if (roll < 53) {
            return new PlaceOrder(account, market, clientOrderId, side, OrderType.LIMIT, TimeInForce.IOC, price,
                    quantity, 0, stp);
        } else if (roll < 57) {
            return new PlaceOrder(account, market, clientOrderId, side, OrderType.LIMIT, TimeInForce.FOK, price,
                    quantity, 0, stp);
        } else if (roll < 65) {
            long makerPrice = side == Side.BUY ? mid - 1 - random.nextInt(10) : mid + 1 + random.nextInt(10);
            return new PlaceOrder(account, market, clientOrderId, side, OrderType.LIMIT_MAKER, TimeInForce.GTC,
                    makerPrice, quantity, 0, stp);
        } else if (roll < 72) {
            if (side == Side.BUY && random.nextBoolean()) {
                MarketSpec spec = config.markets().get(market);
                return new PlaceOrder(account, market, clientOrderId, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0,
                        0, spec.notionalMinor(mid, quantity) + random.nextInt(1000), stp);
            }
            return new PlaceOrder(account, market, clientOrderId, side, OrderType.MARKET, TimeInForce.IOC, 0,
                    quantity, 0, stp);
        } else if (roll < 87) {
            List<OrderView> open = core.openOrders(account);
            if (open.isEmpty()) {
                return new CancelOrder(account, market, 1 + random.nextInt(1000), null);
            }
            OrderView o = open.get(random.nextInt(open.size()));
            return o.clientOrderId() != null && random.nextBoolean()
                    ? new CancelOrder(account, o.marketId(), 0, o.clientOrderId())
                    : new CancelOrder(account, o.marketId(), o.orderId(), null);
        } else if (roll < 97) {
            List<OrderView> open = core.openOrders(account);
            if (open.isEmpty()) {
                return new AmendOrder(account, market, 1 + random.nextInt(1000), price, quantity);
            }
            OrderView o = open.get(random.nextInt(open.size()));
            boolean reprice = random.nextBoolean();
            long newPrice = reprice ? Math.max(1, o.priceTicks() + random.nextInt(11) - 5) : o.priceTicks();
            long newQuantity = reprice ? o.quantityLots() : Math.max(o.filledLots() + 1, o.quantityLots() - 1);
            return new AmendOrder(account, o.marketId(), o.orderId(), newPrice, newQuantity);
        } else if (roll < 98) {
            return new CancelAllOrders(account, random.nextBoolean() ? market : CancelAllOrders.ALL_MARKETS);
        }
        // Invalid: rejected, so it must leave no order behind.
        return new PlaceOrder(account, market, clientOrderId, side, OrderType.LIMIT, TimeInForce.GTC, 0, quantity, 0,
                stp);
    }
}
