package io.lantau.custody.withdrawal;

import io.lantau.compliance.security.SecurityRefusedException;
import io.lantau.compliance.security.TotpService;
import io.lantau.compliance.suitability.CoreCommands;
import io.lantau.core.ResultCode;
import io.lantau.core.command.RequestWithdrawal;
import io.lantau.core.command.RevertWithdrawal;
import io.lantau.custody.ledger.ChainAsset;
import io.lantau.custody.ledger.CustodyIds;
import io.lantau.custody.ledger.CustodySettings;
import io.lantau.custody.signer.WithdrawalInstruction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request side of withdrawals (HK-18, HK-29). {@link #request} checks, in order and without changing anything on
 * refusal: the input; a repeat of an earlier request id (answered with that withdrawal, one effect); that the
 * destination is in the client's address book and past its cool-down; the per-account and platform-wide 24-hour
 * velocity limits; the platform's further controls ({@link WithdrawalCheck}: freeze,
 * hot release, travel rule), before the TOTP code so that a refusal spends no code; the TOTP code when the profile
 * requires one. It then records the withdrawal with its instruction
 * hash and asks the core to lock amount plus fee ({@link RequestWithdrawal}): the core's lock is what keeps any number
 * of concurrent requests within the available balance. If the core refuses, the record is deleted again. An amount
 * above the profile's review threshold waits for a reviewer ({@link #review}); the rest is approved at once and the
 * {@link WithdrawalProcessor} takes over.
 *
 * <p>Fees: the client pays the profile's fixed {@code feeMinor} per withdrawal on top of the amount (locked and
 * debited with it); the platform pays the network fee (gas) from its hot wallet's own funds; both are recorded in the
 * custody ledger.
 *
 * <p>Admission (velocity check, record, core lock) runs under one lock, so the velocity limits hold under concurrency
 * and a repeated id is decided once: one service instance per platform. Thread-safe; blocking.
 */
public final class WithdrawalService {
    private static final Logger LOG = LoggerFactory.getLogger(WithdrawalService.class);
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Duration VELOCITY_WINDOW = Duration.ofHours(24);
    static final String REJECTED_BY_REVIEW = "REJECTED_BY_REVIEW";

    private final WithdrawalRepository withdrawals;
    private final AddressBook addressBook;
    private final TotpService totp;
    private final CoreCommands core;
    private final CustodySettings settings;
    private final Map<String, ChainAsset> assets;
    private final Clock clock;
    private final WithdrawalCheck controls;
    private final ReentrantLock admission = new ReentrantLock();

    /** @param assets the assets custody withdraws, by asset code (each needs limits in the profile). */
    public WithdrawalService(WithdrawalRepository withdrawals, AddressBook addressBook, TotpService totp,
            CoreCommands core, CustodySettings settings, List<ChainAsset> assets, Clock clock) {
        this(withdrawals, addressBook, totp, core, settings, assets, clock, WithdrawalCheck.NONE);
    }

    /**
     * @param controls asked after the service's own checks when a withdrawal is requested, and again before it is
     *                 signed ({@link #checkBeforeSigning}).
     */
    public WithdrawalService(WithdrawalRepository withdrawals, AddressBook addressBook, TotpService totp,
            CoreCommands core, CustodySettings settings, List<ChainAsset> assets, Clock clock,
            WithdrawalCheck controls) {
        this.controls = controls;
        this.withdrawals = withdrawals;
        this.addressBook = addressBook;
        this.totp = totp;
        this.core = core;
        this.settings = settings;
        this.assets = assets.stream().collect(Collectors.toUnmodifiableMap(ChainAsset::asset,
                Function.identity()));
        assets.forEach(a -> settings.limits(a.asset()));
        this.clock = clock;
    }

    /**
     * @return the withdrawal (new, or the earlier one of the same request id).
     * @throws WithdrawalException with the refusal's code; nothing changed.
     */
    public Withdrawal request(WithdrawalRequest r) {
        ChainAsset asset = assets.get(r.asset());
        if (asset == null) {
            throw new WithdrawalException(WithdrawalRefusal.UNSUPPORTED_ASSET, r.asset());
        }
        if (r.requestId() == null || !REQUEST_ID.matcher(r.requestId()).matches()) {
            throw new WithdrawalException(WithdrawalRefusal.INVALID_REQUEST_ID);
        }
        CustodySettings.WithdrawalLimits limits = settings.limits(asset.asset());
        if (r.amountMinor() <= 0 || r.amountMinor() > Long.MAX_VALUE - limits.feeMinor()) {
            throw new WithdrawalException(WithdrawalRefusal.INVALID_AMOUNT);
        }
        if (r.destination() == null || r.destination().length() > 128) {
            throw new WithdrawalException(WithdrawalRefusal.INVALID_ADDRESS);
        }
        String destination = r.destination().toLowerCase(Locale.ROOT);
        long withdrawalId = CustodyIds.withdrawalId(asset.chain(), r.accountId(), r.requestId());
        WithdrawalInstruction instruction = new WithdrawalInstruction(withdrawalId, r.accountId(), asset.chain(),
                asset.asset(), destination, r.amountMinor(), limits.feeMinor());
        admission.lock();
        try {
            Optional<Withdrawal> earlier = withdrawals.find(withdrawalId);
            if (earlier.isPresent()) {
                if (!earlier.get().instructionHash().equals(instruction.hash())) {
                    throw new WithdrawalException(WithdrawalRefusal.DUPLICATE_REQUEST_MISMATCH);
                }
                return earlier.get();
            }
            checkDestination(r.accountId(), asset.chain(), destination);
            checkVelocity(r.accountId(), asset.asset(), r.amountMinor(), limits);
            Withdrawal w = new Withdrawal(withdrawalId, r.accountId(), asset.chain(), asset.asset(), destination,
                    r.amountMinor(), limits.feeMinor(), instruction.hash(), WithdrawalState.REQUESTED, null, null,
                    null, null, null, null, null);
            controls.check(w, r.travelRule());
            checkTotp(r.accountId(), r.totpCode());
            withdrawals.insert(w, clip(r.clientIp()), clip(r.deviceId()));
            Withdrawal admitted = lock(w, limits);
            keepTravelRule(admitted, r);
            return admitted;
        } finally {
            admission.unlock();
        }
    }

    /**
     * Keeps the request's travel-rule data once the withdrawal is admitted, so a refused request keeps nothing. The
     * data was checked already; should keeping fail all the same, the withdrawal is not signed until it is there
     * (the check before signing reads the kept data), so it never goes out without it.
     */
    private void keepTravelRule(Withdrawal w, WithdrawalRequest r) {
        if (r.travelRule() == null) {
            return;
        }
        try {
            controls.keep(w, r.travelRule());
        } catch (RuntimeException e) {
            LOG.error("withdrawal {}: travel-rule data not kept, it waits before signing: {}", w.withdrawalId(),
                    e.toString());
        }
    }

    /**
     * Asks the controls again just before an approved withdrawal is signed (a freeze or the hot wallet's limit may have
     * come since it was requested).
     *
     * @return whether it may be signed now; if not, it stays approved and is asked again on the next pass.
     */
    boolean checkBeforeSigning(Withdrawal w) {
        try {
            controls.check(w);
            return true;
        } catch (WithdrawalException e) {
            LOG.warn("withdrawal {} waits before signing: {}", w.withdrawalId(), e.refusal());
            return false;
        }
    }

    /**
     * Completes withdrawals left in REQUESTED by a crash or a core time-out: asks the core again (idempotent by id)
     * and goes on, or deletes the record if the core refuses. Run by the processor on each pass.
     */
    void recoverRequested(String chain) {
        admission.lock();
        try {
            for (Withdrawal w : withdrawals.inState(chain, WithdrawalState.REQUESTED)) {
                try {
                    lock(w, settings.limits(w.asset()));
                } catch (WithdrawalException e) {
                    LOG.info("withdrawal {} refused on recovery: {}", w.withdrawalId(), e.refusal());
                }
            }
        } finally {
            admission.unlock();
        }
    }

    private Withdrawal lock(Withdrawal w, CustodySettings.WithdrawalLimits limits) {
        ResultCode code;
        try {
            code = core.send(new RequestWithdrawal(w.withdrawalId(), w.accountId(), assets.get(w.asset()).assetId(),
                    w.debitMinor()));
        } catch (CoreCommands.Unavailable e) {
            // The record stays REQUESTED; recoverRequested asks the core again.
            throw new WithdrawalException(WithdrawalRefusal.SERVICE_UNAVAILABLE, e.getMessage());
        }
        if (code != ResultCode.OK) {
            withdrawals.deleteRequested(w.withdrawalId());
            throw new WithdrawalException(switch (code) {
                case INSUFFICIENT_BALANCE -> WithdrawalRefusal.INSUFFICIENT_BALANCE;
                case DUPLICATE_ID_MISMATCH -> WithdrawalRefusal.DUPLICATE_REQUEST_MISMATCH;
                default -> WithdrawalRefusal.CORE_REFUSED;
            }, code.name());
        }
        WithdrawalState next = w.amountMinor() > limits.reviewAboveMinor() ? WithdrawalState.PENDING_REVIEW
                : WithdrawalState.APPROVED;
        withdrawals.move(w.withdrawalId(), WithdrawalState.REQUESTED, next, null);
        return withdrawals.find(w.withdrawalId()).orElseThrow();
    }

    private void checkDestination(long accountId, String chain, String destination) {
        WhitelistedAddress entry = addressBook.find(accountId, chain, destination)
                .orElseThrow(() -> new WithdrawalException(WithdrawalRefusal.ADDRESS_NOT_WHITELISTED));
        if (clock.instant().isBefore(entry.usableFrom())) {
            throw new WithdrawalException(WithdrawalRefusal.ADDRESS_COOLING_DOWN,
                    "usable from " + entry.usableFrom());
        }
    }

    private void checkVelocity(long accountId, String asset, long amountMinor,
            CustodySettings.WithdrawalLimits limits) {
        Instant since = clock.instant().minus(VELOCITY_WINDOW);
        long account = withdrawals.withdrawnSince(accountId, asset, since);
        if (amountMinor > limits.accountDailyMinor() - account) {
            throw new WithdrawalException(WithdrawalRefusal.ACCOUNT_VELOCITY_EXCEEDED);
        }
        long platform = withdrawals.withdrawnSince(0, asset, since);
        if (amountMinor > limits.platformDailyMinor() - platform) {
            throw new WithdrawalException(WithdrawalRefusal.PLATFORM_VELOCITY_EXCEEDED);
        }
    }

    private void checkTotp(long accountId, String code) {
        if (!settings.withdrawalTotpRequired()) {
            return;
        }
        if (code == null || code.isEmpty()) {
            throw new WithdrawalException(WithdrawalRefusal.TOTP_REQUIRED);
        }
        try {
            totp.verify(accountId, code);
        } catch (SecurityRefusedException e) {
            throw new WithdrawalException(switch (e.refusal()) {
                case TOTP_CODE_REUSED -> WithdrawalRefusal.TOTP_REUSED;
                case TOTP_NOT_ENROLLED -> WithdrawalRefusal.TOTP_NOT_ENROLLED;
                default -> WithdrawalRefusal.TOTP_INVALID;
            });
        }
    }

    /**
     * A staff reviewer's decision on a withdrawal above the review threshold: approve (the processor signs it next) or
     * reject (the core's lock is returned).
     *
     * @throws WithdrawalException {@code NOT_FOUND}, {@code SELF_REVIEW_FORBIDDEN} for the client's own withdrawal,
     *                             or {@code NOT_PENDING_REVIEW} if it is not waiting for review.
     */
    public Withdrawal review(long withdrawalId, long reviewerId, boolean approve) {
        Withdrawal w = withdrawals.find(withdrawalId)
                .orElseThrow(() -> new WithdrawalException(WithdrawalRefusal.NOT_FOUND));
        if (w.accountId() == reviewerId) {
            throw new WithdrawalException(WithdrawalRefusal.SELF_REVIEW_FORBIDDEN);
        }
        boolean moved = approve
                ? withdrawals.reviewed(withdrawalId, reviewerId, WithdrawalState.APPROVED, null)
                : withdrawals.reviewed(withdrawalId, reviewerId, WithdrawalState.REVERTING, REJECTED_BY_REVIEW);
        if (!moved) {
            throw new WithdrawalException(WithdrawalRefusal.NOT_PENDING_REVIEW, w.state().name());
        }
        if (!approve) {
            completeRevert(withdrawals.find(withdrawalId).orElseThrow());
        }
        return withdrawals.find(withdrawalId).orElseThrow();
    }

    /** Returns a REVERTING withdrawal's lock in the core, then ends it; idempotent, retried on each pass. */
    void completeRevert(Withdrawal w) {
        ResultCode code = core.send(new RevertWithdrawal(w.withdrawalId()));
        if (code != ResultCode.OK) {
            LOG.error("the core refused to revert withdrawal {}: {}", w.withdrawalId(), code);
            return;
        }
        WithdrawalState end = REJECTED_BY_REVIEW.equals(w.reason()) ? WithdrawalState.REJECTED
                : WithdrawalState.REVERTED;
        withdrawals.move(w.withdrawalId(), WithdrawalState.REVERTING, end, null);
    }

    /** @return the chain's withdrawals waiting for a reviewer, oldest first (for staff). */
    public List<Withdrawal> pendingReview(String chain) {
        return withdrawals.inState(chain, WithdrawalState.PENDING_REVIEW);
    }

    /** @return the account's withdrawals, newest first. */
    public List<Withdrawal> list(long accountId, int limit) {
        return withdrawals.list(accountId, limit);
    }

    /** @return the account's withdrawal of that id; another account's is not found. */
    public Optional<Withdrawal> find(long accountId, long withdrawalId) {
        return withdrawals.find(withdrawalId).filter(w -> w.accountId() == accountId);
    }

    private static String clip(String text) {
        String value = text == null || text.isBlank() ? "unknown" : text;
        return value.length() > 64 ? value.substring(0, 64) : value;
    }
}
