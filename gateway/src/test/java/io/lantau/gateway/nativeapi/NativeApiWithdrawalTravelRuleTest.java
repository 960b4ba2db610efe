package io.lantau.gateway.nativeapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.lantau.compliance.onboarding.IdentityDocumentType;
import io.lantau.compliance.onboarding.KycIdentity;
import io.lantau.compliance.profile.JurisdictionProfile;
import io.lantau.compliance.profile.ProfileLoader;
import io.lantau.compliance.suitability.CoreCommands;
import io.lantau.core.ResultCode;
import io.lantau.core.command.Deposit;
import io.lantau.custody.cold.HdSeed;
import io.lantau.custody.deposit.DepositRepository;
import io.lantau.custody.deposit.WalletDepositAddresses;
import io.lantau.custody.hotcold.HotColdMonitor;
import io.lantau.custody.hotcold.HotColdPolicy;
import io.lantau.custody.hotcold.TierBalances;
import io.lantau.custody.hotcold.WalletTier;
import io.lantau.custody.ledger.ChainAsset;
import io.lantau.custody.ledger.CustodyLedger;
import io.lantau.custody.ledger.CustodySettings;
import io.lantau.custody.reconcile.WithdrawalControls;
import io.lantau.custody.travelrule.Direction;
import io.lantau.custody.travelrule.Ivms101;
import io.lantau.custody.travelrule.TravelRule;
import io.lantau.custody.travelrule.TravelRuleRecord;
import io.lantau.custody.travelrule.TravelRuleSettings;
import io.lantau.custody.wallet.AccountPaths;
import io.lantau.custody.wallet.DepositAddressBook;
import io.lantau.custody.wallet.EthereumAddressDeriver;
import io.lantau.custody.withdrawal.AddressBook;
import io.lantau.custody.withdrawal.EthereumPersonalSign;
import io.lantau.custody.withdrawal.WithdrawalCheck;
import io.lantau.custody.withdrawal.WithdrawalRepository;
import io.lantau.custody.withdrawal.WithdrawalService;
import io.lantau.gateway.custody.ChainCustodyEndpoints;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

/**
 * HK-22 on the withdrawal endpoint, under the HK_VATP profile's threshold (HK$8,000) and with ETH valued at HK$20,000
 * (so 0.4 ETH is the threshold): at or above it a withdrawal needs the beneficiary's data, the originator is the
 * client's approved KYC identity, and the IVMS 101 record is kept with the withdrawal to be sent with it; below it no
 * data is needed; malformed data is a 4xx with a stable code and changes nothing.
 */
class NativeApiWithdrawalTravelRuleTest {
    static final String PASSWORD = "correct horse battery staple";
    /** HK$20,000.00 per ETH, in HKD cents; ETH book units are 1e-8. */
    static final long ETH_PRICE_CENTS = 2_000_000L;
    static final KycIdentity CHAN = new KycIdentity("CHAN Tai Man", LocalDate.of(1980, 5, 17),
            IdentityDocumentType.HKID, "A1234563", "HK", "HK", "Flat 3A, 8 Nathan Road\nTsim Sha Tsui, Kowloon");

    @TempDir
    Path dir;
    NativeApiServer server;
    CoreCommands core;
    TravelRule travelRule;
    WithdrawalService withdrawals;
    WithdrawalCheck controls;
    JurisdictionProfile profile = ProfileLoader.standard().loadBuiltIn("HK_VATP");
    CustodySettings settings = CustodySettings.of(profile);
    /** The one client with an approved identity. */
    long verifiedAccount;

    @BeforeEach
    void start() {
        server = new NativeApiServer(dir, NativeApiServer.TEST_SETTINGS, s -> {
            core = new CoreCommands(s.core, Duration.ofSeconds(10));
            var ds = s.database.dataSource();
            CustodyLedger ledger = new CustodyLedger(ds, s.clock);
            EthereumAddressDeriver deriver;
            try (HdSeed seed = HdSeed.fromMnemonic("test test test test test test test test test test test junk",
                    "")) {
                deriver = new EthereumAddressDeriver(seed.accountKey(AccountPaths.ETHEREUM));
            }
            WalletDepositAddresses addresses = new WalletDepositAddresses(
                    new DepositAddressBook(ds, List.of(deriver), s.clock), "ETH");
            AddressBook book = new AddressBook(ds, List.of(new EthereumPersonalSign()),
                    Duration.ofHours(settings.newAddressCooldownHours()), s.clock);
            travelRule = new TravelRule(ds, profile.section(TravelRuleSettings.SECTION, TravelRuleSettings.class),
                    (assetId, minor) -> OptionalLong.of(Math.ceilDiv(Math.multiplyExact(minor, ETH_PRICE_CENTS),
                            100_000_000L)), "HKD", s.clock);
            TierBalances tiers = new TierBalances(ds);
            int eth = ChainAsset.ETH.assetId();
            tiers.credit(eth, WalletTier.HOT, 2_000_000_000L);
            tiers.credit(eth, WalletTier.COLD, 98_000_000_000L);
            HotColdMonitor monitor = new HotColdMonitor(ds, tiers, new HotColdPolicy(settings), List.of(eth),
                    s.security.notifications(), s.security.staff(), s.clock);
            controls = new WithdrawalControls(assetId -> false, monitor, travelRule).asCheck(ChainAsset.ETH);
            withdrawals = new WithdrawalService(new WithdrawalRepository(ds, ledger, s.clock), book,
                    s.security.totp(), core, settings, List.of(ChainAsset.ETH), s.clock, controls);
            s.api.add(new ChainCustodyEndpoints(List.of(ChainAsset.ETH), List.of(addresses),
                    new DepositRepository(ds, ledger, s.clock), book, withdrawals, s.api.staffAccess(),
                    accountId -> accountId == verifiedAccount ? Optional.of(CHAN) : Optional.empty()));
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A client with TOTP, a whitelisted address past its cool-down, and 10 ETH. */
    private NativeApiServer.Browser readyClient(String email, Credentials wallet) {
        NativeApiServer.Browser b = server.browser().signedUp(email, PASSWORD).withTotp();
        NativeApiServer.Answer added = b.post("/custody/whitelist", new JsonObject().put("asset", "ETH")
                .put("address", wallet.getAddress()).put("signature", NativeApiChainCustodyTest.proof(wallet,
                        b.userId)).encode());
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(core.send(new Deposit(b.userId * 7919, b.userId, ChainAsset.ETH.assetId(), 1_000_000_000L)))
                .isEqualTo(ResultCode.OK);
        return b;
    }

    private void pastCoolDown(NativeApiServer.Browser b, String email) {
        server.clock.advance(Duration.ofHours(settings.newAddressCooldownHours() + 1));
        b.passwordStep(email, PASSWORD);
        server.clock.advance(Duration.ofSeconds(30));
        assertThat(b.codeStep("/login/totp", b.code(0)).status()).isEqualTo(200);
        server.clock.advance(Duration.ofSeconds(30));
    }

    private static NativeApiServer.Answer withdraw(NativeApiServer.Browser b, String requestId, String address,
            String amount, Object travelRule) {
        JsonObject body = new JsonObject().put("asset", "ETH").put("requestId", requestId).put("address", address)
                .put("amount", amount).put("totpCode", b.code(0));
        if (travelRule != null) {
            body.put("travelRule", travelRule);
        }
        return b.post("/custody/withdrawals", body.encode());
    }

    private static JsonObject toVasp() {
        return new JsonObject().put("beneficiaryType", "NATURAL").put("beneficiaryName", "LEE")
                .put("beneficiaryGivenNames", "Siu Ming").put("wallet", "VASP")
                .put("vaspName", "Example Exchange Ltd").put("vaspLei", "529900T8BM49AURSDO55");
    }

    private void assertNothingChanged(long accountId) {
        assertThat(server.rows("custody_withdrawals")).isZero();
        assertThat(server.rows("travel_rule_records")).isZero();
        assertThat(withdrawals.list(accountId, 10)).isEmpty();
    }

    @Test
    void shouldRefuseAWithdrawalAtTheThresholdWithoutBeneficiaryDataAndChangeNothing() throws Exception {
        Credentials wallet = Credentials.create(Keys.createEcKeyPair());
        NativeApiServer.Browser alice = readyClient("alice@example.com", wallet);
        verifiedAccount = alice.userId;
        pastCoolDown(alice, "alice@example.com");

        NativeApiServer.Answer atThreshold = withdraw(alice, "w1", wallet.getAddress(), "0.4", null);
        assertThat(atThreshold.status()).isEqualTo(403);
        assertThat(atThreshold.code()).isEqualTo("TRAVEL_RULE_DATA_MISSING");
        assertNothingChanged(alice.userId);
        // The refusal came before the TOTP check: the same code still admits the withdrawal with the data.
        NativeApiServer.Answer ok = withdraw(alice, "w1", wallet.getAddress(), "0.4", toVasp());
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
    }

    @Test
    void shouldKeepTheIvms101RecordWithAnAdmittedWithdrawalAtOrAboveTheThreshold() throws Exception {
        Credentials wallet = Credentials.create(Keys.createEcKeyPair());
        NativeApiServer.Browser alice = readyClient("alice@example.com", wallet);
        verifiedAccount = alice.userId;
        pastCoolDown(alice, "alice@example.com");

        NativeApiServer.Answer ok = withdraw(alice, "big", wallet.getAddress(), "1", toVasp());
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.json().getString("state")).isEqualTo("APPROVED");
        String id = ok.json().getString("withdrawalId");

        TravelRuleRecord record = travelRule.find(Direction.OUTGOING, id).orElseThrow();
        assertThat(record.accountId()).isEqualTo(alice.userId);
        assertThat(record.amountMinor()).isEqualTo(100_000_000L);
        assertThat(record.valueMinor()).isEqualTo(ETH_PRICE_CENTS);
        Ivms101.Payload sent = TravelRule.parse(record.ivms101());
        Ivms101.NaturalPerson beneficiary = sent.beneficiary().beneficiaryPersons().get(0).naturalPerson();
        assertThat(beneficiary.name().nameIdentifier().get(0).primaryIdentifier()).isEqualTo("LEE");
        assertThat(beneficiary.name().nameIdentifier().get(0).secondaryIdentifier()).isEqualTo("Siu Ming");
        assertThat(sent.beneficiary().accountNumber()).containsExactly(wallet.getAddress());
        assertThat(sent.beneficiaryVASP().beneficiaryVASP().legalPerson().name().nameIdentifier().get(0)
                .legalPersonName()).isEqualTo("Example Exchange Ltd");
        // The originator is the client's approved identity, not anything the request said.
        Ivms101.NaturalPerson originator = sent.originator().originatorPersons().get(0).naturalPerson();
        assertThat(originator.name().nameIdentifier().get(0).primaryIdentifier()).isEqualTo("CHAN Tai Man");
        assertThat(originator.nationalIdentification().nationalIdentifier()).isEqualTo("A1234563");
        assertThat(sent.originator().accountNumber()).containsExactly(Long.toString(alice.userId));

        // Before signing the kept data is what passes the travel rule again.
        var admitted = withdrawals.find(alice.userId, Long.parseLong(id)).orElseThrow();
        assertThatCode(() -> controls.check(admitted)).doesNotThrowAnyException();
        assertThat(server.rows("travel_rule_records")).isEqualTo(1);
    }

    @Test
    void shouldAcceptASelfHostedWalletOfALegalPerson() throws Exception {
        Credentials wallet = Credentials.create(Keys.createEcKeyPair());
        NativeApiServer.Browser alice = readyClient("alice@example.com", wallet);
        verifiedAccount = alice.userId;
        pastCoolDown(alice, "alice@example.com");

        NativeApiServer.Answer ok = withdraw(alice, "corp", wallet.getAddress(), "2", new JsonObject()
                .put("beneficiaryType", "LEGAL").put("beneficiaryName", "Chan Holdings Ltd")
                .put("wallet", "SELF_HOSTED"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        Ivms101.Payload sent = TravelRule.parse(travelRule.find(Direction.OUTGOING,
                ok.json().getString("withdrawalId")).orElseThrow().ivms101());
        assertThat(sent.beneficiaryVASP()).isNull();
        assertThat(sent.beneficiary().beneficiaryPersons().get(0).legalPerson().name().nameIdentifier().get(0)
                .legalPersonName()).isEqualTo("Chan Holdings Ltd");
    }

    @Test
    void shouldAdmitAWithdrawalBelowTheThresholdWithoutData() throws Exception {
        Credentials wallet = Credentials.create(Keys.createEcKeyPair());
        NativeApiServer.Browser bob = readyClient("bob@example.com", wallet);
        pastCoolDown(bob, "bob@example.com");

        // 0.39 ETH is HK$7,800; 0.39999999 would round up to HK$8,000.00 and need the data.
        NativeApiServer.Answer ok = withdraw(bob, "small", wallet.getAddress(), "0.39", null);
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(server.rows("custody_withdrawals")).isEqualTo(1);
        assertThat(server.rows("travel_rule_records")).isZero();
    }

    @Test
    void shouldRefuseCompleteBeneficiaryDataWithoutAnApprovedOriginatorIdentity() throws Exception {
        Credentials wallet = Credentials.create(Keys.createEcKeyPair());
        NativeApiServer.Browser bob = readyClient("bob@example.com", wallet);
        pastCoolDown(bob, "bob@example.com");

        assertThat(withdraw(bob, "w", wallet.getAddress(), "1", toVasp()).code())
                .isEqualTo("TRAVEL_RULE_DATA_MISSING");
        assertNothingChanged(bob.userId);
    }

    @Test
    void shouldRefuseMalformedTravelRuleDataWithStableCodesAndChangeNothing() throws Exception {
        Credentials wallet = Credentials.create(Keys.createEcKeyPair());
        NativeApiServer.Browser alice = readyClient("alice@example.com", wallet);
        verifiedAccount = alice.userId;
        pastCoolDown(alice, "alice@example.com");
        String to = wallet.getAddress();

        assertThat(withdraw(alice, "m", to, "1", toVasp().put("originatorName", "someone else")).code())
                .isEqualTo("UNKNOWN_FIELD");
        assertThat(withdraw(alice, "m", to, "1", "LEE Siu Ming").code()).isEqualTo("WRONG_TYPE");
        assertThat(withdraw(alice, "m", to, "1", toVasp().put("beneficiaryName", 42)).code())
                .isEqualTo("WRONG_TYPE");
        assertThat(withdraw(alice, "m", to, "1", toVasp().put("beneficiaryName", "x".repeat(101))).code())
                .isEqualTo("VALUE_TOO_LONG");
        assertThat(withdraw(alice, "m", to, "1", toVasp().put("beneficiaryType", "ROBOT")).code())
                .isEqualTo("INVALID_VALUE");
        assertThat(withdraw(alice, "m", to, "1", toVasp().put("wallet", "SELF_HOSTED")).code())
                .isEqualTo("INVALID_VALUE");
        JsonObject noVasp = toVasp();
        noVasp.remove("vaspName");
        assertThat(withdraw(alice, "m", to, "1", noVasp).code()).isEqualTo("MISSING_FIELD");
        JsonObject noName = toVasp();
        noName.remove("beneficiaryName");
        assertThat(withdraw(alice, "m", to, "1", noName).code()).isEqualTo("MISSING_FIELD");
        // A blank name is incomplete at the threshold, and invalid below it (as is a wrong LEI).
        assertThat(withdraw(alice, "m", to, "1", toVasp().put("beneficiaryName", " ")).code())
                .isEqualTo("TRAVEL_RULE_DATA_MISSING");
        NativeApiServer.Answer badLei = withdraw(alice, "m", to, "0.1", toVasp().put("vaspLei",
                "529900T8BM49AURSDO56"));
        assertThat(badLei.status()).isEqualTo(400);
        assertThat(badLei.code()).isEqualTo("INVALID_TRAVEL_RULE_DATA");
        assertNothingChanged(alice.userId);
    }
}
