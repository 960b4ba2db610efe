package io.lantau.compliance.onboarding;

import io.lantau.compliance.suitability.CoreCommands;
import io.lantau.compliance.suitability.Readiness;
import io.lantau.compliance.suitability.SuitabilityService;
import io.lantau.core.AccountStatus;
import io.lantau.core.InvestorClass;
import io.lantau.core.ResultCode;
import io.lantau.core.command.Command;
import io.lantau.core.command.SetAccountStatus;
import io.lantau.core.command.SetInvestorProfile;
import io.lantau.store.DuplicateKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client onboarding as an explicit state machine over the core's {@link AccountStatus} ({@link AccountLifecycle}):
 *
 * <ol>
 *   <li>{@link #register}: the account starts PENDING_KYC (the core is told, so it refuses the client's orders with
 *       ACCOUNT_NOT_ACTIVE), or ACTIVE at once if the profile requires neither KYC nor retail gates.</li>
 *   <li>{@link #submitKyc}: identity and documents, sealed at rest, documents referenced by the SHA-256 of their
 *       plaintext. A residency in the profile's blocked list is refused with BLOCKED_JURISDICTION (HK-06) and only
 *       the refusal is recorded. The applicant is name-screened through {@link NameScreening} (HK-24).</li>
 *   <li>The review queue ({@link #pendingCases}): a compliance officer who is not the applicant approves or rejects
 *       with a reason; a screening hit keeps a case from approval.</li>
 *   <li>Activation: when every gate holds (KYC approved; for retail clients the suitability gates; professional
 *       investors skip them) the account moves to ACTIVE. Approval and every suitability change try it
 *       ({@link #tryActivate}).</li>
 * </ol>
 *
 * <p>Status changes are sent to the core first ({@code SetAccountStatus}) and recorded, with their history, only if
 * the core accepts them. Identity data and documents are returned only to their owner or to a reviewing officer who
 * is not the applicant; the endpoints must authenticate the requester and, for officer methods, check the officer
 * role. Thread-safe: changes to one account are serialised. Times come from the clock given.
 */
public final class OnboardingService {
    /** The largest document accepted, in bytes (10 MiB). */
    public static final int MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
    /** The most documents one KYC case may hold. */
    public static final int MAX_DOCUMENTS_PER_CASE = 10;
    /** The actor name recorded for changes the service makes itself. */
    public static final String SYSTEM_ACTOR = "onboarding";

    private static final Logger LOG = LoggerFactory.getLogger(OnboardingService.class);
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final int LOCK_STRIPES = 64;
    private static final int MAX_NAME = 256;
    private static final int MAX_ID_NUMBER = 64;
    private static final int MAX_ADDRESS = 1024;
    private static final int MAX_CONTENT_TYPE = 128;
    private static final int MAX_REASON = 1024;
    private static final int MAX_ACTOR = 64;
    private static final int MAX_SCREENING_REFERENCE = 128;
    private static final int MAX_QUEUE = 500;

    private final OnboardingSettings settings;
    private final OnboardingStore accounts;
    private final KycStore kyc;
    private final CoreCommands core;
    private final DocumentCipher cipher;
    private final NameScreening screening;
    private final SuitabilityService suitability;
    private final Clock clock;
    private final Object[] locks = new Object[LOCK_STRIPES];
    private final List<java.util.function.Consumer<KycCase>> decisionListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Builds the service and subscribes it to the suitability service's gate changes, so that the last gate to
     * pass activates the account.
     *
     * @param settings    the profile's {@code onboarding} section.
     * @param dataSource  the migrated store.
     * @param core        how commands reach the core.
     * @param cipher      seals identity data and documents at rest.
     * @param screening   the name-screening call point (HK-24).
     * @param suitability the retail gates; built with a {@link KycClearance} over the same settings and store.
     * @param clock       the wall clock records are stamped with.
     */
    public OnboardingService(OnboardingSettings settings, DataSource dataSource, CoreCommands core,
            DocumentCipher cipher, NameScreening screening, SuitabilityService suitability, Clock clock) {
        this.settings = Objects.requireNonNull(settings);
        this.accounts = new OnboardingStore(Objects.requireNonNull(dataSource));
        this.kyc = new KycStore(dataSource);
        this.core = Objects.requireNonNull(core);
        this.cipher = Objects.requireNonNull(cipher);
        this.screening = Objects.requireNonNull(screening);
        this.suitability = Objects.requireNonNull(suitability);
        this.clock = Objects.requireNonNull(clock);
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new Object();
        }
        suitability.addGateListener(this::activateQuietly);
    }

    /**
     * Adds a listener told of every KYC decision (approved or rejected) once stored, on the deciding thread: the
     * wiring records it in the audit trail (HK-33). A listener's exception reaches the caller; the decision stands.
     */
    public void addDecisionListener(java.util.function.Consumer<KycCase> listener) {
        decisionListeners.add(Objects.requireNonNull(listener));
    }

    /** @return the settings in force. */
    public OnboardingSettings settings() {
        return settings;
    }

    // ---------------------------------------------------------------- registration and life cycle

    /**
     * Registers a new client whose core account is open: PENDING_KYC, or ACTIVE if no gate applies under the
     * profile. Sends the status to the core (accounts open ACTIVE there) and records it once accepted. With retail
     * gates on, an unclassified client is first set RETAIL with a limit of 0 in the core (fail closed; the
     * classification service replaces it).
     *
     * @throws OnboardingException ALREADY_REGISTERED; CORE_UNAVAILABLE; CORE_REFUSED (e.g. no such core account).
     */
    public OnboardingAccount register(long accountId) {
        synchronized (lockFor(accountId)) {
            if (accounts.find(accountId).isPresent()) {
                throw new OnboardingException(OnboardingRefusal.ALREADY_REGISTERED,
                        "account " + accountId + " is registered already");
            }
            boolean ready = suitability.readiness(accountId).ready();
            AccountStatus status = ready ? AccountStatus.ACTIVE : AccountStatus.PENDING_KYC;
            if (suitability.settings().retailGates() && suitability.classification(accountId).isEmpty()) {
                // Fail closed (HK-01, HK-04): until classified, the core treats the client as retail with no room
                // for virtual assets, whatever later sets its status.
                send(new SetInvestorProfile(accountId, InvestorClass.RETAIL, 0));
            }
            send(new SetAccountStatus(accountId, status));
            try {
                return accounts.register(accountId, status, SYSTEM_ACTOR,
                        ready ? "registered; no onboarding gate applies" : "registered", clock.instant());
            } catch (DuplicateKeyException e) {
                throw new OnboardingException(OnboardingRefusal.ALREADY_REGISTERED,
                        "account " + accountId + " is registered already");
            }
        }
    }

    /** @return the account's onboarding record, if registered. */
    public Optional<OnboardingAccount> account(long accountId) {
        return accounts.find(accountId);
    }

    /** @return every status change of the account, oldest first. */
    public List<StatusChange> statusHistory(long accountId) {
        return accounts.history(accountId);
    }

    /** @return the refusals kept on record for the account (blocked residencies, HK-06). */
    public List<RecordedRefusal> refusals(long accountId) {
        return accounts.refusals(accountId);
    }

    /**
     * @return the gates the client still misses before it may trade (KYC_PENDING, CLASSIFICATION_REQUIRED,
     *         KNOWLEDGE_ASSESSMENT_REQUIRED, RISK_PROFILE_REQUIRED, DISCLOSURE_ACK_REQUIRED).
     */
    public Readiness readiness(long accountId) {
        return suitability.readiness(accountId);
    }

    /**
     * Activates a PENDING_KYC account if every gate holds; otherwise leaves it as it is.
     *
     * @return the readiness found (ready ⇒ the account is ACTIVE now, or was already past onboarding).
     * @throws OnboardingException UNKNOWN_ACCOUNT; CORE_UNAVAILABLE; CORE_REFUSED.
     */
    public Readiness tryActivate(long accountId) {
        synchronized (lockFor(accountId)) {
            OnboardingAccount account = require(accountId);
            Readiness readiness = suitability.readiness(accountId);
            if (readiness.ready() && account.status() == AccountStatus.PENDING_KYC && !screening.holds(accountId)) {
                move(account, AccountStatus.ACTIVE, SYSTEM_ACTOR, "every onboarding gate holds");
            }
            return readiness;
        }
    }

    /**
     * Activates a PENDING_KYC account.
     *
     * @throws OnboardingException UNKNOWN_ACCOUNT; GATES_NOT_MET (HK-01 .. HK-08) with the gates missing;
     *                             TRANSITION_NOT_ALLOWED if the account is not PENDING_KYC; CORE_UNAVAILABLE;
     *                             CORE_REFUSED.
     */
    public OnboardingAccount activate(long accountId) {
        synchronized (lockFor(accountId)) {
            OnboardingAccount account = require(accountId);
            if (account.status() != AccountStatus.PENDING_KYC) {
                throw new OnboardingException(OnboardingRefusal.TRANSITION_NOT_ALLOWED,
                        "account " + accountId + " is " + account.status() + ", not PENDING_KYC");
            }
            requireGates(accountId);
            if (screening.holds(accountId)) {
                throw new OnboardingException(OnboardingRefusal.SCREENING_HIT,
                        "a name-screening case holds account " + accountId);
            }
            return move(account, AccountStatus.ACTIVE, SYSTEM_ACTOR, "every onboarding gate holds");
        }
    }

    /**
     * Moves an account along the life cycle ({@link AccountLifecycle}) for a compliance reason: monitoring (HK-06),
     * a screening hit (HK-24), suspension, dormancy (HK-21), reactivation, closure. A move to ACTIVE needs every gate
     * to hold.
     *
     * @param actor  who decides: an officer's id or a service's name, 1 to 64 characters.
     * @param reason why, for the record.
     * @throws OnboardingException UNKNOWN_ACCOUNT; ACCOUNT_CLOSED; TRANSITION_NOT_ALLOWED; GATES_NOT_MET;
     *                             REASON_REQUIRED; CORE_UNAVAILABLE; CORE_REFUSED.
     */
    public OnboardingAccount changeStatus(long accountId, AccountStatus target, String actor, String reason) {
        Objects.requireNonNull(target, "target");
        requireReason(reason);
        if (actor == null || actor.isBlank() || actor.length() > MAX_ACTOR) {
            throw new IllegalArgumentException("actor must be 1 to " + MAX_ACTOR + " characters");
        }
        synchronized (lockFor(accountId)) {
            OnboardingAccount account = require(accountId);
            if (account.status() == AccountStatus.CLOSED) {
                throw new OnboardingException(OnboardingRefusal.ACCOUNT_CLOSED, "account " + accountId
                        + " is closed");
            }
            if (!AccountLifecycle.allows(account.status(), target)) {
                throw new OnboardingException(OnboardingRefusal.TRANSITION_NOT_ALLOWED,
                        account.status() + " → " + target + " is not a transition of the life cycle");
            }
            if (target == AccountStatus.ACTIVE) {
                requireGates(accountId);
            }
            return move(account, target, actor, reason);
        }
    }

    // ---------------------------------------------------------------- KYC submission and the client's own view

    /**
     * Submits KYC. Checks, in order: the account is registered and open; the residency (HK-06: a blocked residency
     * is refused, and only the refusal is recorded); the identity data and the age; the documents. Then screens the
     * name (HK-24; an exception counts as UNAVAILABLE), seals identity and documents, and opens a PENDING case.
     *
     * @throws OnboardingException UNKNOWN_ACCOUNT; ACCOUNT_CLOSED; BLOCKED_JURISDICTION (HK-06); INVALID_KYC_DATA;
     *                             UNDER_MINIMUM_AGE; INVALID_DOCUMENT; KYC_ALREADY_SUBMITTED.
     */
    public KycCase submitKyc(long accountId, KycSubmission submission) {
        Objects.requireNonNull(submission, "submission");
        KycIdentity identity = submission.identity();
        synchronized (lockFor(accountId)) {
            requireOpen(accountId);
            if (identity == null || !isCountry(identity.residency())) {
                throw new OnboardingException(OnboardingRefusal.INVALID_KYC_DATA,
                        "the residency must be an ISO 3166-1 alpha-2 country code");
            }
            if (settings.blocks(identity.residency())) {
                // HK-06: refuse and keep nothing but the refusal.
                accounts.recordRefusal(accountId, OnboardingRefusal.BLOCKED_JURISDICTION, identity.residency(),
                        clock.instant());
                throw new OnboardingException(OnboardingRefusal.BLOCKED_JURISDICTION,
                        "residents of " + identity.residency() + " cannot be onboarded under this profile");
            }
            validate(identity);
            validateDocuments(submission.documents(), settings.realNameRequired() ? 1 : 0);
            Optional<KycStore.CaseRow> latest = kyc.latestCase(accountId);
            if (latest.isPresent() && latest.get().state() != KycCaseState.REJECTED) {
                throw new OnboardingException(OnboardingRefusal.KYC_ALREADY_SUBMITTED,
                        "KYC case " + latest.get().caseId() + " is " + latest.get().state());
            }
            ScreeningOutcome outcome = screen(accountId, identity);
            Instant now = clock.instant();
            List<KycStore.DocumentRow> rows = new ArrayList<>();
            for (DocumentUpload upload : submission.documents()) {
                rows.add(seal(upload, now));
            }
            long caseId = kyc.insertCase(accountId, identity.nationality(), identity.residency(),
                    cipher.encrypt(IdentityCodec.encode(identity)), outcome, now, rows);
            return open(kyc.findCase(caseId).orElseThrow());
        }
    }

    /**
     * Adds a document to the client's pending KYC case (same document twice: kept once).
     *
     * @throws OnboardingException UNKNOWN_ACCOUNT; ACCOUNT_CLOSED; NO_PENDING_CASE; INVALID_DOCUMENT.
     */
    public DocumentRef addDocument(long accountId, DocumentUpload upload) {
        synchronized (lockFor(accountId)) {
            requireOpen(accountId);
            KycStore.CaseRow pending = kyc.latestCase(accountId).filter(c -> c.state() == KycCaseState.PENDING)
                    .orElseThrow(() -> new OnboardingException(OnboardingRefusal.NO_PENDING_CASE,
                            "account " + accountId + " has no KYC case under review"));
            List<DocumentRef> existing = kyc.documents(pending.caseId());
            validateDocuments(List.of(upload), 1);
            String hash = sha256(upload.content());
            for (DocumentRef ref : existing) {
                if (ref.sha256().equals(hash)) {
                    return ref;
                }
            }
            if (existing.size() >= MAX_DOCUMENTS_PER_CASE) {
                throw new OnboardingException(OnboardingRefusal.INVALID_DOCUMENT,
                        "a KYC case holds at most " + MAX_DOCUMENTS_PER_CASE + " documents");
            }
            KycStore.DocumentRow row = seal(upload, clock.instant());
            kyc.insertDocument(pending.caseId(), accountId, row);
            return new DocumentRef(pending.caseId(), row.sha256(), row.kind(), row.contentType(), row.sizeBytes(),
                    row.uploadedAt());
        }
    }

    /** @return the requester's latest KYC case, opened, if any. */
    public Optional<KycCase> latestKycCase(long requesterAccountId) {
        return kyc.latestCase(requesterAccountId).map(this::open);
    }

    /**
     * @return the requester's own KYC case, opened.
     * @throws OnboardingException NOT_OWNER (HK-23) if the requester has no such case (whether it exists is not
     *                             revealed).
     */
    public KycCase kycCase(long requesterAccountId, long caseId) {
        KycStore.CaseRow row = kyc.findCase(caseId).filter(c -> c.accountId() == requesterAccountId)
                .orElseThrow(() -> new OnboardingException(OnboardingRefusal.NOT_OWNER,
                        "no KYC case " + caseId + " of this client"));
        return open(row);
    }

    /**
     * @param sha256 the document's reference (lowercase hex SHA-256 of its plaintext).
     * @return the requester's own document, decrypted.
     * @throws OnboardingException NOT_OWNER (HK-23) if the requester has no document with that hash (whether
     *                             someone else has is not revealed).
     */
    public KycDocument document(long requesterAccountId, String sha256) {
        KycStore.SealedDocument sealed = kyc.documentOfAccount(requesterAccountId, normalise(sha256))
                .orElseThrow(() -> new OnboardingException(OnboardingRefusal.NOT_OWNER,
                        "no document " + sha256 + " of this client"));
        return new KycDocument(sealed.ref(), cipher.decrypt(sealed.ciphertext()));
    }

    // ---------------------------------------------------------------- the review queue (compliance officers)

    /** @return the pending KYC cases, oldest first (at most 500), without their sealed identities. */
    public List<PendingCase> pendingCases() {
        return kyc.pending(MAX_QUEUE);
    }

    /**
     * Opens a case for review.
     *
     * @throws OnboardingException UNKNOWN_CASE; SELF_REVIEW if the officer is the applicant.
     */
    public KycCase caseForReview(long officerId, long caseId) {
        return open(reviewable(officerId, caseId));
    }

    /**
     * Opens a document of a case for review.
     *
     * @throws OnboardingException UNKNOWN_CASE; SELF_REVIEW; NOT_OWNER if the case has no document with that hash.
     */
    public KycDocument documentForReview(long officerId, long caseId, String sha256) {
        KycStore.CaseRow row = reviewable(officerId, caseId);
        KycStore.SealedDocument sealed = kyc.documentOfCase(row.caseId(), normalise(sha256))
                .orElseThrow(() -> new OnboardingException(OnboardingRefusal.NOT_OWNER,
                        "case " + caseId + " has no document " + sha256));
        return new KycDocument(sealed.ref(), cipher.decrypt(sealed.ciphertext()));
    }

    /**
     * Approves a pending case, then activates the account if every other gate holds too (a failure to reach the core
     * then leaves the approval standing and the account PENDING_KYC; {@link #tryActivate} again).
     *
     * @throws OnboardingException UNKNOWN_CASE; SELF_REVIEW (HK-01, HK-24); REASON_REQUIRED; CASE_NOT_PENDING;
     *                             SCREENING_HIT (HK-24); SCREENING_UNAVAILABLE (HK-24).
     */
    public KycCase approve(long caseId, long officerId, String reason) {
        requireReason(reason);
        KycStore.CaseRow row = reviewable(officerId, caseId);
        KycCase decided;
        synchronized (lockFor(row.accountId())) {
            row = kyc.findCase(caseId).orElseThrow();
            if (row.state() != KycCaseState.PENDING) {
                throw new OnboardingException(OnboardingRefusal.CASE_NOT_PENDING, "case " + caseId + " is "
                        + row.state());
            }
            if (row.screening() == ScreeningStatus.HIT) {
                throw new OnboardingException(OnboardingRefusal.SCREENING_HIT, "case " + caseId
                        + " has a name-screening hit " + row.screeningReference() + " under review");
            }
            if (row.screening() == ScreeningStatus.UNAVAILABLE) {
                throw new OnboardingException(OnboardingRefusal.SCREENING_UNAVAILABLE,
                        "case " + caseId + " has not been screened");
            }
            decided = decide(row, KycCaseState.APPROVED, officerId, reason);
        }
        KycCase approved = decided;
        decisionListeners.forEach(l -> l.accept(approved));
        activateQuietly(row.accountId());
        return decided;
    }

    /**
     * Rejects a pending case; the client may submit again.
     *
     * @throws OnboardingException UNKNOWN_CASE; SELF_REVIEW; REASON_REQUIRED; CASE_NOT_PENDING.
     */
    public KycCase reject(long caseId, long officerId, String reason) {
        requireReason(reason);
        KycStore.CaseRow row = reviewable(officerId, caseId);
        synchronized (lockFor(row.accountId())) {
            row = kyc.findCase(caseId).orElseThrow();
            if (row.state() != KycCaseState.PENDING) {
                throw new OnboardingException(OnboardingRefusal.CASE_NOT_PENDING, "case " + caseId + " is "
                        + row.state());
            }
            KycCase decided = decide(row, KycCaseState.REJECTED, officerId, reason);
            decisionListeners.forEach(l -> l.accept(decided));
            return decided;
        }
    }

    /**
     * Records a later screening result for a case (HK-24): the screening service calls it when a hit is cleared or
     * confirmed, or when an unavailable screening is redone. It does not change the case's state; an approved client
     * found on a list is moved with {@link #changeStatus} (e.g. to RESTRICTED).
     *
     * @throws OnboardingException UNKNOWN_CASE.
     */
    public KycCase recordScreening(long caseId, ScreeningOutcome outcome) {
        Objects.requireNonNull(outcome, "outcome");
        if (outcome.reference() != null && outcome.reference().length() > MAX_SCREENING_REFERENCE) {
            throw new IllegalArgumentException("screening reference longer than " + MAX_SCREENING_REFERENCE);
        }
        KycStore.CaseRow row = kyc.findCase(caseId).orElseThrow(() -> new OnboardingException(
                OnboardingRefusal.UNKNOWN_CASE, "no KYC case " + caseId));
        synchronized (lockFor(row.accountId())) {
            kyc.setScreening(caseId, outcome);
            return open(kyc.findCase(caseId).orElseThrow());
        }
    }

    // ---------------------------------------------------------------- internals

    private KycCase decide(KycStore.CaseRow row, KycCaseState state, long officerId, String reason) {
        if (!kyc.decide(row.caseId(), state, officerId, reason, clock.instant())) {
            throw new OnboardingException(OnboardingRefusal.CASE_NOT_PENDING, "case " + row.caseId()
                    + " was decided meanwhile");
        }
        return open(kyc.findCase(row.caseId()).orElseThrow());
    }

    private KycStore.CaseRow reviewable(long officerId, long caseId) {
        KycStore.CaseRow row = kyc.findCase(caseId).orElseThrow(() -> new OnboardingException(
                OnboardingRefusal.UNKNOWN_CASE, "no KYC case " + caseId));
        if (row.accountId() == officerId) {
            throw new OnboardingException(OnboardingRefusal.SELF_REVIEW,
                    "an officer may not review their own KYC case");
        }
        return row;
    }

    private void activateQuietly(long accountId) {
        try {
            if (accounts.find(accountId).isPresent()) {
                tryActivate(accountId);
            }
        } catch (RuntimeException e) {
            // The gate change is recorded; activation is retried by the next change or an explicit tryActivate.
            LOG.warn("activation of account {} deferred: {}", accountId, e.getMessage());
        }
    }

    private void requireGates(long accountId) {
        Readiness readiness = suitability.readiness(accountId);
        if (!readiness.ready()) {
            throw new OnboardingException(OnboardingRefusal.GATES_NOT_MET,
                    "account " + accountId + " misses " + readiness.missing(), readiness.missing());
        }
    }

    private OnboardingAccount move(OnboardingAccount account, AccountStatus target, String actor, String reason) {
        send(new SetAccountStatus(account.accountId(), target));
        Instant now = clock.instant();
        if (!accounts.changeStatus(account.accountId(), account.status(), target, actor, reason, now)) {
            // Only this service writes the status, under the account's lock.
            throw new IllegalStateException("account " + account.accountId() + " changed status concurrently");
        }
        return new OnboardingAccount(account.accountId(), target, account.registeredAt(), now);
    }

    private void send(Command command) {
        ResultCode code;
        try {
            code = core.send(command);
        } catch (CoreCommands.Unavailable e) {
            throw new OnboardingException(OnboardingRefusal.CORE_UNAVAILABLE, e.getMessage());
        }
        if (code != ResultCode.OK) {
            throw new OnboardingException(OnboardingRefusal.CORE_REFUSED, "the core answered " + code + " to "
                    + command);
        }
    }

    private OnboardingAccount require(long accountId) {
        return accounts.find(accountId).orElseThrow(() -> new OnboardingException(
                OnboardingRefusal.UNKNOWN_ACCOUNT, "account " + accountId + " is not registered"));
    }

    private void requireOpen(long accountId) {
        if (require(accountId).status() == AccountStatus.CLOSED) {
            throw new OnboardingException(OnboardingRefusal.ACCOUNT_CLOSED, "account " + accountId + " is closed");
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            throw new OnboardingException(OnboardingRefusal.REASON_REQUIRED,
                    "a reason of 1 to " + MAX_REASON + " characters is required");
        }
    }

    private void validate(KycIdentity id) {
        if (!isCountry(id.nationality())) {
            throw invalid("the nationality must be an ISO 3166-1 alpha-2 country code");
        }
        boolean full = settings.realNameRequired();
        if (tooLongOrMissing(id.legalName(), MAX_NAME, full) || tooLongOrMissing(id.idDocumentNumber(),
                MAX_ID_NUMBER, full) || tooLongOrMissing(id.address(), MAX_ADDRESS, full)) {
            throw invalid("legal name (≤ 256), ID document number (≤ 64) and address (≤ 1,024) are required");
        }
        if (id.dateOfBirth() == null || id.idDocumentType() == null) {
            throw invalid("the date of birth and the ID document type are required");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (!id.dateOfBirth().isBefore(today)) {
            throw invalid("the date of birth must be in the past");
        }
        if (Period.between(id.dateOfBirth(), today).getYears() < settings.minimumAgeYears()) {
            throw new OnboardingException(OnboardingRefusal.UNDER_MINIMUM_AGE,
                    "applicants must be at least " + settings.minimumAgeYears() + " years old");
        }
    }

    private static boolean tooLongOrMissing(String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            return required || value == null;
        }
        return value.length() > max;
    }

    private static void validateDocuments(List<DocumentUpload> documents, int minimum) {
        if (documents.size() < minimum || documents.size() > MAX_DOCUMENTS_PER_CASE) {
            throw new OnboardingException(OnboardingRefusal.INVALID_DOCUMENT,
                    "a KYC case needs " + minimum + " to " + MAX_DOCUMENTS_PER_CASE + " documents");
        }
        for (DocumentUpload d : documents) {
            if (d == null || d.kind() == null || d.content() == null || d.content().length == 0
                    || d.content().length > MAX_DOCUMENT_BYTES || d.contentType() == null
                    || d.contentType().isBlank() || d.contentType().length() > MAX_CONTENT_TYPE) {
                throw new OnboardingException(OnboardingRefusal.INVALID_DOCUMENT,
                        "a document needs a kind, a media type and 1 byte to 10 MiB of content");
            }
        }
    }

    private KycStore.DocumentRow seal(DocumentUpload upload, Instant at) {
        return new KycStore.DocumentRow(sha256(upload.content()), upload.kind(), upload.contentType(),
                upload.content().length, cipher.encrypt(upload.content()), at);
    }

    private ScreeningOutcome screen(long accountId, KycIdentity identity) {
        try {
            ScreeningOutcome outcome = screening.screen(accountId, identity);
            return outcome == null ? new ScreeningOutcome(ScreeningStatus.UNAVAILABLE, null) : outcome;
        } catch (RuntimeException e) {
            LOG.warn("name screening of account {} failed: {}", accountId, e.toString());
            return new ScreeningOutcome(ScreeningStatus.UNAVAILABLE, null);
        }
    }

    private KycCase open(KycStore.CaseRow row) {
        KycIdentity identity = IdentityCodec.decode(cipher.decrypt(row.identityCiphertext()));
        return new KycCase(row.caseId(), row.accountId(), row.state(), identity, kyc.documents(row.caseId()),
                row.screening(), row.screeningReference(), row.submittedAt(), row.reviewedBy(), row.reviewReason(),
                row.reviewedAt());
    }

    private Object lockFor(long accountId) {
        return locks[(int) (accountId & (LOCK_STRIPES - 1))];
    }

    private static OnboardingException invalid(String message) {
        return new OnboardingException(OnboardingRefusal.INVALID_KYC_DATA, message);
    }

    private static boolean isCountry(String code) {
        return code != null && COUNTRIES.contains(code);
    }

    private static String normalise(String sha256) {
        return sha256 == null ? "" : sha256.toLowerCase(Locale.ROOT);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
