package io.lantau.store.market;

import io.lantau.core.AccountKind;
import io.lantau.core.ExchangeCore;
import io.lantau.core.MarketStatus;
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
import io.lantau.core.command.SetFeeTier;
import io.lantau.core.command.SetMarketStatus;
import io.lantau.core.config.CoreConfig;
import io.lantau.core.config.MarketSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded stream of commands that keeps books busy: funded accounts placing limit, IOC, FOK, post-only and market
 * orders around a mid price per market, cancels by id and client id, amends that reduce in place, grow or reprice,
 * cancel-all, deposits, market status changes, and rejected commands now and then. Reads the core to pick live
 * orders.
 */
final class RandomCommands {
    static final long[] ACCOUNTS = {11, 12, 13, 14, 15};
    /** BTC-HKD, BTC-USD, ETH-BTC: where most trading happens. */
    private static final int[] BUSY_MARKETS = {0, 2, 4};
    private static final long[] MIDS = {50_000, 25_000, 60_000, 3_000, 5_000, 6_000_000, 300_000};
    private static final SelfTradePrevention[] STP = SelfTradePrevention.values();

    private final Random random;
    private final CoreConfig config;
    private final ExchangeCore core;
    private long nextDepositId = 1;
    private int nextClientOrderId;

    RandomCommands(long seed, ExchangeCore core) {
        this.random = new Random(seed);
        this.core = core;
        this.config = core.config();
    }

    /** @return commands that open the accounts and fund all but the last. */
    List<Command> setup() {
        List<Command> setup = new ArrayList<>();
        for (long account : ACCOUNTS) {
            setup.add(new OpenAccount(account, AccountKind.CLIENT, random.nextInt(3)));
        }
        for (int i = 0; i < ACCOUNTS.length - 1; i++) {
            for (int asset = 0; asset < config.assets().size(); asset++) {
                setup.add(new Deposit(nextDepositId++, ACCOUNTS[i], asset, 1_000_000_000_000L));
            }
        }
        return setup;
    }

    Command next() {
        int roll = random.nextInt(1_000);
        if (roll < 320) {
            return limit(TimeInForce.GTC, OrderType.LIMIT);
        } else if (roll < 370) {
            return limit(TimeInForce.IOC, OrderType.LIMIT);
        } else if (roll < 410) {
            return limit(TimeInForce.FOK, OrderType.LIMIT);
        } else if (roll < 480) {
            return limit(TimeInForce.GTC, OrderType.LIMIT_MAKER);
        } else if (roll < 540) {
            return marketOrder();
        } else if (roll < 680) {
            return cancel();
        } else if (roll < 820) {
            return amend();
        } else if (roll < 826) {
            return new CancelAllOrders(account(), random.nextInt(3) == 0 ? CancelAllOrders.ALL_MARKETS : market());
        } else if (roll < 840) {
            return limit(TimeInForce.GTC, OrderType.LIMIT);
        } else if (roll < 870) {
            return new Deposit(nextDepositId++, account(), random.nextInt(config.assets().size()), 1_000_000);
        } else if (roll < 885) {
            for (int m = 0; m < config.markets().size(); m++) {
                if (core.marketStatus(m) != MarketStatus.TRADING && random.nextInt(3) != 0) {
                    return new SetMarketStatus(m, MarketStatus.TRADING);
                }
            }
            return new SetMarketStatus(market(), MarketStatus.values()[random.nextInt(3)]);
        } else if (roll < 900) {
            return new SetFeeTier(account(), random.nextInt(4));
        }
        return limit(TimeInForce.GTC, OrderType.LIMIT); // more resting orders: deeper books
    }

    private PlaceOrder limit(TimeInForce tif, OrderType type) {
        int m = market();
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        // Buyers bid a little above mid, sellers ask a little below it, so that many orders cross; some go deep.
        long offset = random.nextInt(4) == 0 ? -random.nextInt(300) : random.nextInt(25) - 10;
        long price = Math.max(1, MIDS[m] + (side == Side.BUY ? offset : -offset));
        return new PlaceOrder(account(), m, clientOrderId(), side, type, tif, price, quantity(), 0, stp());
    }

    private PlaceOrder marketOrder() {
        int m = market();
        return switch (random.nextInt(3)) {
            case 0 -> new PlaceOrder(account(), m, null, Side.SELL, OrderType.MARKET, TimeInForce.IOC, 0, quantity(),
                    0, stp());
            case 1 -> new PlaceOrder(account(), m, null, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, quantity(),
                    0, stp());
            default -> {
                MarketSpec spec = config.markets().get(m);
                yield new PlaceOrder(account(), m, null, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 0,
                        spec.notionalMinor(MIDS[m], 1 + random.nextInt(40)) + random.nextInt(1_000), stp());
            }
        };
    }

    private Command cancel() {
        long account = account();
        List<OrderView> open = core.openOrders(account);
        if (open.isEmpty() || random.nextInt(12) == 0) {
            return new CancelOrder(account, market(), 1 + random.nextInt(5_000), null);
        }
        OrderView o = open.get(random.nextInt(open.size()));
        if (o.clientOrderId() != null && random.nextBoolean()) {
            return new CancelOrder(account, o.marketId(), 0, o.clientOrderId());
        }
        return new CancelOrder(account, o.marketId(), o.orderId(), null);
    }

    private Command amend() {
        long account = account();
        List<OrderView> open = core.openOrders(account);
        if (open.isEmpty()) {
            return new AmendOrder(account, market(), 1 + random.nextInt(5_000), MIDS[0], 5);
        }
        OrderView o = open.get(random.nextInt(open.size()));
        long price = o.priceTicks();
        long quantity = o.quantityLots();
        switch (random.nextInt(5)) {
            case 0, 1 -> quantity = Math.max(o.filledLots() + 1,
                    quantity - 1 - random.nextInt((int) Math.min(quantity, 10)));
            case 2 -> quantity += 1 + random.nextInt(10);
            case 3 -> price = Math.max(1, price + random.nextInt(21) - 10);
            default -> {
                price = Math.max(1, price + random.nextInt(11) - 5);
                quantity = Math.max(o.filledLots() + 1, quantity + random.nextInt(11) - 5);
            }
        }
        return new AmendOrder(account, o.marketId(), o.orderId(), price, quantity);
    }

    private long quantity() {
        return random.nextInt(20) == 0 ? 50 + random.nextInt(200) : 1 + random.nextInt(20);
    }

    private String clientOrderId() {
        return random.nextInt(3) == 0 ? "c" + nextClientOrderId++ : null;
    }

    private SelfTradePrevention stp() {
        return STP[random.nextInt(STP.length)];
    }

    private int market() {
        return random.nextInt(15) == 0 ? random.nextInt(config.markets().size())
                : BUSY_MARKETS[random.nextInt(BUSY_MARKETS.length)];
    }

    private long account() {
        return random.nextInt(10) == 0 ? ACCOUNTS[ACCOUNTS.length - 1] : ACCOUNTS[random.nextInt(ACCOUNTS.length - 1)];
    }
}
