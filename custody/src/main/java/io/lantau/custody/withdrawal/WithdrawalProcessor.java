package io.lantau.custody.withdrawal;

import io.lantau.compliance.suitability.CoreCommands;
import io.lantau.core.ResultCode;
import io.lantau.core.command.SettleWithdrawal;
import io.lantau.custody.chain.ChainAdapter;
import io.lantau.custody.chain.TxStatus;
import io.lantau.custody.ledger.ChainAsset;
import io.lantau.custody.ledger.LedgerEntry;
import io.lantau.custody.ledger.LedgerKind;
import io.lantau.custody.signer.SignerRefusedException;
import io.lantau.custody.signer.WithdrawalSigner;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves one chain's withdrawals from approval to the end, one step per state on each {@link #runOnce() pass}:
 * APPROVED → signed by the hot signer, which refuses an instruction whose hash is not the approved one (HK-18: the
 * withdrawal is then reverted) → stored as SIGNED → broadcast → BROADCAST → once mined with the profile's
 * {@code withdrawalConfirmations}, the core's {@link SettleWithdrawal} and then SETTLED with its ledger entries (the
 * client's amount and fee out, the fee to the house, the gas paid by the house); a transaction that reverted on chain
 * is REVERTING (its gas still recorded) and its funds go back. A transaction the node no longer knows (evicted, or
 * its block reorganised away) is sent again from its stored bytes, which gives the same transaction id.
 *
 * <p>Exactly once: each step is a conditional state change, the stored signed bytes are reused rather than signed
 * again, and the core's settle and revert are idempotent by withdrawal id, so a pass repeated after a crash at any
 * point repeats nothing. Not thread-safe: one pass at a time (a {@code PeriodicTask}).
 */
public final class WithdrawalProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(WithdrawalProcessor.class);

    private final WithdrawalService service;
    private final WithdrawalRepository withdrawals;
    private final ChainAdapter chain;
    private final WithdrawalSigner signer;
    private final ChainAsset asset;
    private final CoreCommands core;
    private final int confirmations;

    /** @param confirmations the profile's {@code custody.withdrawalConfirmations}. */
    public WithdrawalProcessor(WithdrawalService service, WithdrawalRepository withdrawals, ChainAdapter chain,
            WithdrawalSigner signer, ChainAsset asset, CoreCommands core, int confirmations) {
        if (!chain.chain().equals(asset.chain()) || !signer.chain().equals(asset.chain())) {
            throw new IllegalArgumentException("adapter, signer and asset must be of one chain");
        }
        this.service = service;
        this.withdrawals = withdrawals;
        this.chain = chain;
        this.signer = signer;
        this.asset = asset;
        this.core = core;
        this.confirmations = confirmations;
    }

    /** One pass over every unfinished withdrawal of the chain. */
    public void runOnce() {
        service.recoverRequested(asset.chain());
        // Stored transactions go out before new ones are signed: a transaction signed but not sent before a crash
        // holds the hot wallet's next nonce, which a new signature would otherwise take as well.
        for (Withdrawal w : withdrawals.inState(asset.chain(), WithdrawalState.SIGNED)) {
            broadcast(w);
        }
        for (Withdrawal w : withdrawals.inState(asset.chain(), WithdrawalState.APPROVED)) {
            sign(w);
        }
        for (Withdrawal w : withdrawals.inState(asset.chain(), WithdrawalState.BROADCAST)) {
            track(w);
        }
        for (Withdrawal w : withdrawals.inState(asset.chain(), WithdrawalState.REVERTING)) {
            service.completeRevert(w);
        }
    }

    private void sign(Withdrawal w) {
        byte[] signed;
        try {
            signed = signer.sign(w.instruction(), w.instructionHash());
        } catch (SignerRefusedException e) {
            LOG.error("the signer refused withdrawal {}: {}; reverting it", w.withdrawalId(), e.getMessage());
            if (withdrawals.move(w.withdrawalId(), WithdrawalState.APPROVED, WithdrawalState.REVERTING,
                    e.reason().name())) {
                service.completeRevert(withdrawals.find(w.withdrawalId()).orElseThrow());
            }
            return;
        }
        if (withdrawals.signed(w.withdrawalId(), HexFormat.of().formatHex(signed))) {
            broadcast(withdrawals.find(w.withdrawalId()).orElseThrow());
        }
    }

    private void broadcast(Withdrawal w) {
        String txid = chain.broadcast(HexFormat.of().parseHex(w.signedTx()));
        withdrawals.broadcast(w.withdrawalId(), txid);
    }

    private void track(Withdrawal w) {
        TxStatus status = chain.status(w.txid());
        switch (status.state()) {
            case UNKNOWN -> chain.broadcast(HexFormat.of().parseHex(w.signedTx()));
            case PENDING -> {
                // Waiting for a block.
            }
            case MINED -> {
                if (status.confirmations() >= confirmations) {
                    settle(w, status);
                }
            }
            case FAILED -> {
                if (status.confirmations() >= confirmations) {
                    fail(w, status);
                }
            }
        }
    }

    private void settle(Withdrawal w, TxStatus status) {
        ResultCode code = core.send(new SettleWithdrawal(w.withdrawalId()));
        if (code != ResultCode.OK) {
            LOG.error("the core refused to settle withdrawal {}: {}", w.withdrawalId(), code);
            return;
        }
        String reference = "withdrawal:" + w.withdrawalId();
        BigInteger debit = asset.units().toBase(w.debitMinor());
        List<LedgerEntry> entries = List.of(
                new LedgerEntry(asset.chain(), asset.asset(), LedgerKind.WITHDRAWAL_SETTLED, w.accountId(),
                        debit.negate(), reference),
                new LedgerEntry(asset.chain(), asset.asset(), LedgerKind.WITHDRAWAL_FEE, 0,
                        asset.units().toBase(w.feeMinor()), reference),
                new LedgerEntry(asset.chain(), asset.asset(), LedgerKind.NETWORK_FEE, 0, status.feePaid().negate(),
                        reference));
        withdrawals.finish(w.withdrawalId(), WithdrawalState.SETTLED, null, status.blockHeight(), status.feePaid(),
                entries.stream().filter(e -> e.amountBase().signum() != 0).toList());
    }

    private void fail(Withdrawal w, TxStatus status) {
        LOG.warn("withdrawal {} reverted on chain in {}; returning the funds", w.withdrawalId(), w.txid());
        List<LedgerEntry> gas = List.of(new LedgerEntry(asset.chain(), asset.asset(), LedgerKind.NETWORK_FEE, 0,
                status.feePaid().negate(), "withdrawal:" + w.withdrawalId()));
        if (withdrawals.finish(w.withdrawalId(), WithdrawalState.REVERTING, "FAILED_ON_CHAIN", status.blockHeight(),
                status.feePaid(), gas)) {
            service.completeRevert(withdrawals.find(w.withdrawalId()).orElseThrow());
        }
    }
}
