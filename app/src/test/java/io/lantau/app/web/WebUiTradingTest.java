package io.lantau.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.lantau.app.web.WebUiFixture.screenshot;
import static io.lantau.app.web.WebUiFixture.signUp;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.lantau.app.platform.PlatformHarness;
import io.lantau.core.config.StandardMarkets;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trading terminal in a real browser against a real platform: two users sign up through the UI, are funded with
 * the demo credit, trade with each other through the order form, and each sees the trade in the book, the recent
 * trades, their order and trade history and their balances; a rejected order shows the exchange's reason; open orders
 * can be amended and canceled. Saves the README's screenshots under docs/screenshots.
 */
class WebUiTradingTest {
    private static final String SYMBOL = "BTCHKD";
    private static final int BTC = StandardMarkets.BTC.assetId();
    private static final int HKD = StandardMarkets.HKD.assetId();

    @TempDir
    static Path dataDir;
    static PlatformHarness harness;
    static Chromium chromium;

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

    private Page trader(long[] accountId) {
        Page page = chromium.page(false);
        accountId[0] = signUp(page, harness, WebUiFixture.newEmail());
        return page;
    }

    private static void placeOrder(Page page, String side, String typeId, String price, String quantity) {
        page.locator(side.equals("BUY") ? ".order-form .tab.buy" : ".order-form .tab.sell").click();
        page.locator("#order-type").selectOption(typeId);
        if (price != null) {
            page.locator("#order-price").fill(price);
        }
        page.locator("#order-quantity").fill(quantity);
        page.locator("#order-submit").click();
    }

    private static Locator panelTab(Page page, String tab) {
        page.locator("#tab-" + tab).click();
        return page.locator("#panel-body");
    }

    @Test
    void twoUsersTradeThroughTheTerminalAndBothSeeTheTrade() {
        long[] buyerId = new long[1];
        long[] sellerId = new long[1];
        Page buyer = trader(buyerId);
        Page seller = trader(sellerId);
        harness.deposit(buyerId[0], HKD, 1_000_000_00L);       // 1,000,000.00 HKD
        harness.deposit(sellerId[0], BTC, 100_000_000L);       // 1 BTC

        // A visitor watching the markets page: it updates live, without a reload, when the trade happens.
        Page watcher = chromium.page(false);
        watcher.navigate(harness.baseUrl() + "/#/markets");
        Locator lastPrice = watcher.locator("tr[data-symbol=" + SYMBOL + "] td").first();
        assertThat(lastPrice).hasText("–");

        buyer.navigate(harness.baseUrl() + "/#/trade/" + SYMBOL);
        assertThat(panelTab(buyer, "balances").locator("tr[data-asset=HKD] td").first()).hasText("1000000.00");
        placeOrder(buyer, "BUY", "LIMIT", "500000", "0.010");
        assertThat(buyer.locator("#order-status")).hasText(Pattern.compile("Order \\d+ accepted: Open\\."));
        assertThat(buyer.locator("#order-book .bids .book-row .price").first()).hasText("500000");
        assertThat(panelTab(buyer, "open").locator("tbody tr[data-order-id]")).hasCount(1);

        seller.navigate(harness.baseUrl() + "/#/trade/" + SYMBOL);
        assertThat(seller.locator("#order-book .bids .book-row .price").first()).hasText("500000");
        placeOrder(seller, "SELL", "LIMIT", "500000", "0.010");
        assertThat(seller.locator("#order-status")).hasText(Pattern.compile("Order \\d+ accepted: Filled\\."));

        assertThat(lastPrice).hasText("500000");
        assertThat(watcher.locator("tr[data-symbol=" + SYMBOL + "] td").nth(4)).hasText("0.010");
        for (Page page : new Page[] {buyer, seller}) {
            // The book's bid is gone, the trade is the latest in the recent trades and in the client's history.
            assertThat(page.locator("#order-book .bids .book-row .price").first()).hasText("");
            assertThat(page.locator("#recent-trades .trade-row .price").first()).hasText("500000");
            assertThat(page.locator("#recent-trades .trade-row .qty").first()).hasText("0.010");
            assertThat(page.locator("#last-price")).hasText("500000");
            assertThat(panelTab(page, "orders").locator("tbody tr").first().locator("[data-status]"))
                    .hasAttribute("data-status", "FILLED");
            Locator trades = panelTab(page, "trades").locator("tbody tr[data-trade-id]");
            assertThat(trades).hasCount(1);
            assertThat(trades.first().locator("td").nth(3)).hasText("0.010");
            assertThat(panelTab(page, "open").locator("tbody tr[data-order-id]")).hasCount(0);
        }
        // Balances, fees in the quote asset: the buyer was the maker (10 bps), the seller the taker (20 bps).
        Locator buyerBalances = panelTab(buyer, "balances");
        assertThat(buyerBalances.locator("tr[data-asset=BTC] td").first()).hasText("0.01000000");
        assertThat(buyerBalances.locator("tr[data-asset=HKD] td").first()).hasText("994995.00");
        Locator sellerBalances = panelTab(seller, "balances");
        assertThat(sellerBalances.locator("tr[data-asset=BTC] td").first()).hasText("0.99000000");
        assertThat(sellerBalances.locator("tr[data-asset=HKD] td").first()).hasText("4990.00");
        assertThat(panelTab(buyer, "trades").locator("tbody tr[data-trade-id] td").nth(6)).hasText("Maker");

        panelTab(buyer, "trades");
        screenshot(buyer, "terminal");
        buyer.navigate(harness.baseUrl() + "/#/markets");
        assertThat(buyer.locator("tr[data-symbol=" + SYMBOL + "] td").first()).hasText("500000");
        screenshot(buyer, "markets");
        buyer.navigate(harness.baseUrl() + "/#/account");
        assertThat(buyer.locator("#bal-h")).isVisible();
        screenshot(buyer, "account");

        Page phone = chromium.page(true);
        phone.navigate(harness.baseUrl() + "/#/trade/" + SYMBOL);
        assertThat(phone.locator("#recent-trades .trade-row .price").first()).hasText("500000");
        screenshot(phone, "terminal-phone");
        assertThat(chromium.problems()).isEmpty();
    }

    @Test
    void aRejectedOrderShowsTheReasonAndAFormCheckSendsNothing() {
        long[] id = new long[1];
        Page page = trader(id);
        page.navigate(harness.baseUrl() + "/#/trade/" + SYMBOL);
        assertThat(page.locator("#order-submit")).isVisible();

        // Off the tick: the form refuses it before sending.
        placeOrder(page, "BUY", "LIMIT", "500005", "0.010");
        assertThat(page.locator("#order-status")).hasText("The price must be a multiple of the tick size 10.");
        assertThat(page.locator("#order-status")).hasAttribute("data-source", "form");
        // Below the minimum notional (100 HKD): refused before sending too.
        placeOrder(page, "BUY", "LIMIT", "10", "0.001");
        assertThat(page.locator("#order-status")).hasText("The order value must be at least 100.00 HKD.");

        // A valid order without the money for it: the core rejects it and the page says why.
        placeOrder(page, "BUY", "POST_ONLY", "400000", "0.010");
        assertThat(page.locator("#order-status"))
                .hasText("Rejected by the exchange: Account has insufficient balance for requested action.");
        assertThat(page.locator("#order-status")).hasAttribute("data-source", "exchange");
        assertThat(panelTab(page, "orders").locator("tbody tr[data-order-id]")).hasCount(0);
        screenshot(page, "terminal-rejected");
    }

    @Test
    void theTerminalsControlsWorkFromTheKeyboard() {
        long[] id = new long[1];
        Page page = trader(id);
        page.navigate(harness.baseUrl() + "/#/trade/" + SYMBOL);
        page.locator(".order-form .tab.sell").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator(".order-form .tab.sell")).hasAttribute("aria-pressed", "true");
        assertThat(page.locator("#order-submit")).hasText("Sell BTC");
        page.locator("#order-type").focus();
        page.keyboard().press("Tab");
        assertThat(page.locator("#order-price")).isFocused();
        page.keyboard().type("500000");
        page.keyboard().press("Tab");
        assertThat(page.locator("#order-quantity")).isFocused();
        page.keyboard().type("0.010");
        page.keyboard().press("Enter");                                   // submits the form
        assertThat(page.locator("#order-status"))
                .hasText("Rejected by the exchange: Account has insufficient balance for requested action.");
        page.locator("#tab-open").focus();
        page.keyboard().press("ArrowRight");
        assertThat(page.locator("#tab-orders")).isFocused();
        assertThat(page.locator("#tab-orders")).hasAttribute("aria-selected", "true");
        page.keyboard().press("ArrowLeft");
        page.keyboard().press("ArrowLeft");
        assertThat(page.locator("#tab-balances")).hasAttribute("aria-selected", "true");
    }

    @Test
    void openOrdersCanBeAmendedAndCanceled() {
        long[] id = new long[1];
        Page page = trader(id);
        harness.deposit(id[0], HKD, 100_000_00L);
        page.navigate(harness.baseUrl() + "/#/trade/" + SYMBOL);
        placeOrder(page, "BUY", "LIMIT", "300000", "0.010");
        assertThat(page.locator("#order-status")).hasText(Pattern.compile("Order \\d+ accepted: Open\\."));
        Locator row = panelTab(page, "open").locator("tbody tr[data-order-id]");
        assertThat(row).hasCount(1);

        row.getByText("Amend").click();
        Locator inputs = row.locator("input");
        inputs.nth(0).fill("290000");
        inputs.nth(1).fill("0.020");
        row.getByText("Save").click();
        assertThat(page.locator("#panel-status")).hasText(Pattern.compile("Order \\d+ amended\\."));
        assertThat(row.locator("td").nth(3)).hasText("290000");
        assertThat(row.locator("td").nth(4)).hasText("0.020");
        assertThat(page.locator("#order-book .bids .book-row .price").first()).hasText("290000");

        row.getByText("Cancel").click();
        assertThat(page.locator("#panel-status")).hasText(Pattern.compile("Order \\d+ canceled\\."));
        assertThat(panelTab(page, "open").locator("tbody tr[data-order-id]")).hasCount(0);
        assertThat(panelTab(page, "balances").locator("tr[data-asset=HKD] td").nth(1)).hasText("0.00");
    }
}
