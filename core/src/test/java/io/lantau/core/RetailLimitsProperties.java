package io.lantau.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.core.command.AmendOrder;
import io.lantau.core.command.CancelOrder;
import io.lantau.core.command.Command;
import io.lantau.core.command.Deposit;
import io.lantau.core.command.OpenAccount;
import io.lantau.core.command.PlaceOrder;
import io.lantau.core.command.SetAccountStatus;
import io.lantau.core.command.SetInvestorProfile;
import io.lantau.core.command.SetReferencePrice;
import io.lantau.core.command.SetRetailAccess;
import io.lantau.core.config.CoreConfig;
import io.lantau.core.config.StandardMarkets;
import io.lantau.core.event.CoreEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The licensing rules under random order flow from retail and professional clients, with markets changing retail
 * access and accounts changing status along the way (HK-04, HK-10, HK-14). Checked after every command.
 */
class RetailLimitsProperties {
    private static final int COMMANDS = 2_000;
    private static final long[] RETAIL = {21, 22, 23};
    private static final long[] PROFESSIONAL = {31, 32};
    private static final int[] MARKETS = {0, 1, 4};
    private static final long[] MIDS = {70_000, 25_000, 3_500};
    private static final long BTC_CENTS = 70_000_000L;
    private static final long ETH_CENTS = 2_500_000L;

    @Property(tries = 15)
    void retailExposureNeverExceedsItsLimit(@ForAll long seed) {
        run(seed, (core, account) -> assertThat(core.exposureMinor(account)).as("exposure of %d", account)
                .isLessThanOrEqualTo(core.exposureLimitMinor(account)));
    }

    @Property(tries = 15)
    void retailNeverHoldsAnOrderWhereRetailMayNotTrade(@ForAll long seed) {
        run(seed, (core, account) -> {
            for (OrderView o : core.openOrders(account)) {
                RetailAccess access = core.retailAccess(o.marketId());
                assertThat(access).as("order %d of %d", o.orderId(), account).isNotEqualTo(RetailAccess.NOT_ELIGIBLE);
                if (access == RetailAccess.SELL_ONLY) {
                    assertThat(o.side()).as("order %d of %d", o.orderId(), account).isEqualTo(Side.SELL);
                }
            }
        });
    }

    @Property(tries = 10)
    void engineAndReferenceAgreeOnTheLicensingRules(@ForAll long seed) {
        run(seed, (core, account) -> {
        });
    }

    private interface RetailCheck {
        void check(ExchangeCore core, long retailAccount);
    }

    private static void run(long seed, RetailCheck check) {
        CoreConfig config = StandardMarkets.config();
        ExchangeCore fast = new ExchangeCore(config, BookKind.FAST);
        List<Venue> venues = List.of(new Venue.EngineVenue(fast),
                Venue.Kind.REFERENCE_BOOK.create(config), Venue.Kind.REFERENCE_EXCHANGE.create(config));
        Random random = new Random(seed);
        List<Command> commands = setUp(random);
        long sequence = 0;
        for (int i = 0; i < COMMANDS + commands.size(); i++) {
            Command command = i < commands.size() ? commands.get(i) : next(random, fast);
            sequence++;
            List<CoreEvent> expected = null;
            for (Venue venue : venues) {
                List<CoreEvent> events = new ArrayList<>();
                venue.apply(sequence, sequence * 1_000, command, events);
                if (expected == null) {
                    expected = events;
                } else {
                    assertThat(events).as("seed %d, sequence %d, %s on %s", seed, sequence, command, venue)
                            .isEqualTo(expected);
                }
            }
            for (long account : RETAIL) {
                check.check(fast, account);
            }
        }
    }

    private static List<Command> setUp(Random random) {
        List<Command> commands = new ArrayList<>();
        commands.add(new SetReferencePrice(StandardMarkets.BTC.assetId(), BTC_CENTS));
        commands.add(new SetReferencePrice(StandardMarkets.ETH.assetId(), ETH_CENTS));
        long depositId = 1;
        for (long account : concat()) {
            commands.add(new OpenAccount(account, AccountKind.CLIENT, 0));
            commands.add(new Deposit(depositId++, account, StandardMarkets.HKD.assetId(), 5_000_000_00L));
            commands.add(new Deposit(depositId++, account, StandardMarkets.BTC.assetId(), 50_000_000L));
            commands.add(new Deposit(depositId++, account, StandardMarkets.ETH.assetId(), 500_000_000L));
        }
        for (long account : RETAIL) {
            // Holdings are worth HK$475,000; the limits leave from nothing to HK$1,000,000 of room.
            long limit = 475_000_00L + random.nextLong(1_000_000_00L);
            commands.add(new SetInvestorProfile(account, InvestorClass.RETAIL, limit));
        }
        return commands;
    }

    private static long[] concat() {
        long[] all = new long[RETAIL.length + PROFESSIONAL.length];
        System.arraycopy(RETAIL, 0, all, 0, RETAIL.length);
        System.arraycopy(PROFESSIONAL, 0, all, RETAIL.length, PROFESSIONAL.length);
        return all;
    }

    private static Command next(Random random, ExchangeCore core) {
        long account = random.nextInt(3) < 2 ? RETAIL[random.nextInt(RETAIL.length)]
                : PROFESSIONAL[random.nextInt(PROFESSIONAL.length)];
        int pick = random.nextInt(MARKETS.length);
        int market = MARKETS[pick];
        long mid = MIDS[pick];
        int dice = random.nextInt(100);
        List<OrderView> open = core.openOrders(account);
        if (dice < 3) {
            return new SetRetailAccess(market, RetailAccess.values()[random.nextInt(3)]);
        }
        if (dice < 5) {
            AccountStatus status = random.nextInt(3) == 0 ? AccountStatus.SUSPENDED : AccountStatus.ACTIVE;
            return new SetAccountStatus(account, status);
        }
        if (dice < 15 && !open.isEmpty()) {
            OrderView o = open.get(random.nextInt(open.size()));
            return new CancelOrder(account, o.marketId(), o.orderId(), null);
        }
        if (dice < 30 && !open.isEmpty()) {
            OrderView o = open.get(random.nextInt(open.size()));
            long quantity = Math.max(o.filledLots() + 1, o.quantityLots() + random.nextInt(200) - 50);
            long price = Math.max(1, o.priceTicks() + random.nextInt(21) - 10);
            return new AmendOrder(account, o.marketId(), o.orderId(), price, quantity);
        }
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        long lots = 1 + random.nextInt(300);
        if (dice < 36) {
            return PlaceOrder.market(account, market, side, lots);
        }
        if (dice < 40) {
            return PlaceOrder.marketBuyByQuote(account, market, 10_000_00L + random.nextInt(2_000_000_00));
        }
        long price = mid + random.nextInt(41) - 20;
        TimeInForce tif = random.nextInt(5) == 0 ? TimeInForce.IOC : TimeInForce.GTC;
        return new PlaceOrder(account, market, null, side, OrderType.LIMIT, tif, price, lots, 0,
                SelfTradePrevention.MARKET_DEFAULT);
    }
}
