package io.lantau.compliance.audit;

import io.lantau.core.AccountKind;
import io.lantau.core.AccountStatus;
import io.lantau.core.BookKind;
import io.lantau.core.ExchangeCore;
import io.lantau.core.InvestorClass;
import io.lantau.core.MarketStatus;
import io.lantau.core.OrderType;
import io.lantau.core.OrderView;
import io.lantau.core.RetailAccess;
import io.lantau.core.SelfTradePrevention;
import io.lantau.core.Side;
import io.lantau.core.TimeInForce;
import io.lantau.core.command.AmendOrder;
import io.lantau.core.command.CancelOrder;
import io.lantau.core.command.Command;
import io.lantau.core.command.Deposit;
import io.lantau.core.command.OpenAccount;
import io.lantau.core.command.PlaceOrder;
import io.lantau.core.command.SetAccountStatus;
import io.lantau.core.command.SetInvestorProfile;
import io.lantau.core.command.SetMarketStatus;
import io.lantau.core.command.SetReferencePrice;
import io.lantau.core.command.SetRetailAccess;
import io.lantau.core.config.CoreConfig;
import io.lantau.core.config.StandardMarkets;
import io.lantau.core.event.CoreEvent;
import io.lantau.core.event.EventRecorder;
import io.lantau.store.Projection;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * An event stream from a real {@link ExchangeCore}: funded accounts trading on two markets (limit, IOC and market
 * orders, cancels, amends, a few invalid orders), with now and then a market status change, a retail-access change,
 * a reference price, an account status change or an investor profile change. Events grouped by command.
 */
final class CoreStream {
    static final long START_NANOS = 1_735_689_600_000_000_000L; // 2025-01-01T00:00:00Z

    /** One command's events. */
    record Batch(long sequence, long timestampNanos, List<CoreEvent> events) {
    }

    private CoreStream() {
    }

    static List<Batch> generate(long seed, int commands, int accounts) {
        CoreConfig config = StandardMarkets.config();
        ExchangeCore core = new ExchangeCore(config, BookKind.FAST);
        EventRecorder recorder = new EventRecorder();
        Random random = new Random(seed);
        List<Batch> out = new ArrayList<>();
        List<Command> all = new ArrayList<>();
        long depositId = 1;
        for (int a = 0; a < accounts; a++) {
            long account = 1000 + a;
            all.add(new OpenAccount(account, AccountKind.CLIENT, 0));
            for (int asset = 0; asset < config.assets().size(); asset++) {
                all.add(new Deposit(depositId++, account, asset, 1_000_000_000_000L));
            }
        }
        for (int asset = 0; asset < config.assets().size(); asset++) {
            all.add(new SetReferencePrice(asset, 100));
        }
        long sequence = 0;
        long nanos = START_NANOS;
        for (Command c : all) {
            nanos += 1_000_000;
            out.add(apply(core, recorder, ++sequence, nanos, c));
        }
        for (int i = 0; i < commands; i++) {
            long account = 1000 + random.nextInt(accounts);
            int market = random.nextBoolean() ? 0 : 2;
            nanos += random.nextInt(50) * 1_000_000L + random.nextInt(1_000_000);
            out.add(apply(core, recorder, ++sequence, nanos, next(random, core, account, market)));
        }
        return out;
    }

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

    private static Batch apply(ExchangeCore core, EventRecorder recorder, long sequence, long nanos, Command c) {
        core.apply(sequence, nanos, c, recorder);
        Batch b = new Batch(sequence, nanos, List.copyOf(recorder.events()));
        recorder.clear();
        return b;
    }

    private static Command next(Random random, ExchangeCore core, long account, int market) {
        int roll = random.nextInt(200);
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        long quantity = 1 + random.nextInt(20);
        long price = 50_000 + random.nextInt(21) - 10;
        if (roll == 0) {
            MarketStatus[] s = MarketStatus.values();
            return new SetMarketStatus(market, random.nextInt(4) == 0 ? s[random.nextInt(s.length)]
                    : MarketStatus.TRADING);
        } else if (roll == 1) {
            RetailAccess[] r = RetailAccess.values();
            return new SetRetailAccess(market, r[random.nextInt(r.length)]);
        } else if (roll == 2) {
            return new SetAccountStatus(account, random.nextBoolean() ? AccountStatus.SUSPENDED
                    : AccountStatus.ACTIVE);
        } else if (roll == 3) {
            return new SetInvestorProfile(account, random.nextBoolean() ? InvestorClass.RETAIL
                    : InvestorClass.PROFESSIONAL, 1_000_000_000L);
        } else if (roll == 4) {
            return new SetReferencePrice(random.nextInt(2), 100 + random.nextInt(100));
        } else if (roll < 110) {
            return new PlaceOrder(account, market, null, side, OrderType.LIMIT, TimeInForce.GTC, price, quantity, 0,
                    SelfTradePrevention.MARKET_DEFAULT);
        } else if (roll < 130) {
            return new PlaceOrder(account, market, null, side, OrderType.LIMIT, TimeInForce.IOC, price, quantity, 0,
                    SelfTradePrevention.MARKET_DEFAULT);
        } else if (roll < 140) {
            return PlaceOrder.market(account, market, side, quantity);
        } else if (roll < 170) {
            List<OrderView> open = core.openOrders(account);
            return open.isEmpty() ? new CancelOrder(account, market, 1 + random.nextInt(1000), null)
                    : new CancelOrder(account, open.get(0).marketId(), open.get(0).orderId(), null);
        } else if (roll < 195) {
            List<OrderView> open = core.openOrders(account);
            if (open.isEmpty()) {
                return new AmendOrder(account, market, 1 + random.nextInt(1000), price, quantity);
            }
            OrderView o = open.get(random.nextInt(open.size()));
            return new AmendOrder(account, o.marketId(), o.orderId(), o.priceTicks() + 1, o.quantityLots());
        }
        return new PlaceOrder(account, market, null, side, OrderType.LIMIT, TimeInForce.GTC, 0, quantity, 0,
                SelfTradePrevention.MARKET_DEFAULT);
    }
}
