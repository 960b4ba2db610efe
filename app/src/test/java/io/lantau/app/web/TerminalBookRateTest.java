package io.lantau.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.lantau.app.platform.PlatformHarness;
import io.lantau.core.SelfTradePrevention;
import io.lantau.core.OrderType;
import io.lantau.core.Side;
import io.lantau.core.TimeInForce;
import io.lantau.core.command.PlaceOrder;
import io.lantau.core.config.StandardMarkets;
import io.lantau.store.dispatch.AppliedCommandListener;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A measurement, not a timed assertion: orders stream into BTCHKD at rising rates while the terminal is open, and
 * for each stage it prints how many book updates (depth update ids) per second the server produced, how many the
 * page applied and rendered, and how far behind the rendered book was at worst. What it asserts is correctness: once
 * the orders stop, the page's book reaches the server's last update id and shows exactly the server's top levels
 * (the diff-depth sync lost nothing). Also saves the busy terminal's screenshot.
 */
class TerminalBookRateTest {
    private static final String SYMBOL = "BTCHKD";
    private static final int MARKET = 0;
    private static final int TRADERS = 4;
    private static final long STAGE_MILLIS = 5_000;
    private static final int[] ORDERS_PER_SECOND = {200, 1_000, 0};   // 0: as fast as the engine takes them

    @TempDir
    static Path dataDir;
    static PlatformHarness harness;
    static Chromium chromium;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        harness = new PlatformHarness(dataDir);
        chromium = new Chromium();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (harness != null) {
            harness.close();
        }
    }

    private static long serverUpdateId() throws Exception {
        return depth(1).getLong("lastUpdateId");
    }

    private static JsonObject depth(int limit) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(harness.baseUrl()
                + "/api/v3/depth?symbol=" + SYMBOL + "&limit=" + limit)).build(), HttpResponse.BodyHandlers.ofString());
        return new JsonObject(r.body());
    }

    private static long pageUpdateId(Locator book) {
        String id = book.getAttribute("data-last-update-id");
        return id == null ? 0 : Long.parseLong(id);
    }

    @Test
    void theTerminalKeepsUpWithAStreamOfOrdersAndEndsInStepWithTheServer() throws Exception {
        long[] accounts = new long[TRADERS];
        for (int i = 0; i < TRADERS; i++) {
            accounts[i] = harness.trader().accountId();
            harness.deposit(accounts[i], StandardMarkets.BTC.assetId(), 1_000L * 100_000_000L);
            harness.deposit(accounts[i], StandardMarkets.HKD.assetId(), 10_000_000_000L * 100L);
        }
        Page page = chromium.page(false);
        page.navigate(harness.baseUrl() + "/#/trade/" + SYMBOL);
        Locator book = page.locator("#order-book");
        assertThat(book).hasAttribute("data-last-update-id", java.util.regex.Pattern.compile("\\d+"));

        // Layout stability while the book streams: the panels keep their boxes, and Chromium's layout-shift entries
        // (the Cumulative Layout Shift API) stay empty.
        page.evaluate("() => { window.__shift = 0; new PerformanceObserver(l => l.getEntries()"
                + ".forEach(e => { window.__shift += e.value; })).observe({ type: 'layout-shift' }); }");
        Object bookBox = boxOf(page, "#order-book");
        Object tradesBox = boxOf(page, "#recent-trades");
        SplittableRandom random = new SplittableRandom(7);
        Semaphore inFlight = new Semaphore(512);
        AtomicLong accepted = new AtomicLong();
        AtomicLong ids = new AtomicLong();
        List<String> report = new ArrayList<>();
        for (int rate : ORDERS_PER_SECOND) {
            long startId = serverUpdateId();
            int startRenders = Integer.parseInt(book.getAttribute("data-renders"));
            int startApplied = Integer.parseInt(book.getAttribute("data-diffs-applied"));
            long maxLag = 0;
            long sent = 0;
            long t0 = System.nanoTime();
            long nextSample = t0;
            while (System.nanoTime() - t0 < STAGE_MILLIS * 1_000_000) {
                // Orders due by now at this stage's rate; at full speed, the next batch of 256.
                long due = rate == 0 ? sent + 256 : (System.nanoTime() - t0) * rate / 1_000_000_000L;
                while (sent < due) {
                    Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                    // Prices around 500,000 HKD: about one order in six crosses the spread and trades.
                    long price = 50_000 + (side == Side.BUY ? -1 : 1) * (random.nextInt(40) - 6);
                    PlaceOrder order = new PlaceOrder(accounts[random.nextInt(TRADERS)], MARKET,
                            "m" + ids.incrementAndGet(), side, OrderType.LIMIT, TimeInForce.GTC, price,
                            1 + random.nextInt(20), 0, SelfTradePrevention.NONE);
                    inFlight.acquire();
                    AppliedCommandListener done = record -> {
                        accepted.incrementAndGet();
                        inFlight.release();
                    };
                    while (!harness.platform().parts().submitter.submit(order, done)) {
                        Thread.onSpinWait();
                    }
                    sent++;
                }
                if (System.nanoTime() >= nextSample) {
                    maxLag = Math.max(maxLag, serverUpdateId() - pageUpdateId(book));
                    nextSample = System.nanoTime() + 250_000_000L;
                }
                if (rate != 0) {
                    Thread.sleep(1);
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long endId = serverUpdateId();
            long lagAtEnd = endId - pageUpdateId(book);
            int renders = Integer.parseInt(book.getAttribute("data-renders")) - startRenders;
            int applied = Integer.parseInt(book.getAttribute("data-diffs-applied")) - startApplied;
            String line = String.format(
                    "stage %s: %,d orders in %.1f s (%,.0f/s); server book updates %,.0f/s; page applied %,.0f"
                            + " diff messages/s and rendered %,.0f frames/s; lag worst %,d update ids (about %,.0f ms of"
                            + " updates), at end %,d",
                    rate == 0 ? "max" : rate + "/s", sent, seconds, sent / seconds, (endId - startId) / seconds,
                    applied / seconds, renders / seconds, Math.max(maxLag, lagAtEnd),
                    Math.max(maxLag, lagAtEnd) * 1000.0 / Math.max(1.0, (endId - startId) / seconds), lagAtEnd);
            report.add(line);
        }
        inFlight.acquire(512);   // every order applied
        inFlight.release(512);
        report.forEach(line -> System.out.println("[terminal book rate] " + line));
        long finalId = serverUpdateId();
        page.waitForFunction("id => Number(document.querySelector('#order-book').dataset.lastUpdateId) >= id",
                (double) finalId);

        // The rendered book is the server's book: same top 12 levels a side, same update id.
        JsonObject server = depth(12);
        assertThat(pageUpdateId(book)).isEqualTo(server.getLong("lastUpdateId"));
        assertThat(renderedLevels(page, ".bids")).isEqualTo(levels(server.getJsonArray("bids")));
        List<String> asks = renderedLevels(page, ".asks");
        assertThat(asks.reversed()).isEqualTo(levels(server.getJsonArray("asks")));
        assertThat(accepted.get()).isEqualTo(ids.get());
        assertThat(boxOf(page, "#order-book")).isEqualTo(bookBox);
        assertThat(boxOf(page, "#recent-trades")).isEqualTo(tradesBox);
        assertThat(((Number) page.evaluate("() => window.__shift")).doubleValue()).isZero();
        WebUiFixture.screenshot(page, "terminal-busy");
        assertThat(chromium.problems()).isEmpty();
    }

    private static Object boxOf(Page page, String selector) {
        return page.evaluate("s => { const r = document.querySelector(s).getBoundingClientRect();"
                + " return [r.x, r.y, r.width, r.height].join(','); }", selector);
    }

    private static List<String> renderedLevels(Page page, String side) {
        List<String> levels = new ArrayList<>();
        for (Locator row : page.locator("#order-book " + side + " .book-row").all()) {
            String price = row.locator(".price").textContent();
            if (!price.isEmpty()) {
                levels.add(price + "@" + row.locator(".qty").textContent());
            }
        }
        return levels;
    }

    private static List<String> levels(JsonArray side) {
        List<String> levels = new ArrayList<>();
        for (int i = 0; i < side.size(); i++) {
            levels.add(side.getJsonArray(i).getString(0) + "@" + side.getJsonArray(i).getString(1));
        }
        return levels;
    }
}
