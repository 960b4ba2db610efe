package io.lantau.app.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.app.LantauCommand;
import io.lantau.app.api.NativeSession.Answer;
import io.lantau.app.platform.PlatformConfig;
import io.lantau.app.platform.PlatformHarness;
import io.lantau.compliance.admission.DueDiligenceFactor;
import io.lantau.core.ResultCode;
import io.lantau.testsupport.BinanceTestClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * A real platform under {@code HK_VATP} ({@link PlatformConfig#defaults()}) and the steps the licensing scenarios of
 * issue 4 share, each taken through the public API only: the operator names the first holder of each staff role and
 * funds accounts through the admin API, the token committee admits an asset for retail (HK-10 .. HK-13), a compliance
 * officer approves KYC and classifies professional investors (HK-01), a retail client passes every gate (HK-02, HK-03,
 * HK-04, HK-08). Staff are made on first use, one per role.
 */
public final class LicensingScenario implements AutoCloseable {
    static final String OPERATOR_ADMIN = "OPERATOR_ADMIN";
    static final String COMPLIANCE_OFFICER = "COMPLIANCE_OFFICER";
    /** HK$1,000,000.00: the net worth the scenarios' retail clients declare. */
    static final String NET_WORTH_MINOR = "100000000";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final Path dataDir;
    public final PlatformHarness harness;
    private final Map<Role, LicensedClient> staff = new EnumMap<>(Role.class);
    private boolean closed;

    private enum Role { OPERATOR_ADMIN, COMPLIANCE_OFFICER }

    LicensingScenario(Path dataDir) {
        this(dataDir, PlatformConfig.defaults());
    }

    /** A real platform on this configuration (another profile: {@link PlatformConfig#withProfile}). */
    public LicensingScenario(Path dataDir, PlatformConfig config) {
        this.dataDir = dataDir;
        this.harness = new PlatformHarness(dataDir, config);
    }

    public String baseUrl() {
        return harness.baseUrl();
    }

    /** @return the operator admin, named through the admin API on first use. */
    LicensedClient operator() {
        return staff.computeIfAbsent(Role.OPERATOR_ADMIN, r -> staff(r.name()));
    }

    /** @return the compliance officer, named through the admin API on first use. */
    public LicensedClient officer() {
        return staff.computeIfAbsent(Role.COMPLIANCE_OFFICER, r -> staff(r.name()));
    }

    /** Registers a new Hong Kong resident and has the operator name it the first holder of {@code role}. */
    LicensedClient staff(String role) {
        LicensedClient member = LicensedClient.register(baseUrl(), "HK");
        if (member.totpSecret == null) {
            member.enrolTotp(); // staff sign in with TOTP even where clients need not (a profile without HK-29)
        }
        Answer named = admin("/staff", new JsonObject().put("email", member.email).put("role", role));
        expect(named, 200);
        return member;
    }

    /** A request to the operator's admin API with the admin token. */
    public Answer admin(String path, JsonObject body) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                    URI.create(baseUrl() + "/api/lantau/v1/admin" + path))
                    .header("Content-Type", "application/json")
                    .header("X-Lantau-Admin-Token", harness.platform().parts().adminToken)
                    .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Demo funding through {@code POST /admin/credit}; answers once the core applied the deposit. */
    public void credit(LicensedClient client, String asset, String amount) {
        expect(admin("/credit", new JsonObject().put("accountId", client.userId).put("asset", asset)
                .put("amount", amount)), 200);
    }

    /** The operator sets what retail clients may do in a market: ELIGIBLE, SELL_ONLY or NOT_ELIGIBLE (HK-14). */
    void retailAccess(String symbol, String access) {
        JsonObject set = expect(admin("/retail-access", new JsonObject().put("symbol", symbol).put("access", access)),
                200).json();
        assertThat(set.getString("access")).isEqualTo(access);
    }

    /**
     * The token admission committee admits {@code asset} (HK-10 .. HK-13): every due-diligence factor, two acceptable
     * indices from independent providers (one with conventional-market experience), a quorum of three votes. Its
     * markets become ELIGIBLE for retail.
     */
    void admitForRetail(String asset) {
        LicensedClient operator = operator();
        expect(operator.post("/staff/tokens", new JsonObject().put("assetCode", asset).put("name", asset + " token")
                .put("tokenType", "VIRTUAL_ASSET").put("issueDate", "2015-07-30")), 201);
        for (DueDiligenceFactor factor : DueDiligenceFactor.values()) {
            expect(operator.post("/staff/tokens/" + asset + "/due-diligence", new JsonObject()
                    .put("factor", factor.name()).put("evidenceLink", "dms://tokens/" + asset + "/" + factor.paragraph())
                    .put("outcome", "SATISFACTORY")), 200);
        }
        expect(operator.post("/staff/tokens/" + asset + "/indices", new JsonObject().put("indexId", "FTSE-DAR-" + asset)
                .put("provider", "FTSE Russell").put("providerIndependent", true)
                .put("providerHasTradFiExperience", true).put("asOfDate", "2026-01-31")), 200);
        expect(operator.post("/staff/tokens/" + asset + "/indices", new JsonObject().put("indexId", "CF-" + asset + "-RR")
                .put("provider", "CF Benchmarks").put("providerIndependent", true)
                .put("providerHasTradFiExperience", false).put("asOfDate", "2026-01-31")), 200);
        JsonArray votes = new JsonArray();
        for (String member : new String[] {"cro", "cco", "cto"}) {
            votes.add(new JsonObject().put("voterId", member).put("inFavour", true));
        }
        JsonObject decision = expect(operator.post("/staff/tokens/" + asset + "/decisions", new JsonObject()
                .put("outcome", "ADMITTED").put("votes", votes)
                .put("reasons", "large-cap, two acceptable indices, due diligence satisfactory")), 201).json();
        assertThat(decision.getString("retailAccess")).isEqualTo("ELIGIBLE");
    }

    /** @return the KYC submission of a Hong Kong resident with this legal name and one identity document. */
    public static JsonObject kyc(String legalName) {
        return new JsonObject()
                .put("identity", new JsonObject().put("legalName", legalName).put("dateOfBirth", "1988-02-29")
                        .put("idDocumentType", "HKID").put("idDocumentNumber", "Y765432(1)").put("nationality", "HK")
                        .put("residency", "HK").put("address", "8 Finance Street, Central, Hong Kong"))
                .put("documents", new JsonArray().add(new JsonObject().put("kind", "ID_DOCUMENT_FRONT")
                        .put("contentType", "image/jpeg").put("contentBase64", Base64.getEncoder()
                                .encodeToString(("HKID of " + legalName).getBytes(StandardCharsets.UTF_8)))));
    }

    /** The client submits KYC and the compliance officer approves it; @return the KYC case id. */
    public long approveKyc(LicensedClient client, String legalName) {
        long caseId = expect(client.post("/kyc", kyc(legalName)), 201).json().getLong("caseId");
        expect(officer().post("/staff/kyc/cases/" + caseId + "/approve",
                new JsonObject().put("reason", "HKID verified against the applicant")), 200);
        return caseId;
    }

    /** Declares retail, passes the knowledge test (HK-02), profiles risk (HK-03, HK-04), acknowledges (HK-08). */
    static void passRetailGates(LicensedClient client, String netWorthMinor, String otherVirtualAssetsMinor) {
        expect(client.post("/suitability/retail-declaration", null), 201);
        String version = expect(client.get("/suitability/knowledge-test"), 200).json().getString("version");
        assertThat(expect(client.post("/suitability/knowledge-test", knowledgeAnswers(version)), 201).json()
                .getString("outcome")).isEqualTo("HAS");
        expect(client.post("/suitability/risk-profile", riskAnswers(
                expect(client.get("/suitability/risk-questionnaire"), 200).json(), netWorthMinor,
                otherVirtualAssetsMinor)), 201);
        JsonObject disclosure = expect(client.get("/suitability/disclosure?lang=en"), 200).json();
        expect(client.post("/suitability/disclosure", new JsonObject().put("version", disclosure.getString("version"))
                .put("language", "en").put("textSha256", disclosure.getString("sha256"))), 201);
    }

    /** @return a new retail client, KYC approved and past every retail gate, declaring HK$1,000,000.00 net worth. */
    public LicensedClient onboardRetail(String legalName) {
        return onboardRetail(legalName, NET_WORTH_MINOR, "0");
    }

    /** @return a new retail client, KYC approved and past every retail gate, ACTIVE. */
    LicensedClient onboardRetail(String legalName, String netWorthMinor, String otherVirtualAssetsMinor) {
        LicensedClient client = LicensedClient.register(baseUrl(), "HK");
        approveKyc(client, legalName);
        passRetailGates(client, netWorthMinor, otherVirtualAssetsMinor);
        assertReady(client, "RETAIL");
        return client;
    }

    /**
     * @return a new client, KYC approved and classified an individual professional investor by the compliance officer
     * with Schedule 1 evidence (a document of its KYC case) (HK-01), ACTIVE.
     */
    LicensedClient classifyProfessional(String legalName) {
        LicensedClient client = LicensedClient.register(baseUrl(), "HK");
        approveKyc(client, legalName);
        String document = expect(client.get("/kyc"), 200).json().getJsonArray("documents").getJsonObject(0)
                .getString("sha256");
        JsonObject classified = expect(officer().post("/staff/classifications", new JsonObject()
                .put("accountId", client.userId).put("investorClass", "PROFESSIONAL")
                .put("professionalType", "INDIVIDUAL").put("evidence", new JsonObject()
                        .put("description", "portfolio statement 2026-02-28: HK$9.2m in securities")
                        .put("documentSha256", document))), 201).json();
        assertThat(classified.getJsonObject("evidence").getLong("verifiedBy")).isEqualTo(officer().userId);
        assertReady(client, "PROFESSIONAL");
        return client;
    }

    private static void assertReady(LicensedClient client, String investorClass) {
        JsonObject readiness = expect(client.get("/suitability"), 200).json();
        assertThat(readiness.getBoolean("ready")).as(readiness.encode()).isTrue();
        assertThat(readiness.getString("status")).as(readiness.encode()).isEqualTo("ACTIVE");
        assertThat(readiness.getJsonObject("classification").getString("investorClass")).as(readiness.encode())
                .isEqualTo(investorClass);
    }

    /** The bank's correct answers, read from its resource (the API never shows them), and prior BTC trading. */
    static JsonObject knowledgeAnswers(String version) {
        JsonObject bank;
        try (InputStream in = LicensingScenario.class.getResourceAsStream(
                "/io/lantau/compliance/suitability/knowledge-" + version + ".json")) {
            bank = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonArray answers = new JsonArray();
        for (Object q : bank.getJsonArray("questions")) {
            JsonObject question = (JsonObject) q;
            answers.add(new JsonObject().put("question", question.getString("id"))
                    .put("option", question.getString("answer")));
        }
        return new JsonObject().put("questionBankVersion", version).put("answers", answers)
                .put("tradingExperience", new JsonArray().add(new JsonObject().put("assets", new JsonArray().add("BTC"))
                        .put("volumeMinor", "5000000").put("frequency", "MONTHLY").put("periodMonths", 12)));
    }

    /** The last option of every question, with the net worth and other virtual-asset holdings given. */
    static JsonObject riskAnswers(JsonObject questionnaire, String netWorthMinor, String otherVirtualAssetsMinor) {
        JsonArray answers = new JsonArray();
        for (Object q : questionnaire.getJsonArray("questions")) {
            JsonObject question = (JsonObject) q;
            JsonArray options = question.getJsonArray("options");
            answers.add(new JsonObject().put("question", question.getString("id"))
                    .put("option", options.getJsonObject(options.size() - 1).getString("id")));
        }
        return new JsonObject().put("questionnaireVersion", questionnaire.getString("version")).put("answers", answers)
                .put("netWorthMinor", netWorthMinor).put("otherVirtualAssetsMinor", otherVirtualAssetsMinor);
    }

    /**
     * A UN Security Council Consolidated List in its published XML format (the shape of
     * {@code scsanctions.un.org/resources/xml/en/consolidated.xml}) naming one invented individual.
     */
    static String unConsolidatedList(String firstName, String secondName, String thirdName) {
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
                      <COMMENTS1>Invented entry for tests.</COMMENTS1>
                      <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME/></INDIVIDUAL_ALIAS>
                      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1961-04-12</DATE></INDIVIDUAL_DATE_OF_BIRTH>
                    </INDIVIDUAL>
                  </INDIVIDUALS>
                  <ENTITIES/>
                </CONSOLIDATED_LIST>
                """.formatted(firstName, secondName, thirdName);
    }

    public static Answer expect(Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        return answer;
    }

    /** A native API refusal: this status and this stable code. */
    public static Answer assertRefused(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.json().getString("code")).as(answer.body()).isEqualTo(code);
        return answer;
    }

    /** An order the core rejected with {@code code}: Binance's -2010 with the core's message for it. */
    static void assertRejected(BinanceTestClient.Response order, ResultCode code) {
        assertThat(order.status()).as(order.body()).isEqualTo(400);
        JsonObject body = new JsonObject(order.body());
        assertThat(body.getInteger("code")).as(order.body()).isEqualTo(-2010);
        assertThat(body.getString("msg")).as(order.body()).isEqualTo(code.message());
    }

    /** An order the core accepted: 200 and the given status (NEW when it rests, FILLED when it traded). */
    static JsonObject assertAccepted(BinanceTestClient.Response order, String status) {
        assertThat(order.status()).as(order.body()).isEqualTo(200);
        JsonObject body = new JsonObject(order.body());
        assertThat(body.getString("status")).as(order.body()).isEqualTo(status);
        return body;
    }

    /** Stops the platform and checks that {@code lantau audit verify} finds the audit chain sound (HK-33). */
    void assertAuditChainVerifies() {
        CommandRun run = auditVerify();
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).startsWith("OK: ");
    }

    /** The outcome of a {@code lantau} command. */
    record CommandRun(int exitCode, String out, String err) {
    }

    /**
     * Stops the platform (so that the embedded database is closed and every audit record written) and runs
     * {@code lantau audit verify} over its data directory (HK-33).
     */
    CommandRun auditVerify() {
        close();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = LantauCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute("audit", "verify", "--data-dir", dataDir.toString());
        return new CommandRun(code, out.toString(), err.toString());
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            harness.close();
        }
    }
}
