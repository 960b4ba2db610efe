package io.lantau.core;

import io.lantau.core.command.Deposit;
import io.lantau.core.command.HoldFunds;
import io.lantau.core.command.ReleaseHold;
import io.lantau.core.command.RequestWithdrawal;
import io.lantau.core.command.RevertWithdrawal;
import io.lantau.core.command.SettleWithdrawal;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * Money entering and leaving the ledger: deposits, and withdrawals that lock, then settle or revert; and holds, which
 * lock funds for a later item payment and are then used by it (state SETTLED) or released (REVERTED). Every command is
 * idempotent by its id: a repeat of an accepted request returns OK and changes nothing; a repeat with other details
 * is {@code DUPLICATE_ID_MISMATCH}. A rejected request leaves no trace (a rejection changes no state), so custody may
 * retry it under the same id once the cause is gone.
 */
final class Transfers {
    /** Where a withdrawal or a hold stands: PENDING (locked), SETTLED (left the ledger / paid), REVERTED (returned). */
    enum WithdrawalState { PENDING, SETTLED, REVERTED }

    /** An accepted deposit or withdrawal: what its id was used for, and (withdrawals) where it stands. */
    static final class Transfer {
        final long accountId;
        final int assetId;
        final long amountMinor;
        WithdrawalState state;

        Transfer(long accountId, int assetId, long amountMinor, WithdrawalState state) {
            this.accountId = accountId;
            this.assetId = assetId;
            this.amountMinor = amountMinor;
            this.state = state;
        }

        boolean sameAs(long accountId, int assetId, long amountMinor) {
            return this.accountId == accountId && this.assetId == assetId && this.amountMinor == amountMinor;
        }
    }

    private final Ledger ledger;
    private final Emitter emitter;
    final Long2ObjectHashMap<Transfer> deposits = new Long2ObjectHashMap<>();
    final Long2ObjectHashMap<Transfer> withdrawals = new Long2ObjectHashMap<>();
    final Long2ObjectHashMap<Transfer> holds = new Long2ObjectHashMap<>();

    Transfers(Ledger ledger, Emitter emitter) {
        this.ledger = ledger;
        this.emitter = emitter;
    }

    ResultCode deposit(Deposit c) {
        if (c.depositId() <= 0) {
            return ResultCode.INVALID_ID;
        }
        Transfer seen = deposits.get(c.depositId());
        if (seen != null) {
            return seen.sameAs(c.accountId(), c.assetId(), c.amountMinor()) ? ResultCode.OK
                    : ResultCode.DUPLICATE_ID_MISMATCH;
        }
        ResultCode code = check(c.accountId(), c.assetId(), c.amountMinor());
        Account account = ledger.account(c.accountId());
        // Every balance is part of what was deposited, so bounding the total bounds each balance too.
        if (code == ResultCode.OK && ledger.deposited[c.assetId()] > Long.MAX_VALUE - c.amountMinor()) {
            code = ResultCode.OVERFLOW;
        }
        if (code == ResultCode.OK) {
            deposits.put(c.depositId(), new Transfer(c.accountId(), c.assetId(), c.amountMinor(), null));
            emitter.listener.onDeposited(emitter.sequence, emitter.timestampNanos, c.depositId(), c.accountId(),
                    c.assetId(), c.amountMinor());
            ledger.deposit(account, c.assetId(), c.amountMinor());
        }
        return code;
    }

    ResultCode request(RequestWithdrawal c) {
        return lockUnderId(withdrawals, c.withdrawalId(), c.accountId(), c.assetId(), c.amountMinor(), false);
    }

    ResultCode hold(HoldFunds c) {
        return lockUnderId(holds, c.holdId(), c.accountId(), c.assetId(), c.amountMinor(), true);
    }

    /** Locks an amount under an id for a withdrawal or a hold: the two differ only in their events. */
    private ResultCode lockUnderId(Long2ObjectHashMap<Transfer> byId, long id, long accountId, int assetId,
            long amountMinor, boolean hold) {
        if (id <= 0) {
            return ResultCode.INVALID_ID;
        }
        Transfer seen = byId.get(id);
        if (seen != null) {
            return seen.sameAs(accountId, assetId, amountMinor) ? ResultCode.OK : ResultCode.DUPLICATE_ID_MISMATCH;
        }
        ResultCode code = check(accountId, assetId, amountMinor);
        Account account = ledger.account(accountId);
        if (code == ResultCode.OK && account.available[assetId] < amountMinor) {
            code = ResultCode.INSUFFICIENT_BALANCE;
        }
        if (code == ResultCode.OK) {
            byId.put(id, new Transfer(accountId, assetId, amountMinor, WithdrawalState.PENDING));
            if (hold) {
                emitter.listener.onFundsHeld(emitter.sequence, emitter.timestampNanos, id, accountId, assetId,
                        amountMinor);
            } else {
                emitter.listener.onWithdrawalRequested(emitter.sequence, emitter.timestampNanos, id, accountId,
                        assetId, amountMinor);
            }
            ledger.lock(account, assetId, amountMinor,
                    hold ? BalanceChangeReason.HOLD_PLACED : BalanceChangeReason.WITHDRAWAL_REQUESTED);
        }
        return code;
    }

    ResultCode release(ReleaseHold c) {
        if (c.holdId() <= 0) {
            return ResultCode.INVALID_ID;
        }
        Transfer h = holds.get(c.holdId());
        if (h == null) {
            return ResultCode.UNKNOWN_HOLD;
        }
        if (h.state != WithdrawalState.PENDING) {
            return h.state == WithdrawalState.REVERTED ? ResultCode.OK : ResultCode.HOLD_NOT_OPEN;
        }
        h.state = WithdrawalState.REVERTED;
        emitter.listener.onHoldReleased(emitter.sequence, emitter.timestampNanos, c.holdId(), h.accountId, h.assetId,
                h.amountMinor);
        ledger.unlock(ledger.account(h.accountId), h.assetId, h.amountMinor, BalanceChangeReason.HOLD_RELEASED);
        return ResultCode.OK;
    }

    /**
     * @return why {@code holdId} cannot pay {@code amountMinor} of {@code assetId} for {@code accountId}, or OK.
     */
    ResultCode checkHoldCanPay(long holdId, long accountId, int assetId, long amountMinor) {
        Transfer h = holds.get(holdId);
        if (h == null) {
            return ResultCode.UNKNOWN_HOLD;
        }
        if (h.state != WithdrawalState.PENDING) {
            return ResultCode.HOLD_NOT_OPEN;
        }
        if (h.accountId != accountId || h.assetId != assetId) {
            return ResultCode.HOLD_MISMATCH;
        }
        return h.amountMinor < amountMinor ? ResultCode.INSUFFICIENT_BALANCE : ResultCode.OK;
    }

    /**
     * Ends a hold that paid {@code paidMinor} (checked by {@link #checkHoldCanPay}): the paid part leaves the holder's
     * locked balance (the caller credits it elsewhere), the rest returns to available. Emits no event: the payment's
     * balance event shows both.
     */
    void useHold(long holdId, long paidMinor) {
        Transfer h = holds.get(holdId);
        h.state = WithdrawalState.SETTLED;
        Account account = ledger.account(h.accountId);
        account.locked[h.assetId] = Ledger.checked(account.locked[h.assetId] - h.amountMinor);
        account.available[h.assetId] += h.amountMinor - paidMinor;
    }

    ResultCode settle(SettleWithdrawal c) {
        return end(c.withdrawalId(), WithdrawalState.SETTLED);
    }

    ResultCode revert(RevertWithdrawal c) {
        return end(c.withdrawalId(), WithdrawalState.REVERTED);
    }

    private ResultCode end(long withdrawalId, WithdrawalState outcome) {
        if (withdrawalId <= 0) {
            return ResultCode.INVALID_ID;
        }
        Transfer w = withdrawals.get(withdrawalId);
        if (w == null) {
            return ResultCode.UNKNOWN_WITHDRAWAL;
        }
        if (w.state != WithdrawalState.PENDING) {
            return w.state == outcome ? ResultCode.OK : ResultCode.WITHDRAWAL_NOT_PENDING;
        }
        w.state = outcome;
        Account account = ledger.account(w.accountId);
        if (outcome == WithdrawalState.SETTLED) {
            emitter.listener.onWithdrawalSettled(emitter.sequence, emitter.timestampNanos, withdrawalId, w.accountId,
                    w.assetId, w.amountMinor);
            ledger.settle(account, w.assetId, w.amountMinor);
        } else {
            emitter.listener.onWithdrawalReverted(emitter.sequence, emitter.timestampNanos, withdrawalId, w.accountId,
                    w.assetId, w.amountMinor);
            ledger.unlock(account, w.assetId, w.amountMinor, BalanceChangeReason.WITHDRAWAL_REVERTED);
        }
        return ResultCode.OK;
    }

    private ResultCode check(long accountId, int assetId, long amountMinor) {
        if (ledger.account(accountId) == null) {
            return ResultCode.UNKNOWN_ACCOUNT;
        }
        if (assetId < 0 || assetId >= ledger.assetCount()) {
            return ResultCode.UNKNOWN_ASSET;
        }
        return amountMinor <= 0 ? ResultCode.INVALID_AMOUNT : ResultCode.OK;
    }
}
