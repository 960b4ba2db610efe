package io.lantau.gateway.compliance;

import io.lantau.compliance.admission.TokenAdmissionService;
import io.lantau.compliance.admission.TokenAdmissionSettings;
import io.lantau.compliance.audit.AuditTrail;
import io.lantau.compliance.campaign.CampaignService;
import io.lantau.compliance.campaign.IncentiveSettings;
import io.lantau.compliance.onboarding.AccessLog;
import io.lantau.compliance.onboarding.DocumentCipher;
import io.lantau.compliance.onboarding.KycClearance;
import io.lantau.compliance.onboarding.OnboardingService;
import io.lantau.compliance.onboarding.OnboardingSettings;
import io.lantau.compliance.profile.JurisdictionProfile;
import io.lantau.compliance.profile.ProfileLoader;
import io.lantau.compliance.screening.OnboardingNameScreening;
import io.lantau.compliance.screening.ScreeningService;
import io.lantau.compliance.screening.ScreeningSettings;
import io.lantau.compliance.security.StaffRole;
import io.lantau.compliance.suitability.ClassificationService;
import io.lantau.compliance.suitability.CoreCommands;
import io.lantau.compliance.suitability.SuitabilityService;
import io.lantau.compliance.suitability.SuitabilitySettings;
import io.lantau.core.AccountStatus;
import io.lantau.core.config.StandardMarkets;
import io.lantau.gateway.nativeapi.NativeApiServer;
import io.lantau.gateway.nativeapi.NativeApiServer.Answer;
import io.lantau.gateway.nativeapi.NativeApiServer.Browser;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * A real native API server ({@link NativeApiServer}) with every compliance service on its H2 store and real core,
 * wired as the platform wires them under {@code HK_VATP}, and every compliance endpoint group added. Helpers sign up
 * clients (registered for onboarding, PENDING_KYC) and staff (role, TOTP active) and walk the retail gates.
 */
final class ComplianceApi implements AutoCloseable {
    static final String PASSWORD = "violet-harbour-lantern-42";

    final NativeApiServer server;
    JurisdictionProfile profile;
    OnboardingService onboarding;
    SuitabilityService suitability;
    ClassificationService classification;
    ScreeningService screening;
    TokenAdmissionService admission;
    CampaignService campaigns;
    AccessLog accessLog;
    AuditTrail audit;

    ComplianceApi(Path dir) {
        server = new NativeApiServer(dir, NativeApiServer.TEST_SETTINGS, this::wire);
    }

    /** The wiring the lead's Platform does, on the test server's store, core and clock. */
    private void wire(NativeApiServer s) {
        var dataSource = s.database.dataSource();
        profile = ProfileLoader.standard().load("HK_VATP");
        OnboardingSettings onboardingSettings = profile.section("onboarding", OnboardingSettings.class);
        CoreCommands commands = new CoreCommands(s.core, Duration.ofSeconds(10));
        suitability = new SuitabilityService(profile.section("suitability", SuitabilitySettings.class), dataSource,
                commands, s.clock, new KycClearance(onboardingSettings, dataSource));
        classification = new ClassificationService(suitability);
        screening = new ScreeningService(dataSource, s.core, profile.section("screening", ScreeningSettings.class),
                s.clock);
        DocumentCipher cipher = new DocumentCipher() {
            @Override
            public byte[] encrypt(byte[] plaintext) {
                return s.cipher.encrypt(plaintext);
            }

            @Override
            public byte[] decrypt(byte[] ciphertext) {
                return s.cipher.decrypt(ciphertext);
            }
        };
        onboarding = new OnboardingService(onboardingSettings, dataSource, commands, cipher,
                new OnboardingNameScreening(screening), suitability, s.clock);
        accessLog = new AccessLog(dataSource, s.clock);
        admission = new TokenAdmissionService(dataSource, s.core,
                profile.section("tokenAdmission", TokenAdmissionSettings.class), s.clock);
        campaigns = new CampaignService(dataSource, profile.section("incentives", IncentiveSettings.class),
                StandardMarkets.config().assets(), s.clock);
        audit = new AuditTrail(dataSource);
        new ComplianceEndpoints(profile, onboarding, suitability, classification, screening, admission, campaigns,
                accessLog, audit, StandardMarkets.config(), s.core, s.clock).addTo(s.api, s.gateway);
    }

    /** @return a signed-in client, registered for onboarding (PENDING_KYC) as registration does. */
    Browser client(String email) {
        Browser b = server.browser().signedUp(email, PASSWORD);
        onboarding.register(b.userId);
        return b;
    }

    /** @return a signed-in member of staff with the role and TOTP active. */
    Browser staff(String email, StaffRole role) {
        Browser b = server.browser().signedUp(email, PASSWORD);
        onboarding.register(b.userId);
        server.security.staff().bootstrap(b.userId, role, Instant.EPOCH);
        return b.withTotp();
    }

    AccountStatus coreStatus(long accountId) {
        synchronized (server.core) {
            return server.core.core().accountStatus(accountId);
        }
    }

    static String kyc(String legalName, String residency, String documentText) {
        return new JsonObject().put("identity", identity(legalName, residency))
                .put("documents", new JsonArray().add(document(documentText))).encode();
    }

    static JsonObject identity(String legalName, String residency) {
        return new JsonObject().put("legalName", legalName).put("dateOfBirth", "1990-05-17")
                .put("idDocumentType", "HKID").put("idDocumentNumber", "A123456(7)").put("nationality", "GB")
                .put("residency", residency).put("address", "Flat 12A, 1 Harbour Road, Wan Chai, Hong Kong");
    }

    static JsonObject document(String text) {
        return new JsonObject().put("kind", "ID_DOCUMENT_FRONT").put("contentType", "image/jpeg")
                .put("contentBase64", Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Submits KYC for {@code client} and has {@code officer} approve it; @return the case id. */
    long approvedKyc(Browser client, Browser officer, String legalName) {
        Answer submitted = client.post("/kyc", kyc(legalName, "HK", "passport scan of " + legalName));
        expect(submitted, 201);
        long caseId = submitted.json().getLong("caseId");
        expect(officer.post("/staff/kyc/cases/" + caseId + "/approve",
                new JsonObject().put("reason", "documents match").encode()), 200);
        return caseId;
    }

    /** Declares retail, passes the knowledge test, profiles risk and acknowledges the disclosures. */
    void passRetailGates(Browser client, String netWorthMinor) {
        expect(client.post("/suitability/retail-declaration", null), 201);
        JsonObject test = expect(client.get("/suitability/knowledge-test"), 200).json();
        expect(client.post("/suitability/knowledge-test", knowledgeAnswers(test.getString("version"), true)), 201);
        expect(client.post("/suitability/risk-profile", riskAnswers(
                expect(client.get("/suitability/risk-questionnaire"), 200).json(), netWorthMinor)), 201);
        JsonObject disclosure = expect(client.get("/suitability/disclosure?lang=en"), 200).json();
        expect(client.post("/suitability/disclosure", new JsonObject().put("version", disclosure.getString("version"))
                .put("language", "en").put("textSha256", disclosure.getString("sha256")).encode()), 201);
    }

    /**
     * @param correct the bank's correct answers (read from the bank's resource, which the API never shows), else the
     *                first option of each question.
     */
    static String knowledgeAnswers(String version, boolean correct) {
        JsonObject bank = resource("/io/lantau/compliance/suitability/knowledge-" + version + ".json");
        JsonArray answers = new JsonArray();
        for (Object q : bank.getJsonArray("questions")) {
            JsonObject question = (JsonObject) q;
            String option = correct ? question.getString("answer")
                    : question.getJsonArray("options").getJsonObject(0).getString("id");
            answers.add(new JsonObject().put("question", question.getString("id")).put("option", option));
        }
        return new JsonObject().put("questionBankVersion", version).put("answers", answers)
                .put("tradingExperience", new JsonArray().add(new JsonObject().put("assets", new JsonArray().add("BTC"))
                        .put("volumeMinor", "5000000").put("frequency", "MONTHLY").put("periodMonths", 12)))
                .encode();
    }

    /** The last option of each risk question, with the net worth given. */
    static String riskAnswers(JsonObject questionnaire, String netWorthMinor) {
        JsonArray answers = new JsonArray();
        for (Object q : questionnaire.getJsonArray("questions")) {
            JsonObject question = (JsonObject) q;
            JsonArray options = question.getJsonArray("options");
            answers.add(new JsonObject().put("question", question.getString("id"))
                    .put("option", options.getJsonObject(options.size() - 1).getString("id")));
        }
        return new JsonObject().put("questionnaireVersion", questionnaire.getString("version"))
                .put("answers", answers).put("netWorthMinor", netWorthMinor).put("otherVirtualAssetsMinor", "0")
                .encode();
    }

    static JsonObject resource(String name) {
        try (InputStream in = ComplianceApi.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + name);
            }
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Answer expect(Answer answer, int status) {
        if (answer.status() != status) {
            throw new AssertionError("expected " + status + " but got " + answer.status() + ": " + answer.body());
        }
        return answer;
    }

    /** A UN Security Council Consolidated List in its published format naming one (invented) individual. */
    static String unList(String first, String second, String third) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <CONSOLIDATED_LIST dateGenerated="2026-10-01T09:00:03.412Z">
                  <INDIVIDUALS>
                    <INDIVIDUAL>
                      <DATAID>9000001</DATAID>
                      <VERSIONNUM>1</VERSIONNUM>
                      <FIRST_NAME>%s</FIRST_NAME>
                      <SECOND_NAME>%s</SECOND_NAME>
                      <THIRD_NAME>%s</THIRD_NAME>
                      <UN_LIST_TYPE>DPRK</UN_LIST_TYPE>
                      <REFERENCE_NUMBER>KPi.901</REFERENCE_NUMBER>
                      <LISTED_ON>2016-11-30</LISTED_ON>
                      <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME/></INDIVIDUAL_ALIAS>
                    </INDIVIDUAL>
                  </INDIVIDUALS>
                  <ENTITIES/>
                </CONSOLIDATED_LIST>
                """.formatted(first, second, third);
    }

    Answer loadList(Browser officer, String xml) {
        return officer.send("POST", "/staff/screening/lists", xml.getBytes(StandardCharsets.UTF_8),
                "application/xml", officer.csrfToken);
    }

    /** The compliance tables whose rows a refused request must leave as they were. */
    static final List<String> STATE_TABLES = List.of("onboarding_accounts", "account_status_changes",
            "onboarding_refusals", "kyc_cases", "kyc_documents", "investor_classifications", "knowledge_assessments",
            "risk_profiles", "disclosure_acknowledgements", "access_log", "sanctions_lists", "screening_cases",
            "screening_subjects", "token_assets", "token_markets", "token_due_diligence", "token_contract_audits",
            "token_index_memberships", "token_decisions", "token_decision_votes", "token_review_tasks", "campaigns",
            "audit_log");

    /** @return every row of the compliance tables and the commands sent to the core: equal before and after. */
    String state() {
        StringBuilder all = new StringBuilder();
        try (Connection c = server.database.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String table : STATE_TABLES) {
                all.append(table).append(':');
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY 1")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            Object value = rs.getObject(i);
                            all.append(value instanceof byte[] bytes ? java.util.Arrays.toString(bytes) : value)
                                    .append('|');
                        }
                        all.append('\n');
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return all.append("core:").append(server.core.submitted()).toString();
    }

    @Override
    public void close() {
        server.close();
    }
}
