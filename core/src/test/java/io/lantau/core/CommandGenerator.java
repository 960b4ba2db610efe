package io.lantau.core;

import io.lantau.core.command.AmendOrder;
import io.lantau.core.command.CancelAllOrders;
import io.lantau.core.command.CancelOrder;
import io.lantau.core.command.Command;
import io.lantau.core.command.Deposit;
import io.lantau.core.command.OpenAccount;
import io.lantau.core.command.PlaceOrder;
import io.lantau.core.command.RequestWithdrawal;
import io.lantau.core.command.RevertWithdrawal;
import io.lantau.core.command.SetFeeTier;
import io.lantau.core.command.SetMarketStatus;
import io.lantau.core.command.SettleWithdrawal;
import io.lantau.core.config.CoreConfig;
import io.lantau.core.config.MarketSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Realistic random commands for the property tests, from a seed: a handful of accounts (some never funded), deposits,
 * limit orders clustered around a mid price so that they cross often, IOC / FOK / post-only / market orders, cancels
 * and amends of live order ids (and of unknown ones), cancel-all, withdrawals, occasional market status changes and
 * fee tier changes, now and then garbage values, and a share of collectibles commands ({@link ItemCommandGenerator}). It reads the venue it drives to pick live order ids.
 */
final class CommandGenerator {
    static final long[] ACCOUNTS = {11, 12, 13, 14, 15, 16};
    /** Accounts 15 and 16 are never funded. */
    private static final int FUNDED = 4;
    /** BTC-HKD, BTC-USD, ETH-BTC: where nearly all trading happens. */
    private static final int[] MARKETS = {0, 2, 4};
    private static final long[] MIDS = {50_000, 25_000, 60_000, 3_000, 5_000, 6_000_000, 300_000};
    private static final long[] GARBAGE = {0, -1, Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE / 2, 1L << 62};
    private static final SelfTradePrevention[] STP = SelfTradePrevention.values();
    /** Share of the stream that is collectibles commands (holds, mints, transfers, sales...). */
    private static final int ITEM_PERCENT = 15;

    private final Random random;
    private final CoreConfig config;
    private final Venue venue;
    private final List<Command> setup = new ArrayList<>();
    private final List<Long> withdrawalIds = new ArrayList<>();
    private final List<Deposit> deposits = new ArrayList<>();
    private long nextDepositId = 1;
    private long nextWithdrawalId = 1;
    private final ItemCommandGenerator items;

    CommandGenerator(long seed, CoreConfig config, Venue venue) {
        this.random = new Random(seed);
        this.config = config;
        this.venue = venue;
        this.items = new ItemCommandGenerator(random, venue, ACCOUNTS);
        for (int i = 0; i < ACCOUNTS.length; i++) {
            AccountKind kind = i == 3 ? AccountKind.OPERATOR : AccountKind.CLIENT;
            setup.add(new OpenAccount(ACCOUNTS[i], kind, random.nextInt(config.fees().tierCount())));
        }
        for (int i = 0; i < FUNDED; i++) {
            for (int asset = 0; asset < config.assets().size(); asset++) {
                setup.add(deposit(ACCOUNTS[i], asset, fundingAmount(asset)));
            }
        }
    }

    /** @return the commands that open and fund the accounts, to apply first. */
    List<Command> setup() {
        return setup;
    }

    Command next() {
        if (random.nextInt(100) < ITEM_PERCENT) {
            return items.next();
        }
        int roll = random.nextInt(1000);
        if (roll < 300) {
            return limit(TimeInForce.GTC, OrderType.LIMIT);
        } else if (roll < 350) {
            return limit(TimeInForce.IOC, OrderType.LIMIT);
        } else if (roll < 400) {
            return limit(TimeInForce.FOK, OrderType.LIMIT);
        } else if (roll < 470) {
            return limit(TimeInForce.GTC, OrderType.LIMIT_MAKER);
        } else if (roll < 530) {
            return marketOrder();
        } else if (roll < 650) {
            return cancel();
        } else if (roll < 760) {
            return amend();
        } else if (roll < 780) {
            return new CancelAllOrders(account(), random.nextInt(4) == 0 ? CancelAllOrders.ALL_MARKETS : market());
        } else if (roll < 830) {
            return depositCommand();
        } else if (roll < 870) {
            return withdrawal();
        } else if (roll < 900) {
            return endWithdrawal();
        } else if (roll < 915) {
            for (int m = 0; m < config.markets().size(); m++) {
                if (venue.marketStatus(m) != MarketStatus.TRADING && random.nextInt(4) != 0) {
                    return new SetMarketStatus(m, MarketStatus.TRADING);
                }
            }
            return new SetMarketStatus(market(), MarketStatus.values()[random.nextInt(3)]);
        } else if (roll < 925) {
            return new SetFeeTier(account(), random.nextInt(config.fees().tierCount()));
        } else if (roll < 940) {
            return new OpenAccount(random.nextBoolean() ? account() : 100 + random.nextInt(5), AccountKind.CLIENT,
                    random.nextInt(config.fees().tierCount() + 1));
        }
        return garbage();
    }

    private PlaceOrder limit(TimeInForce tif, OrderType type) {
        int m = market();
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        // Buyers bid a little above mid, sellers ask a little below it, so most orders cross something.
        long offset = random.nextInt(25) - 10;
        long price = Math.max(1, MIDS[m] + (side == Side.BUY ? offset : -offset));
        return new PlaceOrder(account(), m, clientOrderId(), side, type, tif, price, quantity(m), 0, stp());
    }

    private PlaceOrder marketOrder() {
        int m = market();
        int kind = random.nextInt(3);
        if (kind == 0) {
            return new PlaceOrder(account(), m, clientOrderId(), Side.SELL, OrderType.MARKET, TimeInForce.IOC, 0,
                    quantity(m), 0, stp());
        }
        if (kind == 1) {
            return new PlaceOrder(account(), m, clientOrderId(), Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0,
                    quantity(m), 0, stp());
        }
        MarketSpec spec = config.markets().get(m);
        long budget = random.nextInt(10) == 0 ? spec.minNotionalMinor() + random.nextInt(1000)
                : spec.notionalMinor(MIDS[m], 1 + random.nextInt(30)) + random.nextInt(1000);
        return new PlaceOrder(account(), m, clientOrderId(), Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 0,
                budget, stp());
    }

    private Command cancel() {
        long account = account();
        List<? extends OrderView> open = venue.openOrders(account);
        int roll = random.nextInt(10);
        if (open.isEmpty() || roll == 0) {
            return new CancelOrder(account, market(), 1 + random.nextInt(5000), null);
        }
        OrderView o = open.get(random.nextInt(open.size()));
        if (roll == 1 && o.clientOrderId() != null) {
            return new CancelOrder(account, o.marketId(), 0, o.clientOrderId());
        }
        if (roll == 2) {
            // Someone else's order, or the right order named in the wrong market.
            return random.nextBoolean() ? new CancelOrder(otherAccount(account), o.marketId(), o.orderId(), null)
                    : new CancelOrder(account, (o.marketId() + 1) % config.markets().size(), o.orderId(), null);
        }
        return new CancelOrder(account, o.marketId(), o.orderId(), null);
    }

    private Command amend() {
        long account = account();
        List<? extends OrderView> open = venue.openOrders(account);
        if (open.isEmpty() || random.nextInt(15) == 0) {
            return new AmendOrder(account, market(), 1 + random.nextInt(5000), MIDS[MARKETS[0]], 5);
        }
        OrderView o = open.get(random.nextInt(open.size()));
        long price = o.priceTicks();
        long quantity = o.quantityLots();
        switch (random.nextInt(6)) {
            case 0, 1 -> quantity = Math.max(1, quantity - 1 - random.nextInt((int) Math.min(quantity, 10)));
            case 2 -> quantity = quantity + 1 + random.nextInt(10);
            case 3, 4 -> price = Math.max(1, price + random.nextInt(21) - 10);
            default -> {
                price = Math.max(1, price + random.nextInt(11) - 5);
                quantity = Math.max(1, quantity + random.nextInt(11) - 5);
            }
        }
        return new AmendOrder(account, o.marketId(), o.orderId(), price, quantity);
    }

    private Command depositCommand() {
        int roll = random.nextInt(10);
        if (roll == 0 && !deposits.isEmpty()) {
            return deposits.get(random.nextInt(deposits.size()));
        }
        if (roll == 1 && !deposits.isEmpty()) {
            Deposit d = deposits.get(random.nextInt(deposits.size()));
            return new Deposit(d.depositId(), d.accountId(), d.assetId(), d.amountMinor() + 1);
        }
        long account = random.nextInt(5) == 0 ? ACCOUNTS[FUNDED + random.nextInt(2)] : account();
        int asset = random.nextInt(config.assets().size());
        return deposit(account, asset, fundingAmount(asset) / (1 + random.nextInt(100)));
    }

    private Deposit deposit(long account, int asset, long amount) {
        Deposit d = new Deposit(nextDepositId++, account, asset, amount);
        deposits.add(d);
        return d;
    }

    private Command withdrawal() {
        long account = account();
        int asset = random.nextInt(config.assets().size());
        long available = venue.availableMinor(account, asset);
        long amount = random.nextInt(8) == 0 ? available + 1 : Math.max(1, available / (2 + random.nextInt(20)));
        long id = random.nextInt(10) == 0 && !withdrawalIds.isEmpty()
                ? withdrawalIds.get(random.nextInt(withdrawalIds.size())) : nextWithdrawalId++;
        withdrawalIds.add(id);
        return new RequestWithdrawal(id, account, asset, amount);
    }

    private Command endWithdrawal() {
        long id = withdrawalIds.isEmpty() || random.nextInt(10) == 0 ? 1 + random.nextInt(1000)
                : withdrawalIds.get(random.nextInt(withdrawalIds.size()));
        return random.nextBoolean() ? new SettleWithdrawal(id) : new RevertWithdrawal(id);
    }

    private Command garbage() {
        long g = GARBAGE[random.nextInt(GARBAGE.length)];
        int m = market();
        return switch (random.nextInt(12)) {
            case 0 -> new PlaceOrder(account(), m, null, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, g, 5, 0, stp());
            case 1 -> new PlaceOrder(account(), m, null, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, MIDS[m], g, 0,
                    stp());
            case 2 -> new PlaceOrder(account(), m, null, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 0, g, stp());
            case 3 -> new PlaceOrder(account(), m, null, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, g, 0, stp());
            case 4 -> new PlaceOrder(account(), 7 + random.nextInt(3), null, Side.BUY, OrderType.LIMIT,
                    TimeInForce.GTC, 100, 5, 0, stp());
            case 5 -> new PlaceOrder(999, m, null, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, MIDS[m], 5, 0, stp());
            case 6 -> new PlaceOrder(account(), m, random.nextBoolean() ? "" : "x".repeat(37),
                    random.nextBoolean() ? null : Side.BUY, OrderType.LIMIT_MAKER,
                    random.nextBoolean() ? TimeInForce.IOC : TimeInForce.GTC, MIDS[m], 5, 0, stp());
            case 7 -> new Deposit(g, account(), random.nextInt(7) - 1, g);
            case 8 -> new Deposit(nextDepositId++, account(), random.nextInt(config.assets().size()), g);
            case 9 -> new RequestWithdrawal(g == 0 ? 0 : nextWithdrawalId++, account(), 0, g);
            case 10 -> new AmendOrder(account(), m, firstOpenOrderId(), g, g);
            default -> new PlaceOrder(StandardMarketsIds.FEE, m, null, Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
                    MIDS[m], 5, 0, stp());
        };
    }

    private long firstOpenOrderId() {
        List<? extends OrderView> open = venue.openOrders(account());
        return open.isEmpty() ? 1 : open.get(0).orderId();
    }

    private long fundingAmount(int asset) {
        // 10 BTC / ETH, 10 million HKD / USD, a million USDT.
        return switch (asset) {
            case 0, 1 -> 1_000_000_000L;
            case 2, 3 -> 1_000_000_000L;
            default -> 1_000_000_000_000L;
        } * (1 + random.nextInt(3));
    }

    private long quantity(int m) {
        int roll = random.nextInt(20);
        if (roll == 0) {
            return 50 + random.nextInt(200);
        }
        return m == 4 ? 2 + random.nextInt(30) : 1 + random.nextInt(20);
    }

    private String clientOrderId() {
        return random.nextInt(3) == 0 ? "c" + random.nextInt(8) : null;
    }

    private SelfTradePrevention stp() {
        return STP[random.nextInt(STP.length)];
    }

    private int market() {
        return random.nextInt(20) == 0 ? random.nextInt(config.markets().size()) : MARKETS[random.nextInt(3)];
    }

    private long account() {
        // Mostly the funded ones; the unfunded ones now and then.
        return random.nextInt(8) == 0 ? ACCOUNTS[FUNDED + random.nextInt(2)] : ACCOUNTS[random.nextInt(FUNDED)];
    }

    private long otherAccount(long account) {
        long other = ACCOUNTS[random.nextInt(FUNDED)];
        return other == account ? ACCOUNTS[(random.nextInt(FUNDED - 1) + 1 + indexOf(account)) % FUNDED] : other;
    }

    private static int indexOf(long account) {
        for (int i = 0; i < ACCOUNTS.length; i++) {
            if (ACCOUNTS[i] == account) {
                return i;
            }
        }
        return 0;
    }

    /** The fee account id of the standard configuration, named for readability. */
    private static final class StandardMarketsIds {
        static final long FEE = io.lantau.core.config.StandardMarkets.FEE_ACCOUNT_ID;
    }
}
