package io.lantau.compliance.admission;

import io.lantau.store.EngineTestBase;
import io.lantau.store.dispatch.DirectCommandSubmitter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.core.AccountKind;
import io.lantau.core.InvestorClass;
import io.lantau.core.ResultCode;
import io.lantau.core.RetailAccess;
import io.lantau.core.Side;
import io.lantau.core.command.Deposit;
import io.lantau.core.command.OpenAccount;
import io.lantau.core.command.PlaceOrder;
import io.lantau.core.command.SetInvestorProfile;
import io.lantau.core.command.SetReferencePrice;
import io.lantau.core.command.SetRetailAccess;
import io.lantau.core.config.StandardMarkets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HK-10 .. HK-14 with the examples REGULATORY.md gives, under the HK_VATP profile's tokenAdmission section. */
class TokenAdmissionServiceTest extends EngineTestBase {
    /** HK_VATP.json "tokenAdmission". */
    static final TokenAdmissionSettings HK_VATP = new TokenAdmissionSettings(2, 2, true, 12, 3, 365);
    private static final int BTC_HKD = 0;
    private static final int BTC_USD = 2;
    private static final Instant NOW = Instant.parse("2026-11-02T03:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 2);
    private static final List<Vote> THREE_IN_FAVOUR = List.of(new Vote("m1", true), new Vote("m2", true),
            new Vote("m3", true));

    private DirectCommandSubmitter core;
    private MutableClock clock;
    private TokenAdmissionService service;

    @BeforeEach
    void setUp() {
        core = new DirectCommandSubmitter();
        clock = new MutableClock(NOW);
        service = new TokenAdmissionService(database.dataSource(), core, HK_VATP, clock);
    }

    @AfterEach
    void tearDown() {
        core.close();
    }

    // ---- HK-10 retail eligibility ----

    @Test
    void shouldNotBeRetailEligibleWhenInOneIndexOnly() {
        registerBtc();
        MembershipChange change = service.addIndexMembership("BTC", index("A", "X", false));

        assertThat(change.token().retailEligible()).isFalse();
        assertThat(change.token().retailEligibility().acceptableIndices()).isEqualTo(1);
    }

    @Test
    void shouldBeRetailEligibleWhenInTwoIndicesFromTwoProvidersOneTradFi() {
        registerBtc();
        service.addIndexMembership("BTC", index("A", "X", false));
        MembershipChange change = service.addIndexMembership("BTC", index("B", "Y", true));

        assertThat(change.token().retailEligible()).isTrue();
        assertThat(change.token().retailEligibility()).isEqualTo(new RetailEligibility(true, 2, 2, true));
    }

    @Test
    void shouldNotBeRetailEligibleWhenBothIndicesComeFromOneProvider() {
        registerBtc();
        service.addIndexMembership("BTC", index("A", "X", true));
        MembershipChange change = service.addIndexMembership("BTC", index("A2", "X", true));

        assertThat(change.token().retailEligible()).isFalse();
        assertThat(change.token().retailEligibility().providers()).isEqualTo(1);
    }

    @Test
    void shouldNotBeRetailEligibleWhenNoProviderHasTradFiExperience() {
        registerBtc();
        service.addIndexMembership("BTC", index("A", "X", false));

        assertThat(service.addIndexMembership("BTC", index("B", "Y", false)).token().retailEligible()).isFalse();
    }

    @Test
    void shouldIgnoreIndexWhenProviderIsNotIndependent() {
        registerBtc();
        service.addIndexMembership("BTC", index("A", "X", false));
        IndexMembership issuerOwn = new IndexMembership("ISSUER-10", "Issuer Labs", false, true, TODAY);

        assertThat(service.addIndexMembership("BTC", issuerOwn).token().retailEligible()).isFalse();
    }

    @Test
    void shouldNeedNoIndexWhenProfileSetsNoMinimum() {
        TokenAdmissionSettings open = new TokenAdmissionSettings(0, 0, false, 0, 1, 3650);
        assertThat(RetailEligibility.of(open, List.of()).eligible()).isTrue();
    }

    // ---- HK-11, HK-12 admission blockers ----

    @Test
    void shouldRefuseAdmissionWhenTokenIsElevenMonthsOld() {
        service.register(new TokenApplication("NEWT", "New token", TokenType.VIRTUAL_ASSET, TODAY.minusMonths(11),
                false, List.of()));
        completeDueDiligence("NEWT");

        assertRefused(() -> service.decide("NEWT", Decision.ADMITTED, THREE_IN_FAVOUR, "Meets criteria."),
                AdmissionRefusal.TRACK_RECORD_TOO_SHORT);
        assertThat(service.find("NEWT").orElseThrow().status()).isEqualTo(AdmissionStatus.PROPOSED);
        assertThat(service.decisions("NEWT")).isEmpty();
    }

    @Test
    void shouldAdmitTokenWhenTrackRecordIsTwelveMonthsOrSecurityToken() {
        service.register(new TokenApplication("OLDT", "Year-old token", TokenType.VIRTUAL_ASSET,
                TODAY.minusMonths(12), false, List.of()));
        service.register(new TokenApplication("SECT", "Security token", TokenType.SECURITY_TOKEN,
                TODAY.minusMonths(1), false, List.of()));
        completeDueDiligence("OLDT");
        completeDueDiligence("SECT");

        assertThat(service.decide("OLDT", Decision.ADMITTED, THREE_IN_FAVOUR, "ok").outcome())
                .isEqualTo(Decision.ADMITTED);
        assertThat(service.decide("SECT", Decision.ADMITTED, THREE_IN_FAVOUR, "ok").outcome())
                .isEqualTo(Decision.ADMITTED);
    }

    @Test
    void shouldBlockAdmissionWhileSmartContractAuditIsMissing() {
        service.register(new TokenApplication("UNI", "A smart-contract token", TokenType.VIRTUAL_ASSET,
                LocalDate.of(2020, 9, 17), true, List.of()));
        completeDueDiligence("UNI");

        assertThat(service.find("UNI").orElseThrow().admissionBlockers())
                .containsExactly(AdmissionRefusal.SMART_CONTRACT_AUDIT_MISSING);
        assertRefused(() -> service.decide("UNI", Decision.ADMITTED, THREE_IN_FAVOUR, "ok"),
                AdmissionRefusal.SMART_CONTRACT_AUDIT_MISSING);

        service.recordContractAudit("UNI", ContractAudit.report("Independent Assessor Ltd",
                "https://docs.example/audits/uni-2026.pdf", "analyst-1"));
        assertThat(service.decide("UNI", Decision.ADMITTED, THREE_IN_FAVOUR, "Audit clean.").outcome())
                .isEqualTo(Decision.ADMITTED);
    }

    @Test
    void shouldAcceptRelianceRationaleInPlaceOfAudit() {
        service.register(new TokenApplication("UNI", "A smart-contract token", TokenType.VIRTUAL_ASSET,
                LocalDate.of(2020, 9, 17), true, List.of()));
        completeDueDiligence("UNI");

        TokenRecord token = service.recordContractAudit("UNI", ContractAudit.reliance(
                "Canonical contracts unchanged since the 2021 audit relied on by three licensed platforms.",
                "analyst-1"));

        assertThat(token.admissionBlockers()).isEmpty();
        assertThat(token.contractAudit().kind()).isEqualTo(ContractAudit.Kind.RELIANCE);
        assertThat(token.contractAudit().recordedAt()).isEqualTo(NOW);
    }

    @Test
    void shouldRequireAllTenDueDiligenceFactorsBeforeAdmission() {
        registerBtc();
        for (DueDiligenceFactor f : DueDiligenceFactor.values()) {
            if (f != DueDiligenceFactor.ML_TF_RISKS) {
                record("BTC", f, DueDiligenceOutcome.SATISFACTORY);
            }
        }
        assertRefused(() -> service.decide("BTC", Decision.ADMITTED, THREE_IN_FAVOUR, "ok"),
                AdmissionRefusal.DUE_DILIGENCE_INCOMPLETE);

        record("BTC", DueDiligenceFactor.ML_TF_RISKS, DueDiligenceOutcome.UNSATISFACTORY);
        assertRefused(() -> service.decide("BTC", Decision.ADMITTED, THREE_IN_FAVOUR, "ok"),
                AdmissionRefusal.DUE_DILIGENCE_UNSATISFACTORY);

        TokenRecord done = record("BTC", DueDiligenceFactor.ML_TF_RISKS,
                DueDiligenceOutcome.SATISFACTORY_WITH_CONDITIONS);
        assertThat(done.dueDiligence()).hasSize(10).extracting(DueDiligenceRecord::factor)
                .containsExactly(DueDiligenceFactor.values());
        assertThat(done.admissionBlockers()).isEmpty();
        assertThat(DueDiligenceFactor.SUPPLY_DEMAND_MATURITY_LIQUIDITY.paragraph()).isEqualTo("7.6(c)");
    }

    @Test
    void shouldListEveryBlockerWhenSeveralApply() {
        service.register(new TokenApplication("NEWT", "New token", TokenType.VIRTUAL_ASSET, TODAY.minusMonths(3),
                true, List.of()));

        assertThatThrownBy(() -> service.decide("NEWT", Decision.ADMITTED, THREE_IN_FAVOUR, "ok"))
                .isInstanceOfSatisfying(AdmissionException.class, e -> assertThat(e.blockers()).containsExactly(
                        AdmissionRefusal.DUE_DILIGENCE_INCOMPLETE, AdmissionRefusal.SMART_CONTRACT_AUDIT_MISSING,
                        AdmissionRefusal.TRACK_RECORD_TOO_SHORT));
    }

    // ---- HK-13 committee ----

    @Test
    void shouldTakeNoDecisionWhenQuorumIsNotMet() {
        admittableBtc();

        assertRefused(() -> service.decide("BTC", Decision.ADMITTED,
                List.of(new Vote("m1", true), new Vote("m2", true)), "ok"), AdmissionRefusal.QUORUM_NOT_MET);

        assertThat(service.decisions("BTC")).isEmpty();
        assertThat(service.find("BTC").orElseThrow().status()).isEqualTo(AdmissionStatus.PROPOSED);
        assertThat(core.submitted()).isEmpty();
    }

    @Test
    void shouldTakeNoDecisionWhenMotionIsNotCarriedOrVotesAreBad() {
        admittableBtc();
        List<Vote> split = List.of(new Vote("m1", true), new Vote("m2", false), new Vote("m3", false),
                new Vote("m4", true));

        assertRefused(() -> service.decide("BTC", Decision.ADMITTED, split, "ok"),
                AdmissionRefusal.MOTION_NOT_CARRIED);
        assertRefused(() -> service.decide("BTC", Decision.ADMITTED,
                List.of(new Vote("m1", true), new Vote("m1", true), new Vote("m2", true)), "ok"),
                AdmissionRefusal.DUPLICATE_VOTER);
        assertRefused(() -> service.decide("BTC", Decision.ADMITTED, THREE_IN_FAVOUR, "  "),
                AdmissionRefusal.REASONS_REQUIRED);
        assertRefused(() -> service.decide("BTC", Decision.SUSPENDED, THREE_IN_FAVOUR, "not admitted yet"),
                AdmissionRefusal.INVALID_TRANSITION);
        assertRefused(() -> service.decide("DOGE", Decision.ADMITTED, THREE_IN_FAVOUR, "ok"),
                AdmissionRefusal.UNKNOWN_ASSET);
        assertThat(service.decisions("BTC")).isEmpty();
        assertThat(core.submitted()).isEmpty();
    }

    @Test
    void shouldRecordVotesAndReasonsAndOpenRetailWhenEligibleAssetIsAdmitted() {
        admittableBtc();
        eligibleBtc();
        List<Vote> votes = List.of(new Vote("m1", true), new Vote("m2", true), new Vote("m3", false));

        CommitteeDecision decision = service.decide("BTC", Decision.ADMITTED, votes, "Large cap; DD complete.");

        assertThat(decision.votes()).isEqualTo(votes);
        assertThat(decision.quorumRequired()).isEqualTo(3);
        assertThat(decision.retailEligible()).isTrue();
        assertThat(decision.retailAccess()).isEqualTo(RetailAccess.ELIGIBLE);
        assertThat(service.decisions("BTC")).containsExactly(decision);
        assertThat(core.submitted()).containsExactly(new SetRetailAccess(BTC_HKD, RetailAccess.ELIGIBLE),
                new SetRetailAccess(BTC_USD, RetailAccess.ELIGIBLE));
    }

    @Test
    void shouldKeepRetailOutWhenAdmittedAssetIsNotRetailEligible() {
        admittableBtc();

        CommitteeDecision decision = service.decide("BTC", Decision.ADMITTED, THREE_IN_FAVOUR, "PI only.");

        assertThat(decision.retailAccess()).isEqualTo(RetailAccess.NOT_ELIGIBLE);
        assertThat(core.core().retailAccess(BTC_HKD)).isEqualTo(RetailAccess.NOT_ELIGIBLE);
    }

    @Test
    void shouldListAssetWhenLastDecisionIsOlderThanReviewPeriod() {
        admittableBtc();
        service.decide("BTC", Decision.ADMITTED, THREE_IN_FAVOUR, "Admitted.");

        clock.set(NOW.plus(Duration.ofDays(365)));
        assertThat(service.overdueReviews()).isEmpty();

        clock.set(NOW.plus(Duration.ofDays(366)));
        assertThat(service.overdueReviews()).extracting(TokenRecord::assetCode).containsExactly("BTC");

        service.decide("BTC", Decision.ADMITTED, THREE_IN_FAVOUR, "Annual review: criteria still met.");
        assertThat(service.overdueReviews()).isEmpty();
    }

    // ---- HK-14 ongoing monitoring ----

    @Test
    void shouldOpenReviewTaskAndNotChangeTradingWhenEligibilityIsLost() {
        admittableBtc();
        eligibleBtc();
        service.decide("BTC", Decision.ADMITTED, THREE_IN_FAVOUR, "Admitted.");
        long retail = openRetailClient(2001);
        int sentBefore = core.submitted().size();

        MembershipChange change = service.removeIndexMembership("BTC", "B");

        assertThat(change.token().retailEligible()).isFalse();
        assertThat(change.reviewTask()).hasValueSatisfying(t -> {
            assertThat(t.reason()).isEqualTo(ReviewTask.Reason.RETAIL_ELIGIBILITY_LOST);
            assertThat(t.isOpen()).isTrue();
        });
        assertThat(service.openReviewTasks()).hasSize(1);
        assertThat(core.submitted()).hasSize(sentBefore);
        assertThat(change.token().status()).isEqualTo(AdmissionStatus.ADMITTED);
        assertThat(core.core().retailAccess(BTC_HKD)).isEqualTo(RetailAccess.ELIGIBLE);
        assertThat(core.apply(PlaceOrder.limit(retail, BTC_HKD, Side.BUY, 50_000, 1))).isEqualTo(ResultCode.OK);
    }

    @Test
    void shouldLetRetailOnlySellWhenCommitteeSetsSellOnly() {
        admittableBtc();
        eligibleBtc();
        service.decide("BTC", Decision.ADMITTED, THREE_IN_FAVOUR, "Admitted.");
        long retail = openRetailClient(2002);
        service.removeIndexMembership("BTC", "B");

        CommitteeDecision decision = service.decide("BTC", Decision.RETAIL_SELL_ONLY, THREE_IN_FAVOUR,
                "Dropped from index B; retail may exit positions.");

        assertThat(decision.retailAccess()).isEqualTo(RetailAccess.SELL_ONLY);
        assertThat(core.submitted()).contains(new SetRetailAccess(BTC_HKD, RetailAccess.SELL_ONLY),
                new SetRetailAccess(BTC_USD, RetailAccess.SELL_ONLY));
        assertThat(core.apply(PlaceOrder.limit(retail, BTC_HKD, Side.BUY, 50_000, 1)))
                .isEqualTo(ResultCode.RETAIL_SELL_ONLY);
        assertThat(core.apply(PlaceOrder.limit(retail, BTC_HKD, Side.SELL, 60_000, 1))).isEqualTo(ResultCode.OK);
        assertThat(service.openReviewTasks()).isEmpty();
        assertThat(service.reviewTasks("BTC")).singleElement()
                .satisfies(t -> assertThat(t.decisionId()).isEqualTo(decision.decisionId()));
        assertThat(service.find("BTC").orElseThrow().status()).isEqualTo(AdmissionStatus.RETAIL_SELL_ONLY);
    }

    @Test
    void shouldCloseRetailWhenCommitteeSuspendsOrWithdraws() {
        admittableBtc();
        eligibleBtc();
        service.decide("BTC", Decision.ADMITTED, THREE_IN_FAVOUR, "Admitted.");
        long retail = openRetailClient(2003);

        service.decide("BTC", Decision.SUSPENDED, THREE_IN_FAVOUR, "Issuer under investigation.");

        assertThat(core.core().retailAccess(BTC_HKD)).isEqualTo(RetailAccess.NOT_ELIGIBLE);
        assertThat(core.apply(PlaceOrder.limit(retail, BTC_HKD, Side.BUY, 50_000, 1)))
                .isEqualTo(ResultCode.NOT_RETAIL_ELIGIBLE);

        service.decide("BTC", Decision.WITHDRAWN, THREE_IN_FAVOUR, "Delisted.");
        assertRefused(() -> service.decide("BTC", Decision.ADMITTED, THREE_IN_FAVOUR, "again"),
                AdmissionRefusal.INVALID_TRANSITION);
    }

    @Test
    void shouldSendRetailAccessAgainWhenReasserted() {
        admittableBtc();
        core.queueFull(true);
        service.decide("BTC", Decision.ADMITTED, THREE_IN_FAVOUR, "PI only.");
        assertThat(core.core().retailAccess(BTC_HKD)).isEqualTo(RetailAccess.ELIGIBLE);

        core.queueFull(false);
        assertThat(service.reassertRetailAccess()).isEqualTo(2);

        assertThat(core.core().retailAccess(BTC_HKD)).isEqualTo(RetailAccess.NOT_ELIGIBLE);
    }

    @Test
    void shouldRefuseDuplicatesAndUnknownsAndChangeNothing() {
        registerBtc();
        service.addIndexMembership("BTC", index("A", "X", true));

        assertRefused(this::registerBtc, AdmissionRefusal.ASSET_EXISTS);
        assertRefused(() -> service.addIndexMembership("BTC", index("A", "Z", true)),
                AdmissionRefusal.INDEX_MEMBERSHIP_EXISTS);
        assertRefused(() -> service.removeIndexMembership("BTC", "NOPE"), AdmissionRefusal.UNKNOWN_INDEX_MEMBERSHIP);
        assertRefused(() -> service.recordDueDiligence("BTC", DueDiligenceFactor.LEGAL_RISKS, " ", "r1",
                DueDiligenceOutcome.SATISFACTORY, null), AdmissionRefusal.INVALID_ARGUMENT);
        assertRefused(() -> service.recordContractAudit("BTC", ContractAudit.report("Auditor", null, "a1")),
                AdmissionRefusal.INVALID_ARGUMENT);
        assertRefused(() -> service.register(new TokenApplication("ETH", "Ether", TokenType.VIRTUAL_ASSET,
                LocalDate.of(2015, 7, 30), false, List.of(1, 1))), AdmissionRefusal.INVALID_ARGUMENT);

        TokenRecord btc = service.find("BTC").orElseThrow();
        assertThat(btc.indexMemberships()).extracting(IndexMembership::provider).containsExactly("X");
        assertThat(btc.dueDiligence()).isEmpty();
        assertThat(btc.contractAudit()).isNull();
        assertThat(service.find("ETH")).isEmpty();
    }

    // ---- helpers ----

    private void registerBtc() {
        service.register(new TokenApplication("BTC", "Bitcoin", TokenType.VIRTUAL_ASSET, LocalDate.of(2009, 1, 3),
                false, List.of(BTC_HKD, BTC_USD)));
    }

    private void admittableBtc() {
        registerBtc();
        completeDueDiligence("BTC");
    }

    private void eligibleBtc() {
        service.addIndexMembership("BTC", index("A", "X", false));
        service.addIndexMembership("BTC", index("B", "Y", true));
    }

    private void completeDueDiligence(String asset) {
        for (DueDiligenceFactor f : DueDiligenceFactor.values()) {
            record(asset, f, DueDiligenceOutcome.SATISFACTORY);
        }
    }

    private TokenRecord record(String asset, DueDiligenceFactor factor, DueDiligenceOutcome outcome) {
        return service.recordDueDiligence(asset, factor, "https://docs.example/dd/" + asset + "/" + factor,
                "reviewer-1", outcome, null);
    }

    private static IndexMembership index(String indexId, String provider, boolean tradFi) {
        return new IndexMembership(indexId, provider, true, tradFi, TODAY);
    }

    private long openRetailClient(long accountId) {
        assertThat(core.apply(new OpenAccount(accountId, AccountKind.CLIENT, 0))).isEqualTo(ResultCode.OK);
        assertThat(core.apply(new Deposit(accountId, accountId, StandardMarkets.HKD.assetId(), 100_000_000L)))
                .isEqualTo(ResultCode.OK);
        assertThat(core.apply(new Deposit(accountId + 1_000_000, accountId, StandardMarkets.BTC.assetId(),
                100_000_000L))).isEqualTo(ResultCode.OK);
        assertThat(core.apply(new SetReferencePrice(StandardMarkets.BTC.assetId(), 50_000_000L)))
                .isEqualTo(ResultCode.OK);
        assertThat(core.apply(new SetInvestorProfile(accountId, InvestorClass.RETAIL, 10_000_000_000L)))
                .isEqualTo(ResultCode.OK);
        return accountId;
    }

    private static void assertRefused(Runnable call, AdmissionRefusal refusal) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AdmissionException.class,
                e -> assertThat(e.refusal()).isEqualTo(refusal));
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
