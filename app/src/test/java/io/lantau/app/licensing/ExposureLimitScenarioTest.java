package io.lantau.app.licensing;

import static io.lantau.app.licensing.LicensingScenario.assertAccepted;
import static io.lantau.app.licensing.LicensingScenario.assertRejected;
import static io.lantau.app.licensing.LicensingScenario.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.app.api.AccountState;
import io.lantau.app.platform.PlatformConfig;
import io.lantau.core.ResultCode;
import io.lantau.core.config.MarketSpec;
import io.lantau.core.config.StandardMarkets;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retail exposure limit (HK-04) through the public API of a real server under HK_VATP: the limit is net worth ×
 * the risk tier's percentage (HK-03) − other virtual-asset holdings, shown through {@code GET /suitability}; the core
 * values a buy at the reference price it holds (seeded from {@link PlatformConfig#DEMO_REFERENCE_PRICES}), not at the
 * order's price, and refuses one that would take the client past its limit with EXPOSURE_LIMIT_EXCEEDED and no change.
 */
class ExposureLimitScenarioTest {
    private static final String NET_WORTH_MINOR = "100000000";
    private static final String OTHER_VIRTUAL_ASSETS_MINOR = "5000000";
    /** Below the reference price: the breaching order would fit the limit if it were valued at its own price. */
    private static final String ORDER_PRICE = "500000";

    @TempDir
    Path dir;
    private LicensingScenario scenario;

    @BeforeEach
    void start() {
        scenario = new LicensingScenario(dir);
    }

    @AfterEach
    void stop() {
        scenario.close();
    }

    @Test
    void shouldRefuseABuyPastTheExposureLimitWithNoStateChangeAndAcceptOneWithinIt() {
        scenario.admitForRetail("BTC");
        LicensedClient retail = scenario.onboardRetail("Tsz Hin Cheung", NET_WORTH_MINOR, OTHER_VIRTUAL_ASSETS_MINOR);
        scenario.credit(retail, "HKD", "1000000");

        JsonObject risk = expect(retail.get("/suitability"), 200).json().getJsonObject("riskProfile");
        long limitMinor = Long.parseLong(risk.getString("exposureLimitMinor"));
        long tierPercent = risk.getLong("tierPercent");
        assertThat(limitMinor).as("net worth × tier %% − other virtual assets: %s", risk.encode())
                .isEqualTo(Long.parseLong(NET_WORTH_MINOR) * tierPercent / 100
                        - Long.parseLong(OTHER_VIRTUAL_ASSETS_MINOR))
                .isPositive();

        MarketSpec btcHkd = StandardMarkets.config().markets().get(0);
        assertThat(btcHkd.symbol()).isEqualTo("BTC-HKD");
        int hkdScale = btcHkd.quote().scale();
        BigDecimal lotValueMinor = btcHkd.lotSize().multiply(referencePriceHkd("BTC")).movePointRight(hkdScale);
        long lotsWithin = BigDecimal.valueOf(limitMinor).divide(lotValueMinor, 0, RoundingMode.FLOOR).longValueExact();
        String within = btcHkd.lotSize().multiply(BigDecimal.valueOf(lotsWithin)).toPlainString();
        String breaching = btcHkd.lotSize().multiply(BigDecimal.valueOf(lotsWithin + 1)).toPlainString();
        assertThat(new BigDecimal(breaching).multiply(new BigDecimal(ORDER_PRICE)).movePointRight(hkdScale))
                .as("at its own price the breaching order would fit: the core values it at the reference price")
                .isLessThan(BigDecimal.valueOf(limitMinor));

        assertThat(expect(retail.get("/suitability"), 200).json().getLong("exposureMinor"))
                .as("no virtual asset held, no resting buy").isZero();
        AccountState before = retail.account("BTCHKD");
        assertRejected(retail.limit("BTCHKD", "BUY", breaching, ORDER_PRICE), ResultCode.EXPOSURE_LIMIT_EXCEEDED);
        assertThat(retail.account("BTCHKD")).isEqualTo(before);

        assertAccepted(retail.limit("BTCHKD", "BUY", within, ORDER_PRICE), "NEW");
        AccountState resting = retail.account("BTCHKD");
        assertThat(resting.openOrders()).hasSize(1);
        assertThat(expect(retail.get("/suitability"), 200).json().getLong("exposureMinor"))
                .as("the resting buy at the reference price, as the core counts it against the limit")
                .isEqualTo(lotValueMinor.multiply(BigDecimal.valueOf(lotsWithin)).longValueExact())
                .isLessThanOrEqualTo(limitMinor);
        assertRejected(retail.limit("BTCHKD", "BUY", btcHkd.lotSize().toPlainString(), ORDER_PRICE),
                ResultCode.EXPOSURE_LIMIT_EXCEEDED);
        assertThat(retail.account("BTCHKD")).as("a resting buy counts towards the exposure").isEqualTo(resting);
        scenario.assertAuditChainVerifies();
    }

    /** @return the seeded reference price of {@code asset}, HKD per whole unit. */
    private static BigDecimal referencePriceHkd(String asset) {
        return Arrays.stream(PlatformConfig.DEMO_REFERENCE_PRICES.split(","))
                .map(pair -> pair.split("="))
                .filter(pair -> pair[0].equals(asset))
                .map(pair -> new BigDecimal(pair[1]))
                .findFirst().orElseThrow();
    }
}
