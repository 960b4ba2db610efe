package io.lantau.compliance.onboarding;

import io.lantau.store.EngineTestBase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.compliance.suitability.DisclosureText;
import io.lantau.compliance.suitability.ProfessionalEvidence;
import io.lantau.compliance.suitability.ProfessionalInvestorType;
import io.lantau.compliance.suitability.Suitabilities;
import io.lantau.compliance.suitability.TradingGate;
import io.lantau.core.AccountStatus;
import io.lantau.core.InvestorClass;
import io.lantau.core.ResultCode;
import io.lantau.core.Side;
import io.lantau.core.command.Deposit;
import io.lantau.core.command.PlaceOrder;
import io.lantau.core.command.SetReferencePrice;
import io.lantau.core.config.StandardMarkets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole retail gate chain against a real core: the services decide and send commands, the core answers every
 * order. BTC-HKD: tick HK$10, lot 0.001 BTC; reference prices in HKD cents.
 */
class RetailOnboardingFlowTest extends EngineTestBase {
    private static final long CLIENT = 1001;
    private static final long OFFICER = 7;
    private static final int BTC = StandardMarkets.BTC.assetId();
    private static final int HKD = StandardMarkets.HKD.assetId();
    private static final int BTC_HKD = 0;
    /** HK$600,000.00 per BTC: 0.5 BTC is exactly HK$300,000. */
    private static final long BTC_PRICE_CENTS = 600_000_00L;
    private static final long PRICE_TICKS = 60_000;

    private Harness h;

    @BeforeEach
    void setUp() {
        h = new Harness(database.dataSource(), Harness.HK_VATP, Suitabilities.HK_VATP);
        assertThat(h.send(new SetReferencePrice(BTC, BTC_PRICE_CENTS))).isEqualTo(ResultCode.OK);
        h.signUp(CLIENT);
        assertThat(h.send(new Deposit(1, CLIENT, HKD, 1_000_000_00L))).isEqualTo(ResultCode.OK);
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    private ResultCode buy(long lots) {
        ResultCode code = h.send(PlaceOrder.limit(CLIENT, BTC_HKD, Side.BUY, PRICE_TICKS, lots));
        // HK-23: the gateway records every order request, whatever the core answers.
        h.accessLog.record(CLIENT, AccessAction.ORDER, "203.0.113.7", "ios-5F2C", "HK", null);
        return code;
    }

    private void acknowledge() {
        DisclosureText text = h.suitability.disclosure("en");
        h.suitability.acknowledgeDisclosure(CLIENT, text.version(), "en", text.sha256(), "203.0.113.7");
    }

    @Test
    void shouldRefuseOrdersOfANewRetailClientUntilEveryGateHoldsThenAccept() {
        KycCase kyc = h.onboarding.submitKyc(CLIENT, Harness.submission("CHAN Tai Man", "HK", "passport scan"));
        h.classification.classifyRetail(CLIENT, CLIENT);
        assertThat(buy(1)).isEqualTo(ResultCode.ACCOUNT_NOT_ACTIVE);

        h.onboarding.approve(kyc.caseId(), OFFICER, "HKID and address verified");
        assertThat(h.onboarding.readiness(CLIENT).missing()).containsExactly(
                TradingGate.KNOWLEDGE_ASSESSMENT_REQUIRED, TradingGate.RISK_PROFILE_REQUIRED,
                TradingGate.DISCLOSURE_ACK_REQUIRED);
        assertThat(buy(1)).isEqualTo(ResultCode.ACCOUNT_NOT_ACTIVE);

        h.suitability.assessKnowledge(CLIENT, Suitabilities.noExperience());
        assertThat(h.onboarding.readiness(CLIENT).missing()).contains(TradingGate.KNOWLEDGE_ASSESSMENT_REQUIRED);
        h.suitability.completeTraining(CLIENT, "va-basics-2023-06");
        assertThat(buy(1)).isEqualTo(ResultCode.ACCOUNT_NOT_ACTIVE);

        h.suitability.profileRisk(CLIENT, Suitabilities.hk04Example());
        assertThat(buy(1)).isEqualTo(ResultCode.ACCOUNT_NOT_ACTIVE);
        assertThat(h.coreStatus(CLIENT)).isEqualTo(AccountStatus.PENDING_KYC);

        acknowledge();

        assertThat(h.onboarding.readiness(CLIENT).ready()).isTrue();
        assertThat(h.coreStatus(CLIENT)).isEqualTo(AccountStatus.ACTIVE);
        assertThat(h.onboarding.account(CLIENT).orElseThrow().status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(buy(1)).isEqualTo(ResultCode.OK);
        assertThat(h.accessLog.byAccount(CLIENT, 100)).hasSize(5)
                .allSatisfy(r -> assertThat(r.action()).isEqualTo(AccessAction.ORDER));
    }

    @Test
    void shouldLetTheCoreRefuseABuyPastTheHk04LimitOfExactlyHkd300000() {
        KycCase kyc = h.onboarding.submitKyc(CLIENT, Harness.submission("CHAN Tai Man", "HK", "passport scan"));
        h.onboarding.approve(kyc.caseId(), OFFICER, "verified");
        h.classification.classifyRetail(CLIENT, CLIENT);
        h.suitability.assessKnowledge(CLIENT, Suitabilities.knowledgeable());
        acknowledge();

        // Net worth HK$1,000,000, HIGH tier 30 %, no other virtual assets → HK$300,000.
        assertThat(h.suitability.profileRisk(CLIENT, Suitabilities.hk04Example()).exposureLimitMinor())
                .isEqualTo(300_000_00L);
        synchronized (h.submitter) {
            assertThat(h.submitter.core().investorClass(CLIENT)).isEqualTo(InvestorClass.RETAIL);
            assertThat(h.submitter.core().exposureLimitMinor(CLIENT)).isEqualTo(300_000_00L);
        }
        assertThat(h.coreStatus(CLIENT)).isEqualTo(AccountStatus.ACTIVE);

        assertThat(buy(501)).as("0.501 BTC = HK$300,600").isEqualTo(ResultCode.EXPOSURE_LIMIT_EXCEEDED);
        assertThat(buy(500)).as("0.5 BTC = HK$300,000, the limit").isEqualTo(ResultCode.OK);
        assertThat(buy(1)).as("one lot more").isEqualTo(ResultCode.EXPOSURE_LIMIT_EXCEEDED);
    }

    @Test
    void shouldLetAProfessionalInvestorTradeWithoutTheRetailGates() {
        KycCase kyc = h.onboarding.submitKyc(CLIENT, Harness.submission("CHAN Tai Man", "HK", "passport scan"));
        DocumentRef evidence = h.onboarding.addDocument(CLIENT, new DocumentUpload(
                DocumentKind.PROFESSIONAL_INVESTOR_EVIDENCE, "application/pdf", "portfolio HK$9.2m".getBytes()));
        h.classification.classifyProfessional(CLIENT, ProfessionalInvestorType.INDIVIDUAL,
                new ProfessionalEvidence("portfolio statement 2025-02-28: HK$9.2m", evidence.sha256(), OFFICER),
                OFFICER);
        assertThat(buy(1)).isEqualTo(ResultCode.ACCOUNT_NOT_ACTIVE);

        h.onboarding.approve(kyc.caseId(), OFFICER, "verified");

        assertThat(h.coreStatus(CLIENT)).isEqualTo(AccountStatus.ACTIVE);
        assertThat(h.suitability.knowledge(CLIENT)).isEmpty();
        assertThat(buy(1_000)).as("1 BTC, past any retail limit").isEqualTo(ResultCode.OK);
    }

    @Test
    void shouldRefuseActivationWithTheMissingGatesAndLeaveTheAccountPending() {
        KycCase kyc = h.onboarding.submitKyc(CLIENT, Harness.submission("CHAN Tai Man", "HK", "passport scan"));
        h.onboarding.approve(kyc.caseId(), OFFICER, "verified");

        assertThatThrownBy(() -> h.onboarding.activate(CLIENT)).isInstanceOfSatisfying(OnboardingException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(OnboardingRefusal.GATES_NOT_MET);
                    assertThat(e.missingGates()).containsExactly(TradingGate.CLASSIFICATION_REQUIRED,
                            TradingGate.KNOWLEDGE_ASSESSMENT_REQUIRED, TradingGate.RISK_PROFILE_REQUIRED,
                            TradingGate.DISCLOSURE_ACK_REQUIRED);
                });
        assertThat(h.coreStatus(CLIENT)).isEqualTo(AccountStatus.PENDING_KYC);
    }
}
