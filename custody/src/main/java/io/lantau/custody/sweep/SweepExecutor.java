package io.lantau.custody.sweep;

import io.lantau.custody.chain.TxStatus;
import io.lantau.custody.eth.EthFees;
import io.lantau.custody.eth.EthereumAdapter;
import io.lantau.custody.eth.EthereumRpcException;
import io.lantau.custody.hotcold.Sweep;
import io.lantau.custody.hotcold.SweepPlanner;
import io.lantau.custody.ledger.ChainAsset;
import io.lantau.custody.ledger.LedgerEntry;
import io.lantau.custody.ledger.LedgerKind;
import io.lantau.custody.signer.EthHotSigner;
import io.lantau.custody.signer.SignerRefusedException;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.TransactionDecoder;

/**
 * Executes on chain the hot-to-cold sweeps the {@link SweepPlanner} proposes for one chain asset (HK-16), one step
 * per state on each {@link #runOnce() pass}: with no sweep under way and the hot tier above its cap, a sweep is
 * recorded (PLANNED, with the hash of its instruction: sweep id, hot address, cold address, amount), signed by the hot
 * signer, which signs only to the cold address it was unsealed with (HK-17), stored as SIGNED, broadcast, and once
 * mined with the profile's {@code withdrawalConfirmations} CONFIRMED: the tiers move HOT → COLD and the custody ledger
 * records the move ({@link LedgerKind#SWEPT_FROM_HOT}/{@link LedgerKind#SWEPT_TO_COLD}) and the gas the house paid
 * ({@link LedgerKind#NETWORK_FEE}), in one transaction.
 *
 * <p>Exactly once, also across a restart at any point: one sweep at a time per asset (the planner reads tiers that
 * move only on confirmation, so a second sweep while one is under way would send the excess twice), each step is a
 * conditional state change, the stored signed bytes are re-sent rather than signed again, and a transaction the node
 * no longer knows is sent again from them (same id); only bytes that can never be mined (their nonce taken by a
 * withdrawal signed after a crash) are signed again, for the same instruction. A sweep is not planned while the hot wallet's own balance cannot
 * pay the amount and the gas. Not thread-safe: one pass at a time, on the chain pass's thread.
 */
public final class SweepExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(SweepExecutor.class);

    private final SweepPlanner planner;
    private final SweepRepository sweeps;
    private final EthereumAdapter chain;
    private final EthHotSigner signer;
    private final ChainAsset asset;
    private final int confirmations;
    /** The amount of the last sweep found waiting for funds, so that a wait is logged once, not on every pass. */
    private long waitingMinor;

    /**
     * @param signer        the hot signer, unsealed with the cold address sweeps go to.
     * @param confirmations the profile's {@code custody.withdrawalConfirmations}: a sweep leaves the hot wallet as a
     *                      withdrawal does.
     */
    public SweepExecutor(SweepPlanner planner, SweepRepository sweeps, EthereumAdapter chain, EthHotSigner signer,
            ChainAsset asset, int confirmations) {
        if (!chain.chain().equals(asset.chain()) || !signer.chain().equals(asset.chain())) {
            throw new IllegalArgumentException("adapter, signer and asset must be of one chain");
        }
        if (signer.coldAddress() == null) {
            throw new IllegalArgumentException("the hot signer has no cold address to sweep to");
        }
        this.planner = planner;
        this.sweeps = sweeps;
        this.chain = chain;
        this.signer = signer;
        this.asset = asset;
        this.confirmations = confirmations;
    }

    /** One pass: moves every open sweep of the chain on, then plans a new one if none is open and one is due. */
    public void runOnce() {
        for (HotSweep sweep : sweeps.open(asset.chain())) {
            switch (sweep.state()) {
                case PLANNED -> sign(sweep);
                case SIGNED -> broadcast(sweep);
                case BROADCAST -> track(sweep);
                default -> throw new IllegalStateException("not open: " + sweep);
            }
        }
        if (sweeps.open(asset.chain()).isEmpty()) {
            planner.plan().stream().filter(s -> s.assetId() == asset.assetId()).findFirst().ifPresent(this::start);
        }
    }

    private void start(Sweep proposed) {
        BigInteger amount = asset.units().toBase(proposed.amountMinor());
        EthFees fees = chain.fees();
        BigInteger needed = amount.add(EthereumAdapter.TRANSFER_GAS.multiply(fees.maxFeePerGas()));
        BigInteger held = chain.balanceOf(signer.address());
        if (held.compareTo(needed) < 0) {
            if (waitingMinor == proposed.amountMinor()) {
                return;
            }
            waitingMinor = proposed.amountMinor();
            LOG.warn("sweep of {} {} to cold waits: the hot wallet {} holds {} of the {} base units it needs",
                    proposed.amountMinor(), asset.asset(), signer.address(), held, needed);
            return;
        }
        waitingMinor = 0;
        HotSweep sweep = sweeps.plan(asset.chain(), asset.assetId(), signer.address(), signer.coldAddress(),
                proposed.amountMinor());
        LOG.info("sweep {}: {} {} (minor) from the hot wallet to cold storage {}", sweep.sweepId(),
                sweep.amountMinor(), asset.asset(), sweep.toAddress());
        sign(sweep);
    }

    private void sign(HotSweep sweep) {
        byte[] signed;
        try {
            signed = signer.signSweep(sweep.instruction(), sweep.instructionHash());
        } catch (SignerRefusedException e) {
            LOG.error("the signer refused sweep {}: {}", sweep.sweepId(), e.getMessage());
            sweeps.refused(sweep.sweepId(), e.reason().name());
            return;
        }
        if (sweeps.signed(sweep.sweepId(), HexFormat.of().formatHex(signed))) {
            broadcast(sweeps.find(sweep.sweepId()).orElseThrow());
        }
    }

    private void broadcast(HotSweep sweep) {
        if (send(sweep)) {
            sweeps.broadcast(sweep.sweepId(), EthereumAdapter.txid(HexFormat.of().parseHex(sweep.signedTx())));
        }
    }

    /**
     * Sends the stored bytes. @return false if they can never be mined: the node does not know them and the hot
     * wallet's nonce has moved past theirs (a withdrawal signed after a crash took it); the sweep is then signed again.
     */
    private boolean send(HotSweep sweep) {
        byte[] bytes = HexFormat.of().parseHex(sweep.signedTx());
        try {
            chain.broadcast(bytes);
            return true;
        } catch (EthereumRpcException e) {
            BigInteger nonce = TransactionDecoder.decode(sweep.signedTx()).getNonce();
            if (chain.status(EthereumAdapter.txid(bytes)).state() == TxStatus.State.UNKNOWN
                    && chain.pendingNonce(signer.address()).compareTo(nonce) > 0) {
                LOG.warn("sweep {}: its nonce {} was taken by another transaction; signing it again",
                        sweep.sweepId(), nonce);
                sweeps.resign(sweep.sweepId());
                return false;
            }
            throw e;
        }
    }

    private void track(HotSweep sweep) {
        TxStatus status = chain.status(sweep.txid());
        switch (status.state()) {
            case UNKNOWN -> send(sweep);
            case PENDING -> {
                // Waiting for a block.
            }
            case MINED, FAILED -> {
                if (status.confirmations() >= confirmations) {
                    finish(sweep, status);
                }
            }
        }
    }

    private void finish(HotSweep sweep, TxStatus status) {
        String reference = "sweep:" + sweep.sweepId();
        LedgerEntry gas = new LedgerEntry(asset.chain(), asset.asset(), LedgerKind.NETWORK_FEE, 0,
                status.feePaid().negate(), reference);
        if (status.state() == TxStatus.State.FAILED) {
            LOG.warn("sweep {} reverted on chain in {}; nothing moved but the gas", sweep.sweepId(), sweep.txid());
            sweeps.finish(sweep, SweepState.FAILED, status.blockHeight(), status.feePaid(), nonZero(List.of(gas)));
            return;
        }
        BigInteger amount = asset.units().toBase(sweep.amountMinor());
        List<LedgerEntry> entries = List.of(
                new LedgerEntry(asset.chain(), asset.asset(), LedgerKind.SWEPT_FROM_HOT, 0, amount.negate(),
                        reference),
                new LedgerEntry(asset.chain(), asset.asset(), LedgerKind.SWEPT_TO_COLD, 0, amount, reference),
                gas);
        if (sweeps.finish(sweep, SweepState.CONFIRMED, status.blockHeight(), status.feePaid(), nonZero(entries))) {
            LOG.info("sweep {} confirmed in block {}", sweep.sweepId(), status.blockHeight());
        }
    }

    private static List<LedgerEntry> nonZero(List<LedgerEntry> entries) {
        return entries.stream().filter(e -> e.amountBase().signum() != 0).toList();
    }
}
