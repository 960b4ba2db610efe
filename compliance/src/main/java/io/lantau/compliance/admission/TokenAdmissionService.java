package io.lantau.compliance.admission;

import io.lantau.store.Jdbc;
import io.lantau.core.RetailAccess;
import io.lantau.core.command.SetRetailAccess;
import io.lantau.store.DuplicateKeyException;
import io.lantau.store.dispatch.AppliedCommandListener;
import io.lantau.store.dispatch.CommandRecord;
import io.lantau.store.dispatch.CommandSubmitter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token admission register and the committee's decisions (HK-10 .. HK-14).
 *
 * <ul>
 *   <li>HK-10: {@link TokenRecord#retailEligible()} is computed from the current index memberships under the profile's
 *       {@link TokenAdmissionSettings} ({@link RetailEligibility}).</li>
 *   <li>HK-11, HK-12: an {@link Decision#ADMITTED} decision is refused while a factor of VATP 7.6 (a)-(j) has no
 *       record or an unsatisfactory one, while an asset with smart contracts has no audit artefact, or while an asset
 *       that is not a security token has less than {@code trackRecordMonths} since issue.</li>
 *   <li>HK-13: a decision needs {@code committeeQuorum} distinct voters, a majority in favour and written reasons;
 *       assets without a decision for {@code reviewEveryDays} are listed by {@link #overdueReviews()}.</li>
 *   <li>HK-14: removing an index membership that makes an admitted asset lose eligibility opens a review task and
 *       changes nothing in trading; only a committee decision does, by sending {@code SetRetailAccess} for each of the
 *       asset's markets (ADMITTED: ELIGIBLE if retail-eligible, else NOT_ELIGIBLE; RETAIL_SELL_ONLY: SELL_ONLY;
 *       SUSPENDED and WITHDRAWN: NOT_ELIGIBLE).</li>
 * </ul>
 *
 * <p>Registering an asset sends nothing: the core's markets keep their retail access until the committee decides.
 * The store is the record and is written before a command is sent; {@link #reassertRetailAccess()} sends every
 * decided asset's access again (idempotent in the core), for start-up and after an overload.
 *
 * <p>Thread-safe: methods that change state are serialised on this object.
 */
public final class TokenAdmissionService {
    private static final Logger LOG = LoggerFactory.getLogger(TokenAdmissionService.class);
    private static final int MAX_CODE = 16;
    private static final int MAX_NAME = 128;
    private static final int MAX_ID = 64;
    private static final int MAX_LINK = 1024;
    private static final int MAX_TEXT = 4000;
    private static final Set<AdmissionStatus> TRADED = EnumSet.of(AdmissionStatus.ADMITTED,
            AdmissionStatus.RETAIL_SELL_ONLY, AdmissionStatus.SUSPENDED);

    private final DataSource dataSource;
    private final CommandSubmitter submitter;
    private final TokenAdmissionSettings settings;
    private final Clock clock;
    private final TokenRegisterRepository repository = new TokenRegisterRepository();
    private final AppliedCommandListener accessListener = this::onAccessApplied;

    /**
     * @param dataSource the migrated store.
     * @param submitter  where retail-access commands go (the journaled core).
     * @param settings   the profile's section {@code "tokenAdmission"}.
     * @param clock      wall clock for record times, the track record and overdue reviews.
     */
    public TokenAdmissionService(DataSource dataSource, CommandSubmitter submitter, TokenAdmissionSettings settings,
            Clock clock) {
        this.dataSource = dataSource;
        this.submitter = submitter;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Registers an asset for due diligence (status PROPOSED).
     *
     * @throws AdmissionException INVALID_ARGUMENT or ASSET_EXISTS.
     */
    public synchronized TokenRecord register(TokenApplication application) {
        validate(application);
        Instant now = clock.instant();
        try {
            return tx("register asset", c -> {
                if (repository.findAsset(c, application.assetCode()).isPresent()) {
                    throw new AdmissionException(AdmissionRefusal.ASSET_EXISTS, application.assetCode());
                }
                repository.insertAsset(c, application, now);
                return load(c, application.assetCode());
            });
        } catch (DuplicateKeyException e) {
            throw new AdmissionException(AdmissionRefusal.ASSET_EXISTS, application.assetCode());
        }
    }

    /**
     * Records (or replaces) the due-diligence record of one factor of VATP 7.6 (HK-12).
     *
     * @throws AdmissionException INVALID_ARGUMENT or UNKNOWN_ASSET.
     */
    public synchronized TokenRecord recordDueDiligence(String assetCode, DueDiligenceFactor factor,
            String evidenceLink, String reviewerId, DueDiligenceOutcome outcome, String notes) {
        require(factor != null && outcome != null, "factor and outcome are required");
        requireText(evidenceLink, "evidenceLink", MAX_LINK);
        requireText(reviewerId, "reviewerId", MAX_ID);
        require(notes == null || notes.length() <= MAX_TEXT, "notes too long");
        DueDiligenceRecord record = new DueDiligenceRecord(factor, evidenceLink.strip(), reviewerId.strip(), outcome,
                notes, clock.instant());
        return tx("record due diligence", c -> {
            existing(c, assetCode);
            repository.putDueDiligence(c, assetCode, record);
            return load(c, assetCode);
        });
    }

    /**
     * Records (or replaces) the smart-contract audit artefact (HK-11).
     *
     * @throws AdmissionException INVALID_ARGUMENT or UNKNOWN_ASSET.
     */
    public synchronized TokenRecord recordContractAudit(String assetCode, ContractAudit audit) {
        require(audit != null && audit.kind() != null, "audit is required");
        requireText(audit.recordedBy(), "recordedBy", MAX_ID);
        if (audit.kind() == ContractAudit.Kind.AUDIT_REPORT) {
            requireText(audit.auditor(), "auditor", MAX_NAME);
            requireText(audit.reportLink(), "reportLink", MAX_LINK);
        } else {
            requireText(audit.rationale(), "rationale", MAX_TEXT);
        }
        ContractAudit stamped = new ContractAudit(audit.kind(), audit.auditor(), audit.reportLink(),
                audit.rationale(), audit.recordedBy().strip(), clock.instant());
        return tx("record contract audit", c -> {
            existing(c, assetCode);
            repository.putAudit(c, assetCode, stamped);
            return load(c, assetCode);
        });
    }

    /**
     * Records the asset's inclusion in an index (HK-10). Never changes trading: a newly eligible admitted asset is
     * opened to retail by the committee's next ADMITTED decision.
     *
     * @throws AdmissionException INVALID_ARGUMENT, UNKNOWN_ASSET or INDEX_MEMBERSHIP_EXISTS.
     */
    public synchronized MembershipChange addIndexMembership(String assetCode, IndexMembership membership) {
        require(membership != null && membership.asOfDate() != null, "membership and asOfDate are required");
        requireText(membership.indexId(), "indexId", MAX_ID);
        requireText(membership.provider(), "provider", MAX_NAME);
        return tx("add index membership", c -> {
            existing(c, assetCode);
            for (IndexMembership m : repository.memberships(c, assetCode)) {
                if (m.indexId().equals(membership.indexId())) {
                    throw new AdmissionException(AdmissionRefusal.INDEX_MEMBERSHIP_EXISTS, membership.indexId());
                }
            }
            repository.insertMembership(c, assetCode, membership, clock.instant());
            return new MembershipChange(load(c, assetCode), Optional.empty());
        });
    }

    /**
     * Records that the asset left an index. If an admitted asset thereby loses retail eligibility, a
     * RETAIL_ELIGIBILITY_LOST review task is opened for the committee; trading is not changed (HK-14: no automatic
     * suspension).
     *
     * @throws AdmissionException UNKNOWN_ASSET or UNKNOWN_INDEX_MEMBERSHIP.
     */
    public synchronized MembershipChange removeIndexMembership(String assetCode, String indexId) {
        requireText(indexId, "indexId", MAX_ID);
        Instant now = clock.instant();
        return tx("remove index membership", c -> {
            TokenRegisterRepository.AssetRow asset = existing(c, assetCode);
            boolean wasEligible = RetailEligibility.of(settings, repository.memberships(c, assetCode)).eligible();
            if (!repository.removeMembership(c, assetCode, indexId, now)) {
                throw new AdmissionException(AdmissionRefusal.UNKNOWN_INDEX_MEMBERSHIP, indexId);
            }
            RetailEligibility after = RetailEligibility.of(settings, repository.memberships(c, assetCode));
            Optional<ReviewTask> task = Optional.empty();
            if (wasEligible && !after.eligible() && TRADED.contains(asset.status())) {
                String detail = "Left index " + indexId + "; now in " + after.acceptableIndices()
                        + " acceptable indices from " + after.providers() + " providers"
                        + (after.tradFiProvider() ? "" : ", none with conventional-market experience")
                        + ". Retail access stays " + asset.retailAccess() + " until the committee decides (HK-14).";
                task = Optional.of(repository.insertTask(c, assetCode, ReviewTask.Reason.RETAIL_ELIGIBILITY_LOST,
                        detail, now));
                LOG.info("{} lost retail eligibility; review task {} opened", assetCode, task.get().taskId());
            }
            return new MembershipChange(load(c, assetCode), task);
        });
    }

    /**
     * Records a decision of the Token Admission &amp; Review Committee (HK-13) and applies it: the asset's status
     * changes, its open review tasks close, and {@code SetRetailAccess} goes to the core for each of its markets.
     *
     * @param assetCode the asset.
     * @param outcome   what the committee decides.
     * @param votes     every member's vote; at least the profile's quorum, each member once, a majority in favour.
     * @param reasons   the documented reasons.
     * @return the recorded decision.
     * @throws AdmissionException UNKNOWN_ASSET, INVALID_ARGUMENT, REASONS_REQUIRED, DUPLICATE_VOTER, QUORUM_NOT_MET,
     *                            MOTION_NOT_CARRIED, INVALID_TRANSITION, or (for ADMITTED)
     *                            DUE_DILIGENCE_INCOMPLETE, DUE_DILIGENCE_UNSATISFACTORY,
     *                            SMART_CONTRACT_AUDIT_MISSING, TRACK_RECORD_TOO_SHORT.
     */
    public synchronized CommitteeDecision decide(String assetCode, Decision outcome, List<Vote> votes,
            String reasons) {
        require(outcome != null && votes != null, "outcome and votes are required");
        if (reasons == null || reasons.isBlank()) {
            throw new AdmissionException(AdmissionRefusal.REASONS_REQUIRED, "reasons are empty");
        }
        require(reasons.length() <= MAX_TEXT, "reasons too long");
        checkVotes(votes);
        Instant now = clock.instant();
        Decided decided = tx("record committee decision", c -> {
            TokenRegisterRepository.AssetRow asset = existing(c, assetCode);
            if (!outcome.allowedFrom(asset.status())) {
                throw new AdmissionException(AdmissionRefusal.INVALID_TRANSITION,
                        outcome + " on an asset that is " + asset.status());
            }
            TokenRecord token = load(c, assetCode);
            if (outcome == Decision.ADMITTED && !token.admissionBlockers().isEmpty()) {
                throw new AdmissionException(token.admissionBlockers().get(0), token.admissionBlockers(),
                        assetCode + " cannot be admitted: " + token.admissionBlockers());
            }
            boolean eligible = token.retailEligible();
            RetailAccess access = outcome.retailAccess(eligible);
            CommitteeDecision decision = repository.insertDecision(c, assetCode, outcome, normalised(votes),
                    reasons.strip(), settings.committeeQuorum(), eligible, access, now);
            return new Decided(decision, token.marketIds());
        });
        for (int marketId : decided.marketIds) {
            send(new SetRetailAccess(marketId, decided.decision.retailAccess()));
        }
        return decided.decision;
    }

    /**
     * Sends the retail access of every asset the committee has decided on again: call at start-up, once the core
     * runs, so that a command lost to an overload or a crash is applied.
     *
     * @return how many commands the submitter accepted.
     */
    public synchronized int reassertRetailAccess() {
        int accepted = 0;
        for (TokenRecord token : list()) {
            if (token.lastDecisionAt() == null) {
                continue;
            }
            for (int marketId : token.marketIds()) {
                if (send(new SetRetailAccess(marketId, token.retailAccess()))) {
                    accepted++;
                }
            }
        }
        return accepted;
    }

    /** @return the asset's register entry, if registered. */
    public Optional<TokenRecord> find(String assetCode) {
        return tx("read asset", c -> repository.findAsset(c, assetCode).isPresent()
                ? Optional.of(load(c, assetCode)) : Optional.empty());
    }

    /** @return every registered asset, by code. */
    public List<TokenRecord> list() {
        return tx("read register", c -> {
            List<TokenRecord> out = new ArrayList<>();
            for (TokenRegisterRepository.AssetRow row : repository.allAssets(c)) {
                out.add(load(c, row.assetCode()));
            }
            return out;
        });
    }

    /** @return the asset's committee decisions, oldest first. */
    public List<CommitteeDecision> decisions(String assetCode) {
        return tx("read decisions", c -> repository.decisions(c, assetCode));
    }

    /** @return the asset's review tasks, oldest first. */
    public List<ReviewTask> reviewTasks(String assetCode) {
        return tx("read review tasks", c -> repository.tasks(c, assetCode));
    }

    /** @return every open review task, oldest first. */
    public List<ReviewTask> openReviewTasks() {
        return tx("read review tasks", c -> repository.tasks(c, null));
    }

    /**
     * HK-13: the admitted (also sell-only or suspended) assets whose last committee decision is more than
     * {@code reviewEveryDays} old.
     */
    public List<TokenRecord> overdueReviews() {
        Instant cutoff = clock.instant().minus(Duration.ofDays(settings.reviewEveryDays()));
        List<TokenRecord> out = new ArrayList<>();
        for (TokenRecord token : list()) {
            if (TRADED.contains(token.status()) && token.lastDecisionAt().isBefore(cutoff)) {
                out.add(token);
            }
        }
        return out;
    }

    /** @return the token-admission section in force. */
    public TokenAdmissionSettings settings() {
        return settings;
    }

    private record Decided(CommitteeDecision decision, List<Integer> marketIds) {
    }

    private TokenRecord load(Connection c, String assetCode) throws SQLException {
        TokenRegisterRepository.AssetRow a = existing(c, assetCode);
        List<DueDiligenceRecord> dd = repository.dueDiligence(c, assetCode);
        ContractAudit audit = repository.audit(c, assetCode).orElse(null);
        List<IndexMembership> memberships = repository.memberships(c, assetCode);
        RetailEligibility eligibility = RetailEligibility.of(settings, memberships);
        return new TokenRecord(a.assetCode(), a.name(), a.tokenType(), a.issueDate(), a.smartContractRelevant(),
                repository.markets(c, assetCode), a.status(), a.retailAccess(), a.registeredAt(), a.lastDecisionAt(),
                dd, audit, memberships, eligibility, blockers(a, dd, audit));
    }

    /** HK-11 and HK-12: what blocks an admission now, in a fixed order. */
    private List<AdmissionRefusal> blockers(TokenRegisterRepository.AssetRow asset, List<DueDiligenceRecord> dd,
            ContractAudit audit) {
        List<AdmissionRefusal> out = new ArrayList<>();
        if (dd.size() < DueDiligenceFactor.values().length) {
            out.add(AdmissionRefusal.DUE_DILIGENCE_INCOMPLETE);
        }
        if (dd.stream().anyMatch(r -> r.outcome() == DueDiligenceOutcome.UNSATISFACTORY)) {
            out.add(AdmissionRefusal.DUE_DILIGENCE_UNSATISFACTORY);
        }
        if (asset.smartContractRelevant() && audit == null) {
            out.add(AdmissionRefusal.SMART_CONTRACT_AUDIT_MISSING);
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (asset.tokenType() != TokenType.SECURITY_TOKEN
                && asset.issueDate().plusMonths(settings.trackRecordMonths()).isAfter(today)) {
            out.add(AdmissionRefusal.TRACK_RECORD_TOO_SHORT);
        }
        return out;
    }

    private TokenRegisterRepository.AssetRow existing(Connection c, String assetCode) throws SQLException {
        if (assetCode == null) {
            throw new AdmissionException(AdmissionRefusal.UNKNOWN_ASSET, "no asset code");
        }
        return repository.findAsset(c, assetCode).orElseThrow(
                () -> new AdmissionException(AdmissionRefusal.UNKNOWN_ASSET, assetCode));
    }

    private void checkVotes(List<Vote> votes) {
        Set<String> voters = new HashSet<>();
        int inFavour = 0;
        for (Vote v : votes) {
            require(v != null, "a vote is missing");
            requireText(v.voterId(), "voterId", MAX_ID);
            if (!voters.add(v.voterId().strip())) {
                throw new AdmissionException(AdmissionRefusal.DUPLICATE_VOTER, v.voterId());
            }
            if (v.inFavour()) {
                inFavour++;
            }
        }
        if (voters.size() < settings.committeeQuorum()) {
            throw new AdmissionException(AdmissionRefusal.QUORUM_NOT_MET,
                    voters.size() + " voted, quorum is " + settings.committeeQuorum());
        }
        if (inFavour * 2 <= votes.size()) {
            throw new AdmissionException(AdmissionRefusal.MOTION_NOT_CARRIED,
                    inFavour + " of " + votes.size() + " in favour");
        }
    }

    private static List<Vote> normalised(List<Vote> votes) {
        List<Vote> out = new ArrayList<>(votes.size());
        for (Vote v : votes) {
            out.add(new Vote(v.voterId().strip(), v.inFavour()));
        }
        return out;
    }

    private static void validate(TokenApplication app) {
        require(app != null, "application is required");
        requireText(app.assetCode(), "assetCode", MAX_CODE);
        require(app.assetCode().equals(app.assetCode().strip()), "assetCode has spaces");
        requireText(app.name(), "name", MAX_NAME);
        require(app.tokenType() != null && app.issueDate() != null, "tokenType and issueDate are required");
        require(app.marketIds() != null, "marketIds is required (may be empty)");
        require(new HashSet<>(app.marketIds()).size() == app.marketIds().size(), "marketIds repeat");
        for (int marketId : app.marketIds()) {
            require(marketId >= 0, "marketIds must be >= 0");
        }
    }

    private boolean send(SetRetailAccess command) {
        boolean accepted = submitter.submit(command, accessListener);
        if (!accepted) {
            LOG.warn("core queue full: {} not sent; reassertRetailAccess() will send it again", command);
        }
        return accepted;
    }

    private void onAccessApplied(CommandRecord record) {
        if (!record.code().isOk()) {
            LOG.warn("core refused {}: {}", record.command(), record.code());
        }
    }

    private <T> T tx(String what, Jdbc.Work<T> work) {
        return Jdbc.inTransaction(dataSource, what, work);
    }

    private static void require(boolean condition, String detail) {
        if (!condition) {
            throw new AdmissionException(AdmissionRefusal.INVALID_ARGUMENT, detail);
        }
    }

    private static void requireText(String value, String field, int maxLength) {
        if (value == null || value.isBlank() || value.length() > maxLength) {
            throw new AdmissionException(AdmissionRefusal.INVALID_ARGUMENT,
                    field + " must be 1 to " + maxLength + " characters");
        }
    }
}
