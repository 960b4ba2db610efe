package io.lantau.compliance.screening;

import io.lantau.store.Jdbc;
import io.lantau.core.AccountStatus;
import io.lantau.core.command.SetAccountStatus;
import io.lantau.store.dispatch.AppliedCommandListener;
import io.lantau.store.dispatch.CommandRecord;
import io.lantau.store.dispatch.CommandSubmitter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sanctions screening of clients (HK-24): at onboarding ({@link #screen}) and again for every known client whenever
 * a list is loaded or reloaded ({@link #loadList}). Each new hit opens a case (OPEN, then CLEARED or CONFIRMED by a
 * compliance officer with who, when and why) and freezes the account: the service sends
 * {@code SetAccountStatus(accountId, RESTRICTED)} through the {@link CommandSubmitter}, and the core then refuses the
 * account's orders ({@code ACCOUNT_NOT_ACTIVE}). Clearing the last case that holds an account returns it to the
 * status it would have without the hold ({@link #setReleaseStatus}: the onboarding status, so an applicant still
 * PENDING_KYC stays so; ACTIVE if nothing else is known).
 *
 * <p>The store is the record: cases are written before the command is sent. Commands to the core are asynchronous
 * and may be refused for overload; {@link #reassertFreezes()} sends RESTRICTED again for every account an OPEN or
 * CONFIRMED case holds (the command is idempotent), for start-up and after an overload.
 *
 * <p>A hit does not open a second case while the same entry already has an OPEN or CONFIRMED case for the account,
 * nor when an officer CLEARED the same pair of names before (a known false positive is not re-raised on every
 * reload; a new alias on the list, or a changed client name, raises it again).
 *
 * <p>Thread-safe: public methods that change state are serialised on this object (screening is rare and not on the
 * trading path); queries read the store directly.
 */
public final class ScreeningService {
    private static final Logger LOG = LoggerFactory.getLogger(ScreeningService.class);
    private static final int MAX_NAME_LENGTH = 512;
    private static final int MAX_OTHER_NAMES_LENGTH = 4000;
    private static final int MAX_ACTOR_LENGTH = 64;
    private static final int MAX_REASON_LENGTH = 2000;

    private final DataSource dataSource;
    private final CommandSubmitter submitter;
    private final ScreeningSettings settings;
    private final Clock clock;
    private final SanctionsListRepository lists;
    private final ScreeningCaseRepository cases;
    private final SanctionsListLoader loader = new SanctionsListLoader();
    private final AppliedCommandListener statusListener = this::onStatusApplied;
    private final Map<String, SanctionsListInfo> inForce = new LinkedHashMap<>();
    private volatile NameScreener screener;
    private volatile java.util.function.LongFunction<AccountStatus> releaseStatus = id -> AccountStatus.ACTIVE;

    /**
     * Reads the lists in force from the store and builds the screener.
     *
     * @param dataSource the migrated store.
     * @param submitter  where account status commands go (the journaled core).
     * @param settings   the profile's section {@code "screening"}.
     * @param clock      wall clock for case and load times.
     */
    public ScreeningService(DataSource dataSource, CommandSubmitter submitter, ScreeningSettings settings,
            Clock clock) {
        this.dataSource = dataSource;
        this.submitter = submitter;
        this.settings = settings;
        this.clock = clock;
        this.lists = new SanctionsListRepository(dataSource);
        this.cases = new ScreeningCaseRepository(dataSource);
        List<SanctionsList> loaded = new ArrayList<>();
        for (SanctionsListInfo info : lists.inForce()) {
            inForce.put(info.source(), info);
            loaded.add(lists.read(info));
        }
        this.screener = new NameScreener(settings, loaded);
    }

    /**
     * Screens a client at onboarding, or again after a change of name. The client is kept, so every later list load
     * screens it again.
     *
     * @param accountId  the client's core account id.
     * @param fullName   the legal name as on the identity document.
     * @param otherNames other names (former names, the name in Chinese characters, aliases); may be empty.
     * @return the hits, the cases opened and whether the account is frozen.
     * @throws ScreeningException INVALID_ARGUMENT.
     */
    public synchronized ScreeningOutcome screen(long accountId, String fullName, List<String> otherNames) {
        ScreeningCaseRepository.Subject subject = subject(accountId, fullName, otherNames);
        Instant now = clock.instant();
        List<ScreeningHit> hits = screener.screen(subject.fullName(), subject.otherNames());
        Opened opened = Jdbc.inTransaction(dataSource, "screen client", c -> {
            boolean isNew = cases.upsertSubject(c, subject, now);
            ScreeningTrigger trigger = isNew ? ScreeningTrigger.ONBOARDING : ScreeningTrigger.RESCREEN;
            return openCases(c, accountId, hits, trigger, now);
        });
        if (opened.frozen) {
            freeze(accountId);
        }
        return new ScreeningOutcome(accountId, hits, opened.cases, opened.frozen, List.copyOf(inForce.values()));
    }

    /**
     * Loads a UN Security Council Consolidated List file, makes it the list in force for its source and re-screens
     * every known client against all lists in force.
     *
     * @param file     the published XML file.
     * @param loadedBy who or which job loaded it (kept with the load).
     * @throws ScreeningException LIST_UNREADABLE, LIST_EMPTY, LIST_TOO_LARGE or INVALID_ARGUMENT; nothing is
     *                            stored then.
     */
    public ListLoadOutcome loadList(Path file, String loadedBy) {
        return loadList(loader.load(file), loadedBy);
    }

    /**
     * Makes a parsed list the one in force for its source and re-screens every known client.
     *
     * @throws ScreeningException LIST_EMPTY or INVALID_ARGUMENT; nothing is stored then.
     */
    public synchronized ListLoadOutcome loadList(SanctionsList list, String loadedBy) {
        requireText(loadedBy, "loadedBy", MAX_ACTOR_LENGTH);
        if (list.entries().isEmpty()) {
            throw new ScreeningException(ScreeningRefusal.LIST_EMPTY, list.source());
        }
        Instant now = clock.instant();
        SanctionsListInfo info = lists.insert(list, now, loadedBy);
        inForce.put(info.source(), info);
        List<SanctionsList> current = new ArrayList<>();
        for (SanctionsListInfo i : inForce.values()) {
            current.add(i.listId() == info.listId() ? list : lists.read(i));
        }
        screener = new NameScreener(settings, current);
        LOG.info("sanctions list {} version {} loaded ({} entries); re-screening clients", list.source(),
                list.version(), list.entries().size());

        List<ScreeningCaseRepository.Subject> subjects = cases.subjects();
        List<ScreeningCase> opened = new ArrayList<>();
        List<Long> toFreeze = new ArrayList<>();
        for (ScreeningCaseRepository.Subject subject : subjects) {
            List<ScreeningHit> hits = screener.screen(subject.fullName(), subject.otherNames());
            if (hits.isEmpty()) {
                continue;
            }
            Opened o = Jdbc.inTransaction(dataSource, "re-screen client",
                    c -> openCases(c, subject.accountId(), hits, ScreeningTrigger.LIST_RELOAD, now));
            opened.addAll(o.cases);
            if (!o.cases.isEmpty()) {
                toFreeze.add(subject.accountId());
            }
        }
        Jdbc.inTransaction(dataSource, "mark clients screened", c -> {
            cases.touchAllSubjects(c, now);
            return null;
        });
        toFreeze.forEach(this::freeze);
        return new ListLoadOutcome(info, subjects.size(), opened);
    }

    /**
     * A compliance officer finds the case a false positive. Once no OPEN or CONFIRMED case holds the account, it is
     * made ACTIVE again.
     *
     * @return the decided case.
     * @throws ScreeningException UNKNOWN_CASE, CASE_NOT_OPEN or INVALID_ARGUMENT.
     */
    public synchronized ScreeningCase clearCase(long caseId, String officerId, String reason) {
        ScreeningCase decided = decide(caseId, CaseStatus.CLEARED, officerId, reason);
        boolean stillHeld = cases.casesOf(decided.accountId()).stream().anyMatch(ScreeningCase::freezesAccount);
        if (!stillHeld) {
            send(new SetAccountStatus(decided.accountId(), releaseStatus.apply(decided.accountId())));
        }
        return decided;
    }

    /**
     * A compliance officer confirms the match: the account stays frozen. Reporting (an STR to the JFIU, without
     * tipping off the client) is outside this service.
     *
     * @return the decided case.
     * @throws ScreeningException UNKNOWN_CASE, CASE_NOT_OPEN or INVALID_ARGUMENT.
     */
    public synchronized ScreeningCase confirmCase(long caseId, String officerId, String reason) {
        return decide(caseId, CaseStatus.CONFIRMED, officerId, reason);
    }

    /**
     * Sends {@code SetAccountStatus(RESTRICTED)} again for every account an OPEN or CONFIRMED case holds: call at
     * start-up, once the core runs, so that a freeze lost to an overload or a crash between the case and the command
     * is applied.
     *
     * @return how many commands the submitter accepted.
     */
    public synchronized int reassertFreezes() {
        int accepted = 0;
        for (long accountId : cases.frozenAccounts()) {
            if (freeze(accountId)) {
                accepted++;
            }
        }
        return accepted;
    }

    /**
     * Sets what an account's status becomes when the last case holding it is cleared: the wiring answers with the
     * onboarding service's status for the account.
     */
    public void setReleaseStatus(java.util.function.LongFunction<AccountStatus> status) {
        this.releaseStatus = java.util.Objects.requireNonNull(status);
    }

    /** @return whether an OPEN or CONFIRMED case holds the account (onboarding must not activate it then). */
    public boolean isFrozen(long accountId) {
        return cases.casesOf(accountId).stream().anyMatch(ScreeningCase::freezesAccount);
    }

    /** @return the cases awaiting an officer, oldest first. */
    public List<ScreeningCase> openCases() {
        return cases.casesIn(CaseStatus.OPEN);
    }

    /** @return the account's cases, oldest first. */
    public List<ScreeningCase> casesOf(long accountId) {
        return cases.casesOf(accountId);
    }

    /** @return the case, if any. */
    public Optional<ScreeningCase> findCase(long caseId) {
        return cases.find(caseId);
    }

    /** @return the newest load of each source: the lists clients are screened against. */
    public synchronized List<SanctionsListInfo> listsInForce() {
        return List.copyOf(inForce.values());
    }

    /** @return every load of every list, newest first. */
    public List<SanctionsListInfo> listHistory() {
        return lists.history();
    }

    /** @return the screening section in force. */
    public ScreeningSettings settings() {
        return settings;
    }

    private ScreeningCase decide(long caseId, CaseStatus status, String officerId, String reason) {
        requireText(officerId, "officerId", MAX_ACTOR_LENGTH);
        requireText(reason, "reason", MAX_REASON_LENGTH);
        Instant now = clock.instant();
        return Jdbc.inTransaction(dataSource, "decide screening case", c -> {
            ScreeningCase current = cases.find(c, caseId).orElseThrow(
                    () -> new ScreeningException(ScreeningRefusal.UNKNOWN_CASE, "case " + caseId));
            if (!cases.decide(c, caseId, status, officerId.strip(), now, reason.strip())) {
                throw new ScreeningException(ScreeningRefusal.CASE_NOT_OPEN, "case " + caseId + " is "
                        + current.status());
            }
            return cases.find(c, caseId).orElseThrow();
        });
    }

    private record Opened(List<ScreeningCase> cases, boolean frozen) {
    }

    private Opened openCases(Connection c, long accountId, List<ScreeningHit> hits, ScreeningTrigger trigger,
            Instant now) throws SQLException {
        List<ScreeningCase> existing = cases.casesOf(c, accountId);
        List<ScreeningCase> opened = new ArrayList<>();
        for (ScreeningHit hit : hits) {
            if (!covered(existing, hit)) {
                ScreeningCase added = cases.insertCase(c, accountId, inForce.get(hit.source()).listId(), hit,
                        trigger, now);
                opened.add(added);
                existing.add(added);
            }
        }
        boolean frozen = existing.stream().anyMatch(ScreeningCase::freezesAccount);
        return new Opened(opened, frozen);
    }

    private static boolean covered(List<ScreeningCase> existing, ScreeningHit hit) {
        for (ScreeningCase k : existing) {
            if (!k.source().equals(hit.source()) || !k.dataId().equals(hit.entry().dataId())) {
                continue;
            }
            if (k.freezesAccount()) {
                return true;
            }
            if (k.listedName().equals(hit.listedName()) && k.screenedName().equals(hit.screenedName())) {
                return true; // this pair of names was cleared as a false positive
            }
        }
        return false;
    }

    private boolean freeze(long accountId) {
        return send(new SetAccountStatus(accountId, AccountStatus.RESTRICTED));
    }

    private boolean send(SetAccountStatus command) {
        boolean accepted = submitter.submit(command, statusListener);
        if (!accepted) {
            LOG.warn("core queue full: {} not sent; reassertFreezes() will send it again", command);
        }
        return accepted;
    }

    private void onStatusApplied(CommandRecord record) {
        if (!record.code().isOk()) {
            LOG.warn("core refused {}: {}", record.command(), record.code());
        }
    }

    private static ScreeningCaseRepository.Subject subject(long accountId, String fullName, List<String> otherNames) {
        if (accountId <= 0) {
            throw new ScreeningException(ScreeningRefusal.INVALID_ARGUMENT, "accountId must be positive");
        }
        requireText(fullName, "fullName", MAX_NAME_LENGTH);
        if (otherNames == null) {
            throw new ScreeningException(ScreeningRefusal.INVALID_ARGUMENT, "otherNames is required (may be empty)");
        }
        List<String> others = new ArrayList<>(otherNames.size());
        int length = 0;
        for (String name : otherNames) {
            requireText(name, "otherNames", MAX_NAME_LENGTH);
            if (name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
                throw new ScreeningException(ScreeningRefusal.INVALID_ARGUMENT, "a name may not span lines");
            }
            others.add(name.strip());
            length += name.length() + 1;
        }
        if (length > MAX_OTHER_NAMES_LENGTH) {
            throw new ScreeningException(ScreeningRefusal.INVALID_ARGUMENT, "otherNames too long");
        }
        return new ScreeningCaseRepository.Subject(accountId, fullName.strip(), others);
    }

    private static void requireText(String value, String field, int maxLength) {
        if (value == null || value.isBlank() || value.length() > maxLength) {
            throw new ScreeningException(ScreeningRefusal.INVALID_ARGUMENT,
                    field + " must be 1 to " + maxLength + " characters");
        }
    }
}
