package io.lantau.app.licensing;

import static io.lantau.app.licensing.LicensingScenario.assertAccepted;
import static io.lantau.app.licensing.LicensingScenario.assertRejected;
import static io.lantau.app.licensing.LicensingScenario.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.app.api.AccountState;
import io.lantau.core.ResultCode;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which markets retail clients may trade, through the public API of a real server under HK_VATP: only those whose
 * base asset the token committee admitted (HK-10) or the operator opened; in a SELL_ONLY market they may sell down and
 * not buy (HK-14). A professional investor classified with Schedule 1 evidence (HK-01) is not limited by either. The
 * core enforces this on every order, and a refused order changes nothing the client can see.
 */
class RetailMarketAccessScenarioTest {
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
    void shouldLetAProfessionalTradeAMarketRetailCannotAndRefuseTheRetailOrderThereWithNoStateChange() {
        scenario.admitForRetail("BTC");
        assertThat(expect(scenario.operator().get("/profile"), 200).json().getJsonObject("retail")
                .getJsonArray("eligibleAssets").getList()).as("ETH was never admitted: ETH-HKD stays closed to retail")
                .containsExactly("BTC");
        LicensedClient retail = scenario.onboardRetail("Mei Ling Chan");
        scenario.credit(retail, "HKD", "100000");
        AccountState before = retail.account("ETHHKD", "BTCHKD");

        assertRejected(retail.limit("ETHHKD", "BUY", "1", "25000"), ResultCode.NOT_RETAIL_ELIGIBLE);

        assertThat(retail.account("ETHHKD", "BTCHKD")).isEqualTo(before);
        assertAccepted(retail.limit("BTCHKD", "BUY", "0.01", "500000"), "NEW");

        LicensedClient seller = scenario.classifyProfessional("Wing Yan Lau");
        LicensedClient buyer = scenario.classifyProfessional("Siu Ming Wong");
        scenario.credit(seller, "ETH", "2");
        scenario.credit(buyer, "HKD", "100000");
        assertAccepted(seller.limit("ETHHKD", "SELL", "1", "25000"), "NEW");
        JsonObject bought = assertAccepted(buyer.limit("ETHHKD", "BUY", "1", "25000"), "FILLED");

        assertThat(new BigDecimal(bought.getString("executedQty"))).isEqualByComparingTo("1");
        AccountState bought1Eth = buyer.account();
        assertThat(new BigDecimal(bought1Eth.free("ETH"))).isEqualByComparingTo("1");
        assertThat(new BigDecimal(bought1Eth.free("HKD"))).as("HK$25,000 and the 0.2 % taker fee paid")
                .isEqualByComparingTo("74950");
        scenario.assertAuditChainVerifies();
    }

    @Test
    void shouldLetARetailClientSellAndNotBuyInASellOnlyMarketWhileAProfessionalStillBuys() {
        scenario.admitForRetail("BTC");
        LicensedClient retail = scenario.onboardRetail("Chi Wai Ho");
        scenario.credit(retail, "BTC", "0.1");
        scenario.credit(retail, "HKD", "100000");
        assertAccepted(retail.limit("BTCHKD", "BUY", "0.01", "500000"), "NEW");

        scenario.retailAccess("BTCHKD", "SELL_ONLY");

        AccountState before = retail.account("BTCHKD");
        assertThat(before.openOrders()).as("the switch cancels the retail client's resting buy").isEmpty();
        assertThat(before.allOrders().get(0).getJsonObject(0).getString("status")).isEqualTo("CANCELED");
        assertThat(before.locked("HKD")).isEqualTo("0.00");
        assertRejected(retail.limit("BTCHKD", "BUY", "0.01", "500000"), ResultCode.RETAIL_SELL_ONLY);
        assertThat(retail.account("BTCHKD")).isEqualTo(before);

        assertAccepted(retail.limit("BTCHKD", "SELL", "0.05", "760000"), "NEW");
        LicensedClient professional = scenario.classifyProfessional("Ka Yan Tang");
        scenario.credit(professional, "HKD", "100000");
        JsonObject bought = assertAccepted(professional.limit("BTCHKD", "BUY", "0.05", "760000"), "FILLED");

        assertThat(new BigDecimal(bought.getString("executedQty"))).isEqualByComparingTo("0.05");
        AccountState after = retail.account("BTCHKD");
        assertThat(after.openOrders()).isEmpty();
        assertThat(new BigDecimal(after.free("BTC"))).as("the retail client sold half its BTC")
                .isEqualByComparingTo("0.05");
        scenario.assertAuditChainVerifies();
    }
}
