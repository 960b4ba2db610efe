package io.lantau.gateway.ws;

import io.lantau.gateway.binance.MarketFormat;
import io.lantau.gateway.binance.Markets;
import io.lantau.store.market.AggregateTrade;
import io.lantau.store.market.BookTicker;
import io.lantau.store.market.Candle;
import io.lantau.store.market.DepthUpdate;
import io.lantau.store.market.DepthUpdateCoalescer;
import io.lantau.store.market.KlineInterval;
import io.lantau.store.market.MarketData;
import io.lantau.store.market.MarketDataListener;
import io.lantau.store.market.TickerStatistics;
import io.lantau.store.market.Trade;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The market streams' fan-out. As the {@link MarketDataListener} it runs on the projection thread and only queues
 * what changed (skipping streams nobody watches, except depth, whose id sequence must stay whole). Its own thread
 * then encodes each message once per stream, coalesces depth diffs into the 100 ms and 1,000 ms streams with a
 * {@link DepthUpdateCoalescer} each, sends partial books and tickers on those ticks, and hands every event loop with
 * subscribers one batch per pass.
 *
 * <p><b>Depth sync:</b> diffs reach a connection only after it subscribed, and each diff was drained after the
 * updates before it were readable over REST; so a snapshot taken after the subscription's reply has
 * {@code lastUpdateId >= U - 1} of the first diff the connection gets, and the diffs follow each other without gap.
 */
final class MarketStreams implements MarketDataListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MarketStreams.class);
    private static final long FAST_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long SLOW_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** A kline change, with the candle copied off the projection thread's own object. */
    private record KlineChange(KlineInterval interval, Candle candle, boolean closed) {
    }

    private final MarketFormat[] formats;
    private volatile MarketData marketData;
    private final StreamCatalog catalog;
    private final LongSupplier clockMillis;
    private final ConcurrentLinkedQueue<Object> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicReferenceArray<TickerStatistics> latestTickers;
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean parked;

    // Fan-out thread only.
    private final DepthUpdateCoalescer fast;
    private final DepthUpdateCoalescer slow;
    private final TickerStatistics[] sentTickers;
    private final TickerStatistics[] changed;
    private final StreamEncoder encoder = new StreamEncoder();
    private final List<EventLoopFanOut> dirtyLoops = new ArrayList<>();

    MarketStreams(Markets markets, StreamCatalog catalog, LongSupplier clockMillis) {
        this.formats = markets.all().toArray(new MarketFormat[0]);
        this.catalog = catalog;
        this.clockMillis = clockMillis;
        int n = formats.length;
        this.latestTickers = new AtomicReferenceArray<>(n);
        this.sentTickers = new TickerStatistics[n];
        this.changed = new TickerStatistics[n];
        this.fast = new DepthUpdateCoalescer(n);
        this.slow = new DepthUpdateCoalescer(n);
        this.thread = Thread.ofPlatform().name("lantau-ws-fanout").daemon().unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    MarketFormat format(int marketId) {
        return formats[marketId];
    }

    MarketData marketData() {
        MarketData data = marketData;
        if (data == null) {
            throw new IllegalStateException("no market data attached");
        }
        return data;
    }

    void attach(MarketData data) {
        this.marketData = data;
    }

    /** @return messages encoded so far (one per stream event, however many connections got it). */
    long published() {
        return published.get();
    }

    /** @return changes queued by the projection thread and not yet taken by the fan-out thread. */
    long backlog() {
        return queued.get();
    }

    // ------------------------------------------------------------- projection thread

    private void offer(Object change) {
        inbox.offer(change);
        queued.incrementAndGet();
        if (parked) {
            LockSupport.unpark(thread);
        }
    }

    @Override
    public void onDepthUpdate(DepthUpdate update) {
        offer(update);
    }

    @Override
    public void onBookTicker(BookTicker ticker) {
        if (catalog.bookTicker(ticker.marketId()).hasSubscribers()) {
            offer(ticker);
        }
    }

    @Override
    public void onTrade(Trade trade) {
        if (catalog.trade(trade.marketId()).hasSubscribers()) {
            offer(trade);
        }
    }

    @Override
    public void onAggregateTrade(AggregateTrade trade) {
        if (catalog.aggTrade(trade.marketId()).hasSubscribers()) {
            offer(trade);
        }
    }

    @Override
    public void onKline(KlineInterval interval, Candle candle, boolean closed) {
        if (catalog.kline(candle.marketId(), interval).hasSubscribers()) {
            offer(new KlineChange(interval, candle.copy(), closed));
        }
    }

    @Override
    public void onTicker(TickerStatistics ticker) {
        latestTickers.set(ticker.marketId(), ticker);
    }

    // ------------------------------------------------------------- fan-out thread

    private void run() {
        long nextFast = System.nanoTime() + FAST_NANOS;
        long nextSlow = System.nanoTime() + SLOW_NANOS;
        while (running) {
            try {
                Object change;
                int taken = 0;
                while ((change = inbox.poll()) != null) {
                    taken++;
                    handle(change);
                    if (taken % 256 == 0) {
                        flush();
                    }
                }
                queued.addAndGet(-taken);
                long now = System.nanoTime();
                if (now - nextFast >= 0) {
                    drainDepth(fast, true);
                    nextFast = Math.max(nextFast + FAST_NANOS, now);
                }
                if (now - nextSlow >= 0) {
                    drainDepth(slow, false);
                    publishTickers();
                    nextSlow = Math.max(nextSlow + SLOW_NANOS, now);
                }
                flush();
                parked = true;
                if (inbox.isEmpty()) {
                    LockSupport.parkNanos(Math.max(1, Math.min(nextFast, nextSlow) - System.nanoTime()));
                }
                parked = false;
            } catch (RuntimeException e) {
                LOG.error("market stream fan-out failed on one change; carrying on", e);
            }
        }
    }

    private void handle(Object change) {
        switch (change) {
            case DepthUpdate u -> {
                fast.add(u);
                slow.add(u);
            }
            case Trade t -> publish(catalog.trade(t.marketId()), encoder.trade(formats[t.marketId()], t));
            case AggregateTrade a ->
                    publish(catalog.aggTrade(a.marketId()), encoder.aggTrade(formats[a.marketId()], a));
            case BookTicker b ->
                    publish(catalog.bookTicker(b.marketId()), encoder.bookTicker(formats[b.marketId()], b));
            case KlineChange k -> publish(catalog.kline(k.candle().marketId(), k.interval()),
                    encoder.kline(formats[k.candle().marketId()], k.interval(), k.candle(), k.closed(),
                            clockMillis.getAsLong()));
            default -> throw new IllegalStateException("unexpected change " + change);
        }
    }

    private void drainDepth(DepthUpdateCoalescer coalescer, boolean isFast) {
        for (int m = 0; m < formats.length; m++) {
            DepthUpdate update = coalescer.drain(m);
            if (update == null) {
                continue;
            }
            Topic diff = catalog.diff(m, isFast);
            if (diff.hasSubscribers()) {
                publish(diff, encoder.depthUpdate(formats[m], update));
            }
            for (int i = 0; i < StreamCatalog.PARTIAL_LEVELS.length; i++) {
                Topic partial = catalog.partial(m, i, isFast);
                if (partial.hasSubscribers()) {
                    publish(partial, encoder.partialDepth(formats[m], marketData().depth(m, partial.levels)));
                }
            }
        }
    }

    private void publishTickers() {
        int count = 0;
        for (int m = 0; m < formats.length; m++) {
            TickerStatistics t = latestTickers.get(m);
            if (t == null || t == sentTickers[m]) {
                continue;
            }
            sentTickers[m] = t;
            changed[count++] = t;
            if (catalog.ticker(m).hasSubscribers()) {
                publish(catalog.ticker(m), encoder.ticker(formats[m], t));
            }
            if (catalog.miniTicker(m).hasSubscribers()) {
                publish(catalog.miniTicker(m), encoder.miniTicker(formats[m], t));
            }
        }
        if (count > 0 && catalog.allTickers().hasSubscribers()) {
            publish(catalog.allTickers(), encoder.tickerArray(formats, changed, count, true));
        }
        if (count > 0 && catalog.allMiniTickers().hasSubscribers()) {
            publish(catalog.allMiniTickers(), encoder.tickerArray(formats, changed, count, false));
        }
    }

    private void publish(Topic topic, byte[] raw) {
        EventLoopFanOut[] loops = topic.loops();
        if (loops.length == 0) {
            return;
        }
        published.incrementAndGet();
        Message message = new Message(topic, raw, topic.combined(raw));
        for (EventLoopFanOut loop : loops) {
            if (loop.pending.isEmpty()) {
                dirtyLoops.add(loop);
            }
            loop.pending.add(message);
        }
    }

    private void flush() {
        for (int i = 0, n = dirtyLoops.size(); i < n; i++) {
            EventLoopFanOut loop = dirtyLoops.get(i);
            ArrayList<Message> batch = loop.pending;
            loop.pending = new ArrayList<>();
            loop.post(batch);
        }
        dirtyLoops.clear();
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
