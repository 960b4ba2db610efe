package io.lantau.journal;

import io.lantau.core.AccountKind;
import io.lantau.core.BookKind;
import io.lantau.core.ContentHash;
import io.lantau.core.ItemLockPurpose;
import io.lantau.core.ItemView;
import io.lantau.core.CoreEventListener;
import io.lantau.core.ExchangeCore;
import io.lantau.core.OrderView;
import io.lantau.core.MarketStatus;
import io.lantau.core.OrderType;
import io.lantau.core.SelfTradePrevention;
import io.lantau.core.Side;
import io.lantau.core.TimeInForce;
import io.lantau.core.command.AmendOrder;
import io.lantau.core.command.BurnItem;
import io.lantau.core.command.GiftItem;
import io.lantau.core.command.HoldFunds;
import io.lantau.core.command.LockItem;
import io.lantau.core.command.MintItem;
import io.lantau.core.command.MintItemForPayment;
import io.lantau.core.command.ReleaseHold;
import io.lantau.core.command.SettleItemSale;
import io.lantau.core.command.TransferItem;
import io.lantau.core.command.UnlockItem;
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
import io.lantau.core.config.StandardMarkets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded, realistic stream of commands for {@link StandardMarkets}: accounts opened and funded first, then limit,
 * market, IOC, FOK and post-only orders around a drifting mid price in BTC-HKD and ETH-HKD, cancels (by order id and
 * by client order id), amends, cancel-alls, more deposits, withdrawals and their settlement or reversal, fee tier and
 * market status changes, and collectibles (mints, drop purchases, transfers, gifts, locks, burns, sales, holds). Some
 * commands are meant to be rejected. The same seed gives the same stream. A shadow core
 * (the reference book) follows the stream so that amends can name orders that are really open.
 */
final class CommandStreamGenerator {
    private static final int ACCOUNTS = 20;
    private static final long FIRST_ACCOUNT = 1000;
    private static final int[] MARKETS = {0, 1};
    private static final long[] MID_TICKS = {50_000, 25_000};
    private static final int[] ASSETS = {0, 1, 2};
    private static final long[] FUNDING_MINOR = {5_000_000_000L, 100_000_000_000L, 100_000_000_000L};

    private final SplittableRandom random;
    private final ExchangeCore shadow = new ExchangeCore(StandardMarkets.config(), BookKind.REFERENCE);
    private long shadowSequence;
    private final long idBase;
    private final long[] mid = MID_TICKS.clone();
    private final List<Command> setup = new ArrayList<>();
    private final List<long[]> openWithdrawals = new ArrayList<>();
    private final List<String> clientIds = new ArrayList<>();
    private int setupIndex;
    private long nextId = 1;
    private long ordersPlaced;
    private int haltedMarket = -1;
    private long nextItem = 1;
    private final List<Long> holds = new ArrayList<>();

    /** @param seed chooses the stream; ids of deposits and withdrawals are unique per seed. */
    CommandStreamGenerator(long seed) {
        this.random = new SplittableRandom(seed);
        this.idBase = Math.floorMod(seed, 1_000_000L) * 1_000_000_000L;
        for (int a = 0; a < ACCOUNTS; a++) {
            long account = FIRST_ACCOUNT + a;
            setup.add(new OpenAccount(account, AccountKind.CLIENT, a % 3));
            for (int i = 0; i < ASSETS.length; i++) {
                setup.add(new Deposit(id(), account, ASSETS[i], FUNDING_MINOR[i]));
            }
        }
    }

    /** @return the first {@code n} commands of the stream. */
    static List<Command> commands(long seed, int n) {
        CommandStreamGenerator generator = new CommandStreamGenerator(seed);
        List<Command> commands = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            commands.add(generator.next());
        }
        return commands;
    }

    /** @return the next command; the generator applies it to its own shadow core to pick real orders to amend. */
    Command next() {
        Command command = generate();
        shadowSequence++;
        shadow.apply(shadowSequence, shadowSequence, command, CoreEventListener.NO_OP);
        return command;
    }

    private Command generate() {
        if (setupIndex < setup.size()) {
            return setup.get(setupIndex++);
        }
        if (haltedMarket >= 0 && random.nextInt(10) == 0) {
            int market = haltedMarket;
            haltedMarket = -1;
            return new SetMarketStatus(market, MarketStatus.TRADING);
        }
        if (random.nextInt(100) < 8) {
            return itemCommand();
        }
        int m = random.nextInt(MARKETS.length);
        mid[m] = Math.max(100, mid[m] + random.nextInt(-3, 4));
        int roll = random.nextInt(1000);
        if (roll < 520) {
            return limit(m, TimeInForce.GTC, OrderType.LIMIT);
        } else if (roll < 600) {
            return limit(m, TimeInForce.IOC, OrderType.LIMIT);
        } else if (roll < 640) {
            return limit(m, TimeInForce.FOK, OrderType.LIMIT);
        } else if (roll < 700) {
            return limit(m, TimeInForce.GTC, OrderType.LIMIT_MAKER);
        } else if (roll < 770) {
            return market(m);
        } else if (roll < 880) {
            return cancel(m);
        } else if (roll < 920) {
            return amend(m);
        } else if (roll < 935) {
            return new CancelAllOrders(account(), random.nextBoolean() ? MARKETS[m] : CancelAllOrders.ALL_MARKETS);
        } else if (roll < 950) {
            int asset = random.nextInt(ASSETS.length);
            return new Deposit(id(), account(), ASSETS[asset], FUNDING_MINOR[asset] / (1 + random.nextInt(100)));
        } else if (roll < 975) {
            return withdrawal();
        } else if (roll < 985) {
            return new SetFeeTier(account(), random.nextInt(4));
        } else if (roll < 990 && haltedMarket < 0) {
            haltedMarket = MARKETS[m];
            return new SetMarketStatus(haltedMarket, random.nextBoolean() ? MarketStatus.CANCEL_ONLY
                    : MarketStatus.HALTED);
        } else if (roll < 995) {
            return new OpenAccount(FIRST_ACCOUNT + random.nextInt(ACCOUNTS + 5), AccountKind.CLIENT, 0);
        }
        // Deliberately invalid: a client order id of 40 characters, a zero price.
        return new PlaceOrder(account(), MARKETS[m], "x".repeat(40), Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 0,
                quantity(), 0, SelfTradePrevention.MARKET_DEFAULT);
    }

    private Command limit(int m, TimeInForce tif, OrderType type) {
        ordersPlaced++;
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        long offset = random.nextInt(0, 25);
        // Mostly passive prices, some crossing ones that take liquidity.
        long price = random.nextInt(4) == 0 ? mid[m] + (side == Side.BUY ? offset : -offset)
                : mid[m] + (side == Side.BUY ? -offset : offset);
        SelfTradePrevention[] modes = SelfTradePrevention.values();
        long account = account();
        return new PlaceOrder(account, MARKETS[m], clientId(account), side, type, tif, Math.max(1, price), quantity(), 0,
                modes[random.nextInt(modes.length)]);
    }

    private Command market(int m) {
        ordersPlaced++;
        long account = account();
        if (random.nextInt(3) == 0) {
            return new PlaceOrder(account, MARKETS[m], clientId(account), Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0,
                    0, 1_000_000L + random.nextLong(50_000_000L), SelfTradePrevention.MARKET_DEFAULT);
        }
        return new PlaceOrder(account, MARKETS[m], clientId(account), random.nextBoolean() ? Side.BUY : Side.SELL,
                OrderType.MARKET, TimeInForce.IOC, 0, 1 + random.nextInt(50), 0, SelfTradePrevention.EXPIRE_TAKER);
    }

    private Command cancel(int m) {
        if (!clientIds.isEmpty() && random.nextBoolean()) {
            String id = clientIds.get(random.nextInt(clientIds.size()));
            return new CancelOrder(ownerOf(id), MARKETS[m], 0, id);
        }
        return new CancelOrder(account(), MARKETS[m], orderId(), null);
    }

    private Command amend(int m) {
        long account = account();
        List<OrderView> open = shadow.openOrders(account);
        if (open.isEmpty() || random.nextInt(5) == 0) {
            return new AmendOrder(account, MARKETS[m], orderId(), price(m), quantity());
        }
        OrderView order = open.get(random.nextInt(open.size()));
        long quantity = order.quantityLots();
        return switch (random.nextInt(3)) {
            case 0 -> new AmendOrder(account, order.marketId(), order.orderId(), order.priceTicks(),
                    Math.max(1, quantity - 1 - random.nextInt((int) Math.min(quantity, 50))));
            case 1 -> new AmendOrder(account, order.marketId(), order.orderId(),
                    Math.max(1, order.priceTicks() + random.nextInt(-10, 11)), quantity);
            default -> new AmendOrder(account, order.marketId(), order.orderId(), order.priceTicks(),
                    quantity + 1 + random.nextInt(100));
        };
    }

    private Command withdrawal() {
        if (!openWithdrawals.isEmpty() && random.nextBoolean()) {
            long[] w = openWithdrawals.remove(random.nextInt(openWithdrawals.size()));
            return random.nextInt(3) == 0 ? new RevertWithdrawal(w[0]) : new SettleWithdrawal(w[0]);
        }
        long id = id();
        openWithdrawals.add(new long[] {id});
        int asset = random.nextInt(ASSETS.length);
        return new RequestWithdrawal(id, account(), ASSETS[asset], FUNDING_MINOR[asset] / (10 + random.nextInt(1000)));
    }

    /** A collectibles command, mostly about a live item of the shadow core and named by its real owner. */
    private Command itemCommand() {
        long itemId = 1 + random.nextLong(nextItem);
        ItemView item = shadow.item(itemId);
        int roll = random.nextInt(12);
        if (roll == 0) {
            long hold = id();
            holds.add(hold);
            return new HoldFunds(hold, account(), ASSETS[2], 1 + random.nextInt(1_000_000));
        }
        if (roll == 1 && !holds.isEmpty()) {
            return new ReleaseHold(holds.get(random.nextInt(holds.size())));
        }
        if (item == null || item.burned() || roll < 4) {
            long id = nextItem++;
            MintItem mint = new MintItem(id, 1 + random.nextInt(3), account(), id,
                    new ContentHash(idBase, random.nextInt((int) id + 1), 1, 1), account(), random.nextInt(1_001), 0);
            return random.nextBoolean() ? mint
                    : new MintItemForPayment(mint, account(), ASSETS[2], 1 + random.nextInt(1_000_000),
                            random.nextInt(500), 0);
        }
        long owner = item.ownerAccountId();
        return switch (roll) {
            case 4 -> new TransferItem(itemId, owner, account());
            case 5 -> new GiftItem(itemId, owner, account(), random.nextInt(200));
            case 6 -> item.locked() ? new UnlockItem(itemId, owner)
                    : new LockItem(itemId, owner, random.nextInt(3) == 0 ? ItemLockPurpose.EXPORT
                            : ItemLockPurpose.LISTING);
            case 7 -> new BurnItem(itemId, owner);
            default -> new SettleItemSale(id(), itemId, owner, account(), ASSETS[2], 1 + random.nextInt(5_000_000),
                    item.creatorAccountId(), item.royaltyBps(), random.nextInt(300),
                    holds.isEmpty() || random.nextBoolean() ? 0 : holds.get(random.nextInt(holds.size())));
        };
    }

    private long account() {
        return FIRST_ACCOUNT + random.nextInt(ACCOUNTS);
    }

    private long orderId() {
        return 1 + random.nextLong(Math.max(1, ordersPlaced));
    }

    private long price(int m) {
        return Math.max(1, mid[m] + random.nextInt(-25, 26));
    }

    private long quantity() {
        return 1 + random.nextInt(random.nextInt(10) == 0 ? 2000 : 200);
    }

    private String clientId(long owner) {
        if (random.nextBoolean()) {
            return null;
        }
        String id = "c" + owner + "-" + nextId++;
        clientIds.add(id);
        if (clientIds.size() > 500) {
            clientIds.removeFirst();
        }
        return id;
    }

    private static long ownerOf(String clientId) {
        return Long.parseLong(clientId, 1, clientId.indexOf('-'), 10);
    }

    private long id() {
        return idBase + nextId++;
    }
}
