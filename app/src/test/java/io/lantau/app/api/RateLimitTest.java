package io.lantau.app.api;

import static io.lantau.app.api.ApiAssertions.assertBinanceError;
import static io.lantau.app.api.ApiAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.app.platform.PlatformConfig;
import io.lantau.app.platform.PlatformHarness;
import io.lantau.app.platform.PlatformHarness.Trader;
import io.lantau.core.config.StandardMarkets;
import io.lantau.gateway.limits.RateLimits;
import io.lantau.testsupport.BinanceTestClient;
import io.lantau.testsupport.BinanceTestClient.Response;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Binance's rate limits through a real server with low limits of its own (300 weight a minute, 3 orders per 10 s, 3
 * requests while limited before a ban): 429 with {@code Retry-After} and -1015 for too many orders (none placed),
 * 429 with {@code Retry-After} and -1003 for too much weight, then 418 for an address that keeps going. The ban lasts
 * two minutes, so the order test runs first.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitTest {
    private static final int WEIGHT_PER_MINUTE = 300;

    @TempDir
    static Path dataDir;
    static PlatformHarness harness;

    @BeforeAll
    static void start() {
        harness = new PlatformHarness(dataDir, PlatformHarness.openDefaults()
                .withRateLimits(new RateLimits(WEIGHT_PER_MINUTE, 3, 1_000, 3)));
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    @Order(1)
    void shouldRefuseTheFourthOrderInTenSecondsWith429AndPlaceNothing() {
        Trader t = harness.trader();
        harness.deposit(t.accountId(), StandardMarkets.HKD.assetId(), 100_000_000L);
        int placed = 0;
        Response refused = null;
        // A 10-second window may turn between two orders: keep going until one is refused (at most 3 windows' worth).
        for (int i = 0; i < 12 && refused == null; i++) {
            Response r = t.client().signed("POST", "/api/v3/order",
                    "symbol=BTCHKD&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.001&price=" + (100000 + 10 * i));
            assertThat(r.header("X-MBX-ORDER-COUNT-10S")).as(r.body()).isNotNull();
            assertThat(r.header("X-MBX-ORDER-COUNT-1D")).as(r.body()).isNotNull();
            if (r.status() == 200) {
                placed++;
            } else {
                refused = r;
            }
        }
        assertThat(refused).as("no order refused").isNotNull();
        assertThat(assertBinanceError(refused, 429, -1015).getString("msg")).isEqualTo("Too many new orders.");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 10L);
        assertThat(refused.header("X-MBX-ORDER-COUNT-10S")).isEqualTo("3");
        assertThat(ApiAssertions.array(t.client().signed("GET", "/api/v3/openOrders", ""))).hasSize(placed);
    }

    @Test
    @Order(2)
    void shouldAnswer429WithRetryAfterThen418ToAnAddressThatKeepsGoing() {
        BinanceTestClient anonymous = new BinanceTestClient(harness.baseUrl(), null, null);
        Response limited = null;
        Response banned = null;
        for (int i = 0; i < 3 * WEIGHT_PER_MINUTE && banned == null; i++) {
            Response r = anonymous.get("/api/v3/ping", "");
            assertThat(r.header(ApiAssertions.WEIGHT)).isNotNull();
            if (r.status() == 429 && limited == null) {
                limited = r;
            } else if (r.status() == 418) {
                banned = r;
            } else if (r.status() != 429) {
                assertThat(r.status()).as(r.body()).isEqualTo(200);
            }
        }
        assertThat(limited).as("never limited").isNotNull();
        assertThat(assertBinanceError(limited, 429, -1003).getString("msg")).startsWith("Too many requests");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(Long.parseLong(limited.header(ApiAssertions.WEIGHT))).isEqualTo(WEIGHT_PER_MINUTE);
        assertThat(banned).as("never banned").isNotNull();
        assertThat(assertBinanceError(banned, 418, -1003).getString("msg")).startsWith("Way too many requests");
        assertThat(Long.parseLong(banned.header("Retry-After"))).isBetween(100L, 120L);

        // The ban holds for the address, signed or not, whatever the endpoint.
        Trader t = harness.trader();
        Response signedWhileBanned = t.client().signed("GET", "/api/v3/account", "");
        assertBinanceError(signedWhileBanned, 418, -1003);
        assertThat(signedWhileBanned.header("Retry-After")).isNotNull();
        // Operations endpoints are not behind the limiter.
        assertThat(anonymous.raw("GET", "/health", null, false).status()).isEqualTo(200);
        assertThat(json(anonymous.raw("GET", "/health", null, false)).getString("status")).isEqualTo("UP");
    }
}
