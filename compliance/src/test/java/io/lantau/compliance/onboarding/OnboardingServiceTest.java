package io.lantau.compliance.onboarding;

import io.lantau.store.EngineTestBase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.compliance.suitability.Suitabilities;
import io.lantau.compliance.suitability.TradingGate;
import io.lantau.core.AccountStatus;
import io.lantau.core.InvestorClass;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OnboardingServiceTest extends EngineTestBase {
    private static final long ALICE = 1001;
    private static final long BOB = 1002;
    private static final long OFFICER = 7;
    private static final String PASSPORT_SCAN = "%PDF-1.7 passport scan of CHAN TAI MAN, no. K1234567";

    private Harness h;
    private OnboardingService onboarding;

    @BeforeEach
    void setUp() {
        h = new Harness(database.dataSource(), Harness.HK_VATP, Suitabilities.HK_VATP);
        onboarding = h.onboarding;
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    private static void assertRefused(ThrowingCallable call, OnboardingRefusal code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OnboardingException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    private long count(String sql) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement st = c.prepareStatement(sql);
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void shouldStartPendingKycAndTellTheCoreWhenRegistered() {
        OnboardingAccount account = h.signUp(ALICE);

        assertThat(account.status()).isEqualTo(AccountStatus.PENDING_KYC);
        assertThat(h.coreStatus(ALICE)).isEqualTo(AccountStatus.PENDING_KYC);
        synchronized (h.submitter) {
            assertThat(h.submitter.core().investorClass(ALICE)).isEqualTo(InvestorClass.RETAIL);
            assertThat(h.submitter.core().exposureLimitMinor(ALICE)).isZero();
        }
        assertThat(onboarding.statusHistory(ALICE)).singleElement()
                .satisfies(c -> assertThat(c.to()).isEqualTo(AccountStatus.PENDING_KYC));
        assertRefused(() -> onboarding.register(ALICE), OnboardingRefusal.ALREADY_REGISTERED);
    }

    @Test
    void shouldStartActiveWhenTheProfileHasNoOnboardingGate() {
        try (Harness open = new Harness(database.dataSource(), Harness.OPEN, Suitabilities.OPEN)) {
            assertThat(open.signUp(ALICE).status()).isEqualTo(AccountStatus.ACTIVE);
            assertThat(open.coreStatus(ALICE)).isEqualTo(AccountStatus.ACTIVE);
        }
    }

    @Test
    void shouldRefuseAMainlandResidentUnderHkVatpAndKeepOnlyTheRefusal() throws SQLException {
        h.signUp(ALICE);

        assertRefused(() -> onboarding.submitKyc(ALICE, Harness.submission("WONG Siu Ming", "CN", PASSPORT_SCAN)),
                OnboardingRefusal.BLOCKED_JURISDICTION);

        assertThat(onboarding.refusals(ALICE)).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo(OnboardingRefusal.BLOCKED_JURISDICTION);
            assertThat(r.residency()).isEqualTo("CN");
            assertThat(r.refusedAt()).isEqualTo(Harness.NOW);
        });
        assertThat(count("SELECT COUNT(*) FROM kyc_cases")).isZero();
        assertThat(count("SELECT COUNT(*) FROM kyc_documents")).isZero();
        assertThat(onboarding.latestKycCase(ALICE)).isEmpty();
        assertThat(onboarding.account(ALICE).orElseThrow().status()).isEqualTo(AccountStatus.PENDING_KYC);
    }

    @Test
    void shouldAcceptAMainlandResidentUnderTheOpenProfile() {
        try (Harness open = new Harness(database.dataSource(), Harness.OPEN, Suitabilities.OPEN)) {
            open.signUp(ALICE);

            KycCase kyc = open.onboarding.submitKyc(ALICE, Harness.submission("WONG Siu Ming", "CN", PASSPORT_SCAN));

            assertThat(kyc.state()).isEqualTo(KycCaseState.PENDING);
            assertThat(kyc.identity().residency()).isEqualTo("CN");
            assertThat(open.onboarding.refusals(ALICE)).isEmpty();
        }
    }

    @Test
    void shouldStoreDocumentsAndIdentitySealedAndReferenceDocumentsByHash() throws Exception {
        h.signUp(ALICE);
        byte[] plaintext = PASSPORT_SCAN.getBytes(StandardCharsets.UTF_8);

        KycCase kyc = onboarding.submitKyc(ALICE, Harness.submission("CHAN Tai Man", "HK", PASSPORT_SCAN));

        String hash = sha256(plaintext);
        assertThat(kyc.documents()).singleElement().satisfies(d -> {
            assertThat(d.sha256()).isEqualTo(hash);
            assertThat(d.sizeBytes()).isEqualTo(plaintext.length);
        });
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement st = c.prepareStatement("SELECT d.sha256, d.ciphertext, k.identity_ciphertext"
                     + " FROM kyc_documents d JOIN kyc_cases k ON k.id = d.case_id");
             ResultSet rs = st.executeQuery()) {
            assertThat(rs.next()).isTrue();
            byte[] stored = rs.getBytes("ciphertext");
            assertThat(rs.getString("sha256")).isEqualTo(hash);
            assertThat(stored).isNotEqualTo(plaintext);
            assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("passport scan");
            assertThat(h.cipher.decrypt(stored)).isEqualTo(plaintext);
            String identity = new String(rs.getBytes("identity_ciphertext"), StandardCharsets.ISO_8859_1);
            assertThat(identity).doesNotContain("CHAN Tai Man").doesNotContain("A123456(7)").doesNotContain("Harbour");
        }
        KycDocument opened = onboarding.document(ALICE, hash);
        assertThat(opened.content()).isEqualTo(plaintext);
        assertThat(opened.ref().kind()).isEqualTo(DocumentKind.ID_DOCUMENT_FRONT);
        assertThat(onboarding.kycCase(ALICE, kyc.caseId()).identity()).isEqualTo(Harness.identity("CHAN Tai Man",
                "HK"));
    }

    @Test
    void shouldNeverShowOneClientAnotherClientsKycDataOrDocuments() throws Exception {
        h.signUp(ALICE);
        h.signUp(BOB);
        KycCase alices = onboarding.submitKyc(ALICE, Harness.submission("CHAN Tai Man", "HK", PASSPORT_SCAN));
        String aliceHash = alices.documents().getFirst().sha256();

        assertRefused(() -> onboarding.kycCase(BOB, alices.caseId()), OnboardingRefusal.NOT_OWNER);
        assertRefused(() -> onboarding.document(BOB, aliceHash), OnboardingRefusal.NOT_OWNER);
        assertRefused(() -> onboarding.kycCase(BOB, 424242), OnboardingRefusal.NOT_OWNER);
        assertThat(onboarding.latestKycCase(BOB)).isEmpty();

        // The same file uploaded by Bob is Bob's own copy; Alice's stays hers.
        KycCase bobs = onboarding.submitKyc(BOB, Harness.submission("LEE Siu Ming", "HK", PASSPORT_SCAN));
        assertThat(onboarding.document(BOB, aliceHash).ref().caseId()).isEqualTo(bobs.caseId());
        assertThat(onboarding.document(ALICE, aliceHash).ref().caseId()).isEqualTo(alices.caseId());
    }

    @Test
    void shouldRefuseAReviewByTheApplicantAndADecisionWithoutReason() {
        h.signUp(ALICE);
        KycCase kyc = onboarding.submitKyc(ALICE, Harness.submission("CHAN Tai Man", "HK", PASSPORT_SCAN));

        assertRefused(() -> onboarding.approve(kyc.caseId(), ALICE, "looks fine"), OnboardingRefusal.SELF_REVIEW);
        assertRefused(() -> onboarding.caseForReview(ALICE, kyc.caseId()), OnboardingRefusal.SELF_REVIEW);
        assertRefused(() -> onboarding.approve(kyc.caseId(), OFFICER, " "), OnboardingRefusal.REASON_REQUIRED);
        assertRefused(() -> onboarding.approve(424242, OFFICER, "ok"), OnboardingRefusal.UNKNOWN_CASE);

        assertThat(onboarding.pendingCases()).extracting(PendingCase::caseId).containsExactly(kyc.caseId());
        KycCase approved = onboarding.approve(kyc.caseId(), OFFICER, "HKID and proof of address match");
        assertThat(approved.state()).isEqualTo(KycCaseState.APPROVED);
        assertThat(approved.reviewedBy()).isEqualTo(OFFICER);
        assertThat(approved.reviewedAt()).isEqualTo(Harness.NOW);
        assertThat(onboarding.pendingCases()).isEmpty();
        assertRefused(() -> onboarding.reject(kyc.caseId(), OFFICER, "changed my mind"),
                OnboardingRefusal.CASE_NOT_PENDING);
    }

    @Test
    void shouldLetAnOfficerOpenTheCaseAndItsDocuments() {
        h.signUp(ALICE);
        KycCase kyc = onboarding.submitKyc(ALICE, Harness.submission("CHAN Tai Man", "HK", PASSPORT_SCAN));
        DocumentRef extra = onboarding.addDocument(ALICE, new DocumentUpload(DocumentKind.PROOF_OF_ADDRESS,
                "application/pdf", "utility bill".getBytes(StandardCharsets.UTF_8)));

        KycCase review = onboarding.caseForReview(OFFICER, kyc.caseId());

        assertThat(review.identity().legalName()).isEqualTo("CHAN Tai Man");
        assertThat(review.documents()).hasSize(2);
        assertThat(onboarding.documentForReview(OFFICER, kyc.caseId(), extra.sha256()).content())
                .isEqualTo("utility bill".getBytes(StandardCharsets.UTF_8));
        assertThat(onboarding.pendingCases()).singleElement()
                .satisfies(p -> assertThat(p.documentCount()).isEqualTo(2));
    }

    @Test
    void shouldKeepACaseWithAScreeningHitFromApprovalUntilCleared() {
        h.signUp(ALICE);
        h.listedNames.add("CHAN Tai Man");
        KycCase kyc = onboarding.submitKyc(ALICE, Harness.submission("CHAN Tai Man", "HK", PASSPORT_SCAN));
        assertThat(kyc.screening()).isEqualTo(ScreeningStatus.HIT);

        assertRefused(() -> onboarding.approve(kyc.caseId(), OFFICER, "ok"), OnboardingRefusal.SCREENING_HIT);
        assertThat(onboarding.caseForReview(OFFICER, kyc.caseId()).state()).isEqualTo(KycCaseState.PENDING);

        onboarding.recordScreening(kyc.caseId(), new ScreeningOutcome(ScreeningStatus.CLEAR, "LIST-42 false match"));
        assertThat(onboarding.approve(kyc.caseId(), OFFICER, "hit cleared as a false match").state())
                .isEqualTo(KycCaseState.APPROVED);
    }

    @Test
    void shouldKeepAnUnscreenedCaseFromApprovalWhenScreeningIsDown() {
        h.signUp(ALICE);
        h.screeningDown = true;
        KycCase kyc = onboarding.submitKyc(ALICE, Harness.submission("CHAN Tai Man", "HK", PASSPORT_SCAN));

        assertThat(kyc.screening()).isEqualTo(ScreeningStatus.UNAVAILABLE);
        assertRefused(() -> onboarding.approve(kyc.caseId(), OFFICER, "ok"), OnboardingRefusal.SCREENING_UNAVAILABLE);
    }

    @Test
    void shouldRefuseASecondSubmissionWhilePendingAndAcceptOneAfterRejection() {
        h.signUp(ALICE);
        KycCase first = onboarding.submitKyc(ALICE, Harness.submission("CHAN Tai Man", "HK", PASSPORT_SCAN));

        assertRefused(() -> onboarding.submitKyc(ALICE, Harness.submission("CHAN Tai Man", "HK", "other")),
                OnboardingRefusal.KYC_ALREADY_SUBMITTED);
        onboarding.reject(first.caseId(), OFFICER, "photo unreadable");
        assertThat(onboarding.readiness(ALICE).missing()).contains(TradingGate.KYC_PENDING);

        KycCase second = onboarding.submitKyc(ALICE, Harness.submission("CHAN Tai Man", "HK", "better photo"));
        assertThat(second.caseId()).isNotEqualTo(first.caseId());
        assertThat(onboarding.latestKycCase(ALICE).orElseThrow().caseId()).isEqualTo(second.caseId());
    }

    @Test
    void shouldRefuseMalformedIdentityAMinorAndAMissingDocument() {
        h.signUp(ALICE);
        KycIdentity good = Harness.identity("CHAN Tai Man", "HK");
        List<DocumentUpload> docs = List.of(Harness.document(PASSPORT_SCAN));

        assertRefused(() -> onboarding.submitKyc(ALICE, new KycSubmission(new KycIdentity(good.legalName(),
                good.dateOfBirth(), good.idDocumentType(), good.idDocumentNumber(), good.nationality(), "Hong Kong",
                good.address()), docs)), OnboardingRefusal.INVALID_KYC_DATA);
        assertRefused(() -> onboarding.submitKyc(ALICE, new KycSubmission(new KycIdentity(" ", good.dateOfBirth(),
                good.idDocumentType(), good.idDocumentNumber(), good.nationality(), "HK", good.address()), docs)),
                OnboardingRefusal.INVALID_KYC_DATA);
        assertRefused(() -> onboarding.submitKyc(ALICE, new KycSubmission(new KycIdentity(good.legalName(),
                LocalDate.of(2010, 1, 1), good.idDocumentType(), good.idDocumentNumber(), good.nationality(), "HK",
                good.address()), docs)), OnboardingRefusal.UNDER_MINIMUM_AGE);
        assertRefused(() -> onboarding.submitKyc(ALICE, new KycSubmission(good, List.of())),
                OnboardingRefusal.INVALID_DOCUMENT);
        assertRefused(() -> onboarding.submitKyc(BOB, new KycSubmission(good, docs)),
                OnboardingRefusal.UNKNOWN_ACCOUNT);
        assertThat(onboarding.latestKycCase(ALICE)).isEmpty();
    }

    @Test
    void shouldMoveAlongTheLifeCycleAndTellTheCore() {
        h.signUp(ALICE);

        assertRefused(() -> onboarding.changeStatus(ALICE, AccountStatus.ACTIVE, "officer-7", "manual"),
                OnboardingRefusal.GATES_NOT_MET);
        assertRefused(() -> onboarding.changeStatus(ALICE, AccountStatus.DORMANT, "officer-7", "idle"),
                OnboardingRefusal.TRANSITION_NOT_ALLOWED);
        onboarding.changeStatus(ALICE, AccountStatus.SUSPENDED, "officer-7", "fraud report");
        assertThat(h.coreStatus(ALICE)).isEqualTo(AccountStatus.SUSPENDED);
        onboarding.changeStatus(ALICE, AccountStatus.CLOSED, "officer-7", "fraud confirmed");
        assertThat(h.coreStatus(ALICE)).isEqualTo(AccountStatus.CLOSED);

        assertRefused(() -> onboarding.changeStatus(ALICE, AccountStatus.SUSPENDED, "officer-7", "again"),
                OnboardingRefusal.ACCOUNT_CLOSED);
        assertRefused(() -> onboarding.submitKyc(ALICE, Harness.submission("CHAN Tai Man", "HK", PASSPORT_SCAN)),
                OnboardingRefusal.ACCOUNT_CLOSED);
        assertThat(onboarding.statusHistory(ALICE)).extracting(StatusChange::to).containsExactly(
                AccountStatus.PENDING_KYC, AccountStatus.SUSPENDED, AccountStatus.CLOSED);
        assertThat(onboarding.statusHistory(ALICE).get(1).actor()).isEqualTo("officer-7");
    }

    @Test
    void shouldRecordNothingWhenTheCoreIsUnavailable() {
        h.signUp(ALICE);
        h.submitter.queueFull(true);

        assertRefused(() -> onboarding.changeStatus(ALICE, AccountStatus.SUSPENDED, "officer-7", "x"),
                OnboardingRefusal.CORE_UNAVAILABLE);
        assertRefused(() -> onboarding.register(BOB), OnboardingRefusal.CORE_UNAVAILABLE);

        assertThat(onboarding.account(ALICE).orElseThrow().status()).isEqualTo(AccountStatus.PENDING_KYC);
        assertThat(onboarding.account(BOB)).isEmpty();
    }
}
