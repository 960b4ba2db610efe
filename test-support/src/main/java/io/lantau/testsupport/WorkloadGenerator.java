package io.lantau.testsupport;

import io.lantau.core.AccountKind;
import io.lantau.core.BookKind;
import io.lantau.core.CancelReason;
import io.lantau.core.CoreEventListener;
import io.lantau.core.ExchangeCore;
import io.lantau.core.ExpiryReason;
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
import io.lantau.core.config.MarketSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates a seeded exchange workload shaped like exchange-core's single-pair throughput test: one busy market (or
 * several), 2,000 funded accounts, about 1,000 resting orders kept around a moving mid price, and a measured mix of
 * GTC and IOC orders, market buys by quote budget, cancels, price amendments and quantity reductions (shares in
 * {@link CommandKind}).
 *
 * <p>Every command is valid when issued: the generator applies each one to a real {@link ExchangeCore} as it goes and
 * learns from the core's events which orders are open, at what price and with how much filled. The same config
 * always gives the same commands. Generation costs about as much as running the workload once.
 *
 * <p>Book-size regulation: while a market holds more than its target of open orders, GTC orders are priced through
 * the mid (they take rather than add). As a safety net a GTC order is turned into a cancel above 110 % of the target,
 * and a cancel into a GTC order below 90 %; a reduction that finds no order it can reduce becomes a price amendment. The kinds actually generated are counted in {@link Workload#kindCounts()}.
 */
public final class WorkloadGenerator {
    /** Client account ids are {@code FIRST_ACCOUNT_ID, FIRST_ACCOUNT_ID + 1, ...}. */
    public static final long FIRST_ACCOUNT_ID = 1_000;
    /** Deposited into every account for every traded asset: far more than any account trades away. */
    public static final long DEPOSIT_MINOR = 100_000_000_000_000L;

    private final WorkloadConfig config;
    private final WorkloadMarkets markets;
    private final ExchangeCore core;
    private final MarketModel[] models;
    private final double[] cumulativeMarketWeight;
    private final SplittableRandom random;
    private final Tracker tracker = new Tracker();
    private final List<Command> setup = new ArrayList<>();
    private final EnumMap<CommandKind, Integer> kindCounts = new EnumMap<>(CommandKind.class);
    private final EnumMap<ResultCode, Integer> rejections = new EnumMap<>(ResultCode.class);
    private long sequence;
    private long trades;
    private boolean measuring;

    private WorkloadGenerator(WorkloadConfig config) {
        this.config = config;
        this.markets = WorkloadMarkets.of(config.markets());
        this.core = new ExchangeCore(markets.config(), BookKind.FAST);
        this.random = new SplittableRandom(config.seed());
        int marketCount = markets.marketCount();
        this.models = new MarketModel[marketCount];
        this.cumulativeMarketWeight = new double[marketCount];
        // A Zipf-like spread: market m gets a share proportional to 1 / (m + 1), so market 0 is the busiest.
        double total = 0;
        for (int m = 0; m < marketCount; m++) {
            total += 1.0 / (m + 1);
        }
        double cumulative = 0;
        for (int m = 0; m < marketCount; m++) {
            double share = 1.0 / (m + 1) / total;
            cumulative += share;
            cumulativeMarketWeight[m] = cumulative;
            MarketSpec spec = markets.config().markets().get(m);
            int target = (int) Math.max(2, Math.round(config.targetOpenOrders() * share));
            models[m] = new MarketModel(spec, markets.referencePriceTicks(m), target);
        }
        cumulativeMarketWeight[marketCount - 1] = 1.0;
    }

    /** @return the workload for {@code config}; deterministic in the config. */
    public static Workload generate(WorkloadConfig config) {
        return new WorkloadGenerator(config).run();
    }

    private Workload run() {
        openAndFundAccounts();
        fillBooks();
        measuring = true;
        Command[] commands = new Command[config.commands()];
        for (int i = 0; i < commands.length; i++) {
            MarketModel model = models[pickMarket()];
            commands[i] = nextCommand(model);
            apply(commands[i]);
        }
        int open = 0;
        for (MarketModel model : models) {
            open += model.openOrderCount();
        }
        return new Workload(config, markets.config(), setup.toArray(Command[]::new), commands, kindCounts,
                rejections, trades, open, core.stateHashHex());
    }

    private void openAndFundAccounts() {
        long depositId = 1;
        int[] assets = markets.tradedAssetIds();
        for (int a = 0; a < config.accounts(); a++) {
            long accountId = FIRST_ACCOUNT_ID + a;
            applySetup(new OpenAccount(accountId, AccountKind.CLIENT, 0));
            for (int assetId : assets) {
                applySetup(new Deposit(depositId++, accountId, assetId, DEPOSIT_MINOR));
            }
        }
    }

    /** Places passive GTC orders until every market holds its target; exchange-core's "fill" phase. */
    private void fillBooks() {
        for (MarketModel model : models) {
            int attempts = 0;
            while (model.openOrderCount() < model.targetOpenOrders && attempts++ < 4 * model.targetOpenOrders) {
                Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                long offset = 1 + Math.abs(priceOffset(model, side));
                long price = model.clampPrice(side == Side.BUY ? model.lastTradeTicks - offset
                        : model.lastTradeTicks + offset);
                applySetup(PlaceOrder.limit(randomAccount(), model.marketId, side, price, randomQuantity(model)));
            }
        }
    }

    private Command nextCommand(MarketModel model) {
        CommandKind kind = CommandKind.ofDraw(random.nextInt(CommandKind.TOTAL_WEIGHT));
        int open = model.openOrderCount();
        if (kind == CommandKind.PLACE_GTC && open * 10L > model.targetOpenOrders * 11L) {
            kind = CommandKind.CANCEL;
        } else if (kind == CommandKind.CANCEL && open * 10L < model.targetOpenOrders * 9L) {
            kind = CommandKind.PLACE_GTC;
        }
        if (open == 0 && (kind == CommandKind.CANCEL || kind == CommandKind.AMEND_PRICE
                || kind == CommandKind.REDUCE_QUANTITY)) {
            kind = CommandKind.PLACE_GTC;
        }
        Command command = null;
        if (kind == CommandKind.REDUCE_QUANTITY) {
            command = reduceQuantity(model);
            if (command == null) {
                kind = CommandKind.AMEND_PRICE;
            }
        }
        if (command == null) {
            command = switch (kind) {
                case PLACE_GTC -> placeGtc(model);
                case PLACE_IOC -> placeIoc(model);
                case MARKET_BUY_BY_QUOTE -> marketBuyByQuote(model);
                case CANCEL -> cancel(model);
                case AMEND_PRICE -> amendPrice(model);
                case REDUCE_QUANTITY -> throw new IllegalStateException("handled above");
            };
        }
        kindCounts.merge(kind, 1, Integer::sum);
        return command;
    }

    private Command placeGtc(MarketModel model) {
        Side side = randomSide(model);
        long offset = priceOffset(model, side);
        if (model.openOrderCount() > model.targetOpenOrders) {
            // Too many resting orders: price through the mid so that the order takes liquidity instead of adding.
            offset = -offset;
        }
        long price = model.clampPrice(model.lastTradeTicks + offset);
        return PlaceOrder.limit(randomAccount(), model.marketId, side, price, randomQuantity(model));
    }

    private Command placeIoc(MarketModel model) {
        Side side = randomSide(model);
        long price = model.clampPrice(side == Side.BUY ? model.lastTradeTicks + model.deviationTicks
                : model.lastTradeTicks - model.deviationTicks);
        return new PlaceOrder(randomAccount(), model.marketId, null, side, OrderType.LIMIT, TimeInForce.IOC, price,
                randomQuantity(model), 0, SelfTradePrevention.MARKET_DEFAULT);
    }

    private Command marketBuyByQuote(MarketModel model) {
        long budget = Math.max(model.spec.minNotionalMinor(),
                model.spec.notionalMinor(model.lastTradeTicks, randomQuantity(model)));
        return PlaceOrder.marketBuyByQuote(randomAccount(), model.marketId, budget);
    }

    private Command cancel(MarketModel model) {
        int slot = random.nextInt(model.openOrderCount());
        return new CancelOrder(model.accountId(slot), model.marketId, model.orderId(slot), null);
    }

    /** Moves the order a step (1 % of the distance, at least one tick) towards the last trade price. */
    private Command amendPrice(MarketModel model) {
        int slot = random.nextInt(model.openOrderCount());
        long previous = model.priceTicks(slot);
        long last = model.lastTradeTicks;
        double move = (last - previous) * 0.01;
        long step;
        if (previous > last) {
            step = (long) Math.floor(move);
        } else if (previous < last) {
            step = (long) Math.ceil(move);
        } else {
            step = random.nextBoolean() ? 1 : -1;
        }
        long price = model.clampPrice(previous + step);
        if (price == previous) {
            price = previous > 1 ? previous - 1 : previous + 1;
        }
        return new AmendOrder(model.accountId(slot), model.marketId, model.orderId(slot), price,
                model.quantityLots(slot));
    }

    /** @return a lower quantity at the same price for some open order, or null if the few tried cannot shrink. */
    private Command reduceQuantity(MarketModel model) {
        for (int attempt = 0; attempt < 8; attempt++) {
            int slot = random.nextInt(model.openOrderCount());
            long lowest = Math.max(model.filledLots(slot) + 1, model.minLots);
            long highest = model.quantityLots(slot) - 1;
            if (lowest <= highest) {
                long quantity = lowest + random.nextLong(highest - lowest + 1);
                return new AmendOrder(model.accountId(slot), model.marketId, model.orderId(slot),
                        model.priceTicks(slot), quantity);
            }
        }
        return null;
    }

    /** exchange-core's price draw: a spread concentrated near the mid, asks above and bids below. */
    private long priceOffset(MarketModel model, Side side) {
        double r = random.nextDouble();
        int deviation = 1 + (int) (r * r * model.deviationTicks);
        long offset = 0;
        for (int i = 0; i < 4; i++) {
            offset += random.nextInt(deviation);
        }
        offset = offset / 4 * 2 - deviation;
        if (offset > 0 ^ side == Side.SELL) {
            offset = -offset;
        }
        return offset;
    }

    /** More buyers while the price is pushed up, more sellers while pushed down. */
    private Side randomSide(MarketModel model) {
        return random.nextInt(4) + model.priceDirection >= 2 ? Side.BUY : Side.SELL;
    }

    /** Mostly small orders with a long tail: {@code minLots × (1 + a·b·c)}, each of a, b, c in 0..5. */
    private long randomQuantity(MarketModel model) {
        long factor = 1 + (long) random.nextInt(6) * random.nextInt(6) * random.nextInt(6);
        return Math.min(model.maxLots, model.minLots * factor);
    }

    private long randomAccount() {
        return FIRST_ACCOUNT_ID + random.nextInt(config.accounts());
    }

    private int pickMarket() {
        if (models.length == 1) {
            return 0;
        }
        int index = Arrays.binarySearch(cumulativeMarketWeight, random.nextDouble());
        return index >= 0 ? index : Math.min(models.length - 1, -index - 1);
    }

    private void applySetup(Command command) {
        setup.add(command);
        ResultCode code = apply(command);
        if (!code.isOk()) {
            throw new IllegalStateException("set-up command rejected with " + code + ": " + command);
        }
    }

    private ResultCode apply(Command command) {
        sequence++;
        return core.apply(sequence, Workload.timestampNanos(sequence), command, tracker);
    }

    /** Learns the open orders and the last trade price of every market from the core's events. */
    private final class Tracker implements CoreEventListener {
        @Override
        public void onOrderAccepted(long seq, long ts, OrderView order) {
            models[order.marketId()].track(order);
        }

        @Override
        public void onOrderRested(long seq, long ts, OrderView order) {
            models[order.marketId()].track(order);
        }

        @Override
        public void onOrderCanceled(long seq, long ts, OrderView order, CancelReason reason) {
            models[order.marketId()].track(order);
        }

        @Override
        public void onOrderExpired(long seq, long ts, OrderView order, ExpiryReason reason) {
            models[order.marketId()].track(order);
        }

        @Override
        public void onOrderAmended(long seq, long ts, OrderView order, long oldPriceTicks, long oldQuantityLots,
                boolean priorityKept) {
            models[order.marketId()].track(order);
        }

        @Override
        public void onTradeExecuted(long seq, long ts, long tradeId, OrderView taker, OrderView maker,
                long priceTicks, long quantityLots, long quoteMinor, long takerFeeMinor, long makerFeeMinor) {
            MarketModel model = models[taker.marketId()];
            model.track(maker);
            model.track(taker);
            model.onTrade(priceTicks);
            if (measuring) {
                trades++;
            }
        }

        @Override
        public void onOrderRejected(long seq, long ts, PlaceOrder command, ResultCode code) {
            rejected(code);
        }

        @Override
        public void onCommandRejected(long seq, long ts, Command command, ResultCode code) {
            rejected(code);
        }

        private void rejected(ResultCode code) {
            if (measuring) {
                rejections.merge(code, 1, Integer::sum);
            }
        }
    }
}
