package io.lantau.gateway.nativeapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.compliance.audit.AuditTrail;
import io.lantau.compliance.onboarding.IdentityDocumentType;
import io.lantau.compliance.onboarding.KycIdentity;
import io.lantau.compliance.profile.ProfileLoader;
import io.lantau.compliance.security.StaffRole;
import io.lantau.compliance.suitability.CoreCommands;
import io.lantau.core.command.Command;
import io.lantau.core.command.Deposit;
import io.lantau.core.config.Asset;
import io.lantau.core.config.StandardMarkets;
import io.lantau.custody.fiat.DepositReference;
import io.lantau.custody.fiat.DesignatedAccounts;
import io.lantau.custody.fiat.FiatCurrencies;
import io.lantau.custody.fiat.FiatCustodyBalances;
import io.lantau.custody.fiat.FiatDeposits;
import io.lantau.custody.fiat.FiatWithdrawals;
import io.lantau.custody.fiat.PlatformBankAccount;
import io.lantau.custody.hotcold.ColdToHotTopUps;
import io.lantau.custody.hotcold.HotColdMonitor;
import io.lantau.custody.hotcold.HotColdPolicy;
import io.lantau.custody.hotcold.SweepPlanner;
import io.lantau.custody.hotcold.TierBalances;
import io.lantau.custody.hotcold.WalletTier;
import io.lantau.custody.ledger.CustodySettings;
import io.lantau.custody.reconcile.Incidents;
import io.lantau.custody.reconcile.Reconciler;
import io.lantau.custody.travelrule.DepositGate;
import io.lantau.custody.travelrule.ReferencePriceValuation;
import io.lantau.custody.travelrule.TravelRule;
import io.lantau.custody.travelrule.TravelRuleSettings;
import io.lantau.gateway.fiat.CustodyStaffEndpoints;
import io.lantau.gateway.fiat.FiatEndpoints;
import io.lantau.gateway.nativeapi.NativeApiServer.Answer;
import io.lantau.gateway.nativeapi.NativeApiServer.Browser;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The custody endpoints through a real server: HK-07 fiat (designation, statements, held payments, pain.001
 * withdrawals), HK-16/17 hot-cold status and two-role top-ups, HK-33 reconciliation incidents, HK-22 held deposits;
 * two clients never see each other's data; bad input is a 4xx with a stable code and changes nothing.
 */
class CustodyEndpointsTest {
    private static final String PASSWORD = "violet-harbour-lantern-42";
    private static final PlatformBankAccount PLATFORM = new PlatformBankAccount("Lantau Client Account",
            "Hang Seng Bank", "HASEHKHHXXX", "024-123456-001");
    private static final int BTC = StandardMarkets.BTC.assetId();
    private static final int HKD = StandardMarkets.HKD.assetId();

    @TempDir
    Path dir;
    NativeApiServer server;
    final Map<Long, KycIdentity> identities = new ConcurrentHashMap<>();
    TierBalances tiers;
    DepositGate gate;
    Browser chan;
    Browser lee;
    Browser custody;
    Browser custody2;
    Browser compliance;

    @BeforeEach
    void start() {
        server = new NativeApiServer(dir, NativeApiServer.TEST_SETTINGS, s -> groups(s).forEach(s.api::add));
        chan = server.browser().signedUp("chan@example.com", PASSWORD);
        lee = server.browser().signedUp("lee@example.com", PASSWORD);
        identities.put(chan.userId, identity("Chan Tai Man"));
        identities.put(lee.userId, identity("Lee Siu Ming"));
        custody = staff("custody@lantau.test", StaffRole.CUSTODY_OFFICER);
        custody2 = staff("custody2@lantau.test", StaffRole.CUSTODY_OFFICER);
        compliance = staff("compliance@lantau.test", StaffRole.COMPLIANCE_OFFICER);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private List<EndpointGroup> groups(NativeApiServer s) {
        var ds = s.database.dataSource();
        var config = StandardMarkets.config();
        var profile = ProfileLoader.standard().loadBuiltIn("HK_VATP");
        var clock = s.clock;
        CoreCommands core = new CoreCommands(s.core, Duration.ofSeconds(10));
        AuditTrail audit = new AuditTrail(ds);
        FiatCurrencies currencies = new FiatCurrencies(config);
        Incidents incidents = new Incidents(ds, audit, clock);
        DesignatedAccounts accounts = new DesignatedAccounts(ds, id -> Optional.ofNullable(identities.get(id)),
                audit, clock);
        FiatDeposits deposits = new FiatDeposits(ds, accounts, currencies, core, PLATFORM, clock);
        FiatWithdrawals withdrawals = new FiatWithdrawals(ds, accounts, currencies, core, PLATFORM, incidents, clock);
        tiers = new TierBalances(ds);
        HotColdPolicy policy = new HotColdPolicy(profile.section(CustodySettings.SECTION, CustodySettings.class));
        List<Integer> virtual = List.of(StandardMarkets.BTC.assetId(), StandardMarkets.ETH.assetId());
        HotColdMonitor monitor = new HotColdMonitor(ds, tiers, policy, virtual, s.security.notifications(),
                s.security.staff(), clock);
        ColdToHotTopUps topUps = new ColdToHotTopUps(ds, s.security.approvals(), s.security.staff(), tiers, policy,
                clock);
        // The core's ledger as the deposits it was sent (no withdrawal settles in the test that reconciles).
        Reconciler reconciler = new Reconciler(ds, asset -> s.core.submitted().stream()
                .filter(c -> c instanceof Deposit d && d.assetId() == asset).mapToLong(c -> ((Deposit) c).amountMinor())
                .sum(), List.of(new Reconciler.Source(HKD, "HKD", new FiatCustodyBalances(deposits, withdrawals,
                        config.assets()), null)), incidents, clock);
        TravelRule travelRule = new TravelRule(ds, profile.section(TravelRuleSettings.SECTION,
                TravelRuleSettings.class), new ReferencePriceValuation(config, "HKD").setPrice(BTC, 50_000_000L),
                "HKD", clock);
        gate = new DepositGate(ds, travelRule, clock);
        List<Asset> virtualAssets = List.of(StandardMarkets.BTC, StandardMarkets.ETH);
        return List.of(new FiatEndpoints(accounts, deposits, withdrawals, currencies, PLATFORM, s.api.staffAccess()),
                new CustodyStaffEndpoints(virtualAssets, tiers, policy, monitor, new SweepPlanner(tiers, policy,
                        virtual), topUps, reconciler, incidents, travelRule, gate, s.api.staffAccess()));
    }

    @Test
    void shouldDesignateOnlyAnOwnNameAccountAndKeepClientsApart() {
        Answer wrongName = chan.post("/fiat/bank-account", body("LEE SIU MING", "004-123-456789-001"));
        Answer unknownField = chan.post("/fiat/bank-account", new JsonObject().put("holderName", "x")
                .put("iban", "y").encode());
        assertRefused(wrongName, 400, "HOLDER_NAME_MISMATCH");
        assertRefused(unknownField, 400, "UNKNOWN_FIELD");
        assertRefused(chan.get("/fiat/bank-account"), 409, "NO_DESIGNATED_ACCOUNT");

        Answer ok = chan.post("/fiat/bank-account", body("CHAN TAI MAN", "004-123-456789-001"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(chan.get("/fiat/bank-account").json().getString("accountNumber")).isEqualTo("004123456789001");
        assertRefused(lee.get("/fiat/bank-account"), 409, "NO_DESIGNATED_ACCOUNT");
        assertRefused(lee.post("/fiat/bank-account", body("Lee Siu Ming", "004123456789001")), 409,
                "BANK_ACCOUNT_IN_USE");

        JsonObject instructions = chan.get("/fiat/deposit-instructions").json();
        assertThat(instructions.getString("reference")).isEqualTo(DepositReference.of(chan.userId));
        assertThat(instructions.getString("accountNumber")).isEqualTo("024123456001");
        // Every fiat asset of the core, by code: CNY (the mainland collectibles' currency, CN-04), HKD and USD.
        assertThat(instructions.getJsonArray("currencies").getList()).containsExactly("CNY", "HKD", "USD");
        assertThat(instructions.getJsonObject("designatedAccount").getString("accountNumber"))
                .isEqualTo("004123456789001");
        assertThat(lee.get("/fiat/deposit-instructions").json().getString("reference"))
                .isEqualTo(DepositReference.of(lee.userId));
    }

    @Test
    void shouldCreditDesignatedPaymentsOnceHoldThirdPartyOnesAndWithdrawOnlyToTheDesignatedAccount() {
        chan.post("/fiat/bank-account", body("Chan Tai Man", "004123456789001"));
        byte[] statement = camt053(new String[] {"B-1", "2000.00", "CHAN TAI MAN", "004123456789001", "x"},
                new String[] {"B-2", "9000.00", "LEE SIU MING", "012555000111222", DepositReference.of(chan.userId)});

        assertRefused(chan.send("POST", FiatEndpoints.STATEMENTS_PATH, statement, "application/xml",
                chan.csrfToken), 403, "STAFF_ROLE_REQUIRED");
        assertRefused(custody.send("POST", FiatEndpoints.STATEMENTS_PATH, statement, "application/pdf",
                custody.csrfToken), 415, "UNSUPPORTED_STATEMENT_TYPE");
        assertRefused(custody.send("POST", FiatEndpoints.STATEMENTS_PATH, "<Document/>".getBytes(StandardCharsets.UTF_8),
                "application/xml", custody.csrfToken), 400, "INVALID_STATEMENT");
        JsonObject first = custody.send("POST", FiatEndpoints.STATEMENTS_PATH, statement, "application/xml",
                custody.csrfToken).json();
        JsonObject second = custody.send("POST", FiatEndpoints.STATEMENTS_PATH, statement, "application/xml",
                custody.csrfToken).json();

        assertThat(first.getInteger("credited")).isEqualTo(1);
        assertThat(first.getInteger("held")).isEqualTo(1);
        assertThat(second.getInteger("alreadyImported")).isEqualTo(2);
        assertThat(deposits()).singleElement().satisfies(d -> {
            assertThat(d.accountId()).isEqualTo(chan.userId);
            assertThat(d.amountMinor()).isEqualTo(200_000L);
        });
        JsonArray held = custody.get("/staff/fiat/held-payments").array();
        assertThat(held).hasSize(1);
        assertThat(held.getJsonObject(0).getString("holdReason")).isEqualTo("THIRD_PARTY_DEPOSIT");
        assertThat(held.getJsonObject(0).getString("payerName")).isEqualTo("LEE SIU MING");
        assertRefused(chan.get("/staff/fiat/held-payments"), 403, "STAFF_ROLE_REQUIRED");
        assertThat(chan.get("/fiat/deposits").array()).hasSize(2);
        assertThat(chan.get("/fiat/deposits").array().getJsonObject(0).containsKey("payerName")).isFalse();
        assertThat(lee.get("/fiat/deposits").array()).isEmpty();

        assertRefused(chan.post("/fiat/withdrawals", withdrawal("100.00", "012-555-000111-222")), 403,
                "NOT_DESIGNATED_ACCOUNT");
        assertRefused(chan.post("/fiat/withdrawals", withdrawal("100.001", "004123456789001")), 400,
                "INVALID_AMOUNT");
        assertRefused(chan.post("/fiat/withdrawals", withdrawal("2000.01", "004123456789001")), 409,
                "INSUFFICIENT_BALANCE");
        assertRefused(lee.post("/fiat/withdrawals", withdrawal("1.00", "004123456789001")), 409,
                "NO_DESIGNATED_ACCOUNT");
        assertThat(server.rows("fiat_withdrawals")).isZero();

        Answer paid = chan.post("/fiat/withdrawals", withdrawal("150.00", "004 123 456789 001"));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(paid.json().getString("messageId")).startsWith("LTU-W-");
        assertThat(paid.json().containsKey("instruction")).isFalse();
        assertThat(chan.get("/fiat/withdrawals").array()).hasSize(1);
        assertThat(lee.get("/fiat/withdrawals").array()).isEmpty();
        long id = paid.json().getLong("id");
        assertRefused(chan.post("/staff/fiat/withdrawals/" + id + "/settle", null), 403, "STAFF_ROLE_REQUIRED");
        Answer settled = custody.post("/staff/fiat/withdrawals/" + id + "/settle", null);
        assertThat(settled.json().getString("status")).isEqualTo("SETTLED");
        assertThat(settled.json().getString("instruction")).contains("pain.001.001.09", "<InstdAmt Ccy=\"HKD\">150.00");
        assertRefused(custody.post("/staff/fiat/withdrawals/abc/settle", null), 404, "WITHDRAWAL_NOT_FOUND");
    }

    @Test
    void shouldTopUpHotOnlyWithTwoApprovalsOfTwoRolesAndShowTheTiers() {
        tiers.credit(BTC, WalletTier.COLD, 9_900);
        tiers.credit(BTC, WalletTier.HOT, 100);
        JsonObject status = custody.get("/staff/custody/hot-cold").json();
        assertThat(status.getInteger("minColdPercent")).isEqualTo(98);
        assertThat(status.getJsonArray("assets").getJsonObject(0).getString("releasable")).isEqualTo("0.000001");

        assertRefused(custody.post("/staff/custody/top-ups", new JsonObject().put("asset", "DOGE")
                .put("amount", "1").encode()), 400, "UNKNOWN_ASSET");
        assertRefused(custody.post("/staff/custody/top-ups", new JsonObject().put("asset", "BTC")
                .put("amount", "0.00000101").encode()), 409, "TOPUP_ABOVE_HOT_CAP");
        Answer requested = custody.post("/staff/custody/top-ups", new JsonObject().put("asset", "BTC")
                .put("amount", "0.000001").encode());
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        long id = requested.json().getLong("id");

        assertRefused(custody.post("/staff/custody/top-ups/" + id + "/approve", null), 403, "SELF_APPROVAL_FORBIDDEN");
        assertThat(custody2.post("/staff/custody/top-ups/" + id + "/approve", null).json().getString("status"))
                .isEqualTo("FIRST_APPROVED");
        assertRefused(custody2.post("/staff/custody/top-ups/" + id + "/approve", null), 403, "SAME_APPROVER_TWICE");
        assertThat(tiers.balance(BTC, WalletTier.HOT)).isEqualTo(100);
        JsonObject done = compliance.post("/staff/custody/top-ups/" + id + "/approve", null).json();

        assertThat(done.getString("status")).isEqualTo("EXECUTED");
        assertThat(tiers.balance(BTC, WalletTier.HOT)).isEqualTo(200);
        assertRefused(chan.get("/staff/custody/hot-cold"), 403, "STAFF_ROLE_REQUIRED");
    }

    @Test
    void shouldOpenIncidentsThatOnlyAuthorisedStaffResolveAndFreezeFiatWithdrawals() {
        chan.post("/fiat/bank-account", body("Chan Tai Man", "004123456789001"));
        custody.send("POST", FiatEndpoints.STATEMENTS_PATH, camt053(new String[] {"B-9", "500.00", "CHAN TAI MAN",
                "004123456789001", "x"}), "application/xml", custody.csrfToken);
        JsonObject run = compliance.post("/staff/custody/reconciliations", null).json();
        assertThat(run.getJsonArray("assets").getJsonObject(0).getBoolean("matched")).isTrue();

        // A deposit the fiat records do not know of: the ledgers disagree.
        new CoreCommands(server.core, Duration.ofSeconds(5)).send(new Deposit(77, chan.userId, HKD, 1_00));
        JsonObject mismatch = compliance.post("/staff/custody/reconciliations", null).json().getJsonArray("assets")
                .getJsonObject(0);
        assertThat(mismatch.getBoolean("matched")).isFalse();
        long incident = mismatch.getLong("incidentId");
        assertRefused(chan.post("/fiat/withdrawals", withdrawal("1.00", "004123456789001")), 409,
                "WITHDRAWALS_FROZEN");
        assertThat(custody.get("/staff/custody/incidents?open=true").array()).hasSize(1);

        assertRefused(custody.post("/staff/custody/incidents/" + incident + "/resolve",
                new JsonObject().put("note", "checked").encode()), 403, "STAFF_ROLE_REQUIRED");
        assertRefused(compliance.post("/staff/custody/incidents/" + incident + "/resolve",
                new JsonObject().put("note", " ").encode()), 400, "RESOLUTION_NOTE_REQUIRED");
        Answer resolved = compliance.post("/staff/custody/incidents/" + incident + "/resolve",
                new JsonObject().put("note", "demo credit booked outside the bank; reversed").encode());
        assertThat(resolved.json().getBoolean("open")).isFalse();
        assertThat(chan.post("/fiat/withdrawals", withdrawal("1.00", "004123456789001")).status()).isEqualTo(201);
    }

    @Test
    void shouldReleaseAHeldDepositWhenComplianceEntersTheOriginator() {
        gate.mayCredit(new DepositGate.IncomingDeposit("BTC:feed:0", chan.userId, BTC, 2_000_000L));
        assertThat(custody.get("/staff/custody/travel-rule/held-deposits").array()).hasSize(1);
        String ivms = """
                {"originator":{"originatorPersons":[{"legalPerson":{"name":{"nameIdentifier":[{"legalPersonName":
                "Example Trading Ltd","legalPersonNameIdentifierType":"LEGL"}]},"geographicAddress":[{"addressType":
                "BIZZ","addressLine":["1 Queen's Road Central, Hong Kong"],"country":"HK"}],"nationalIdentification":
                {"nationalIdentifier":"529900T8BM49AURSDO55","nationalIdentifierType":"LEIX"}}}],"accountNumber":
                ["ext-1"]},"beneficiary":{"beneficiaryPersons":[{"naturalPerson":{"name":{"nameIdentifier":[
                {"primaryIdentifier":"CHAN","secondaryIdentifier":"Tai Man","nameIdentifierType":"LEGL"}]}}}],
                "accountNumber":["bc1qours"]}}""";
        String path = "/staff/custody/travel-rule/originators?transferRef=BTC:feed:0";

        assertRefused(custody.post(path, ivms), 403, "STAFF_ROLE_REQUIRED");
        assertRefused(compliance.post(path, "{\"originator\":{}}"), 400, "TRAVEL_RULE_DATA_MISSING");
        assertRefused(compliance.post(path, "{\"originator\":{},\"x\":1}"), 400, "INVALID_IVMS101");
        Answer released = compliance.post(path, ivms);

        assertThat(released.status()).as(released.body()).isEqualTo(200);
        assertThat(custody.get("/staff/custody/travel-rule/held-deposits").array()).isEmpty();
        assertThat(custody.get("/staff/custody/travel-rule/records").array().getJsonObject(0)
                .getJsonObject("ivms101").getJsonObject("originator").getJsonArray("accountNumber").getString(0))
                .isEqualTo("ext-1");
    }

    private List<Deposit> deposits() {
        return server.core.submitted().stream().filter(c -> c instanceof Deposit).map(c -> (Deposit) c).toList();
    }

    private Browser staff(String email, StaffRole role) {
        Browser b = server.browser().signedUp(email, PASSWORD);
        server.security.staff().bootstrap(b.userId, role, Instant.EPOCH);
        return b.withTotp();
    }

    private static KycIdentity identity(String name) {
        return new KycIdentity(name, LocalDate.of(1985, 1, 2), IdentityDocumentType.HKID, "A1234563", "HK", "HK",
                "1 Nathan Road, Kowloon");
    }

    private static String body(String holder, String number) {
        return new JsonObject().put("holderName", holder).put("bankName", "HSBC").put("accountNumber", number)
                .encode();
    }

    private static String withdrawal(String amount, String number) {
        return new JsonObject().put("currency", "HKD").put("amount", amount).put("accountNumber", number).encode();
    }

    /** @param entries each {bankRef, amount, payerName, payerAccount, remittance}, in HKD. */
    private static byte[] camt053(String[]... entries) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Document xmlns=\""
                + "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt><GrpHdr><MsgId>M</MsgId>"
                + "<CreDtTm>2026-03-01T10:00:00Z</CreDtTm></GrpHdr><Stmt><Id>S</Id><Acct><Id><Othr><Id>024123456001"
                + "</Id></Othr></Id></Acct>");
        for (String[] e : entries) {
            x.append("<Ntry><Amt Ccy=\"HKD\">").append(e[1]).append("</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK"
                    + "</Cd></Sts><BookgDt><Dt>2026-03-01</Dt></BookgDt><AcctSvcrRef>").append(e[0])
                    .append("</AcctSvcrRef><NtryDtls><TxDtls><RltdPties><Dbtr><Pty><Nm>").append(e[2])
                    .append("</Nm></Pty></Dbtr><DbtrAcct><Id><Othr><Id>").append(e[3])
                    .append("</Id></Othr></Id></DbtrAcct></RltdPties><RmtInf><Ustrd>").append(e[4])
                    .append("</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>");
        }
        return x.append("</Stmt></BkToCstmrStmt></Document>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void assertRefused(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.code()).as(answer.body()).isEqualTo(code);
    }
}
