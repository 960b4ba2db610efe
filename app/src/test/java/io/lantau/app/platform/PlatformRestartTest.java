package io.lantau.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.core.config.StandardMarkets;
import io.lantau.testsupport.BinanceTestClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the platform shows after a restart on the same directory, recovered from the journal and the history. */
class PlatformRestartTest {
    @TempDir
    Path dataDir;

    @Test
    void shouldShowTheTradesOfTheLast24HoursInTheTickerAndCandlesAfterARestart() {
        try (PlatformHarness harness = new PlatformHarness(dataDir)) {
            PlatformHarness.Trader seller = harness.trader();
            PlatformHarness.Trader buyer = harness.trader();
            harness.deposit(seller.accountId(), StandardMarkets.BTC.assetId(), 100_000_000L);
            harness.deposit(buyer.accountId(), StandardMarkets.HKD.assetId(), 100_000_000L);
            assertThat(seller.client().signed("POST", "/api/v3/order",
                    "symbol=BTCHKD&side=SELL&type=LIMIT&timeInForce=GTC&quantity=0.5&price=700000").status())
                    .isEqualTo(200);
            assertThat(buyer.client().signed("POST", "/api/v3/order",
                    "symbol=BTCHKD&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.2&price=700000").status())
                    .isEqualTo(200);
        }
        try (PlatformHarness restarted = new PlatformHarness(dataDir)) {
            BinanceTestClient anonymous = new BinanceTestClient(restarted.baseUrl(), null, null);
            JsonObject ticker = new JsonObject(anonymous.get("/api/v3/ticker/24hr", "symbol=BTCHKD").body());
            assertThat(ticker.getString("volume")).as(ticker.encode()).isEqualTo("0.200");
            assertThat(ticker.getLong("count")).isEqualTo(1);
            assertThat(ticker.getString("lastPrice")).isEqualTo("700000");
            JsonArray latest = new JsonArray(anonymous.get("/api/v3/klines", "symbol=BTCHKD&interval=1m&limit=1")
                    .body());
            assertThat(latest).hasSize(1);
            assertThat(latest.getJsonArray(0).getString(5)).isEqualTo("0.200");
        }
    }
}
