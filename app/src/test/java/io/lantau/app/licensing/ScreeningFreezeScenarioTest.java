package io.lantau.app.licensing;

import static io.lantau.app.licensing.LicensingScenario.assertAccepted;
import static io.lantau.app.licensing.LicensingScenario.assertRejected;
import static io.lantau.app.licensing.LicensingScenario.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.app.api.AccountState;
import io.lantau.core.ResultCode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Name screening when a list is reloaded (HK-24), through the public API of a real server under HK_VATP: a compliance
 * officer loads a UN Security Council Consolidated List naming an ACTIVE, fully onboarded client; the hit freezes the
 * account into a case, so its next order is refused ACCOUNT_NOT_ACTIVE with no change; clearing the case as a false
 * positive restores trading. A client the list does not name trades on throughout.
 */
class ScreeningFreezeScenarioTest {
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
    void shouldFreezeAnActiveClientTheLoadedListNamesUntilAnOfficerClearsTheCase() {
        scenario.admitForRetail("BTC");
        LicensedClient listed = scenario.onboardRetail("Viktor Anatolyevich Dragunov");
        LicensedClient unlisted = scenario.onboardRetail("Hoi Yan Kwok");
        scenario.credit(listed, "HKD", "100000");
        scenario.credit(unlisted, "HKD", "100000");
        LicensedClient officer = scenario.officer();

        JsonObject load = expect(officer.post("/staff/screening/lists",
                LicensingScenario.unConsolidatedList("VIKTOR", "ANATOLYEVICH", "DRAGUNOV"), "application/xml"), 201)
                .json();

        JsonArray opened = load.getJsonArray("openedCases");
        assertThat(opened).as(load.encode()).hasSize(1);
        assertThat(opened.getJsonObject(0).getLong("accountId")).isEqualTo(listed.userId);
        JsonArray openCases = new JsonArray(expect(officer.get("/staff/screening/cases"), 200).body());
        assertThat(openCases).extracting(c -> ((JsonObject) c).getLong("accountId")).containsExactly(listed.userId);
        AccountState before = listed.account("BTCHKD");
        assertRejected(listed.limit("BTCHKD", "BUY", "0.01", "500000"), ResultCode.ACCOUNT_NOT_ACTIVE);
        assertThat(listed.account("BTCHKD")).isEqualTo(before);
        assertAccepted(unlisted.limit("BTCHKD", "BUY", "0.01", "500000"), "NEW");

        long caseId = opened.getJsonObject(0).getLong("caseId");
        JsonObject cleared = expect(officer.post("/staff/screening/cases/" + caseId + "/clear",
                new JsonObject().put("reason", "false positive: date of birth and HKID differ from the listing")), 200)
                .json();

        assertThat(cleared.getString("status")).isEqualTo("CLEARED");
        assertThat(new JsonArray(expect(officer.get("/staff/screening/cases"), 200).body())).isEmpty();
        assertAccepted(listed.limit("BTCHKD", "BUY", "0.01", "500000"), "NEW");
        scenario.assertAuditChainVerifies();
    }
}
