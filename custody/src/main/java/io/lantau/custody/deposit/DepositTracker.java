package io.lantau.custody.deposit;

import io.lantau.compliance.suitability.CoreCommands;
import io.lantau.core.ResultCode;
import io.lantau.core.command.Deposit;
import io.lantau.custody.chain.ChainAdapter;
import io.lantau.custody.chain.ObservedTransfer;
import io.lantau.custody.ledger.ChainAsset;
import io.lantau.custody.ledger.ChainUnits;
import io.lantau.custody.ledger.CustodyIds;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds deposits to the clients' deposit addresses on one chain and credits them to the core, exactly once.
 *
 * <p>Each {@link #scanOnce() pass}: (1) scans blocks from the persisted cursor to the tip, starting
 * {@code confirmations} blocks before the cursor so that blocks replaced by a reorganisation shallower than the
 * confirmation depth are read again; every transfer is recorded by its deterministic deposit id (from chain, txid and
 * output index), so a rescan records nothing twice; (2) for each deposit with at least {@code confirmations} blocks
 * (its own included), re-reads the best chain's block hash at its height: if it differs, the deposit's block left
 * the best chain and it is dropped, never credited (if its transaction is mined again, the rescan finds it in its new
 * block); otherwise it asks the {@link DepositGate} (HK-22), then sends the core {@link Deposit} and, once the core
 * accepted it, marks it credited with its custody ledger entries in one transaction.
 *
 * <p>Exactly once across a crash: the cursor and every deposit's state are in the database; a crash after the core
 * accepted a deposit but before it was marked leaves it unsettled, and the next pass sends the same deposit id again,
 * which the core answers OK without a second credit. Not thread-safe: run one pass at a time (one tracker per chain,
 * on a {@code PeriodicTask}).
 */
public final class DepositTracker {
    private static final Logger LOG = LoggerFactory.getLogger(DepositTracker.class);
    /** The most blocks one pass reads, so that catching up after downtime proceeds in bounded steps. */
    static final int MAX_BLOCKS_PER_PASS = 500;

    private final ChainAdapter chain;
    private final ChainAsset asset;
    private final DepositAddresses addresses;
    private final DepositRepository deposits;
    private final CoreCommands core;
    private final DepositGate gate;
    private final int confirmations;
    private final long startHeight;

    /**
     * @param confirmations the profile's {@code custody.depositConfirmations}.
     * @param startHeight   where the first scan of the chain begins (the height the platform went live).
     */
    public DepositTracker(ChainAdapter chain, ChainAsset asset, DepositAddresses addresses,
            DepositRepository deposits, CoreCommands core, DepositGate gate, int confirmations, long startHeight) {
        if (!chain.chain().equals(asset.chain()) || !addresses.chain().equals(asset.chain())) {
            throw new IllegalArgumentException("adapter, asset and addresses must be of one chain");
        }
        if (confirmations < 1) {
            throw new IllegalArgumentException("confirmations must be at least 1");
        }
        this.chain = chain;
        this.asset = asset;
        this.addresses = addresses;
        this.deposits = deposits;
        this.core = core;
        this.gate = gate;
        this.confirmations = confirmations;
        this.startHeight = startHeight;
    }

    /** One pass: scan, then settle what is confirmed. @return how many deposits it credited. */
    public int scanOnce() {
        long tip = chain.tipHeight();
        scan(tip);
        return settle(tip);
    }

    private void scan(long tip) {
        OptionalLong cursor = deposits.cursor(asset.chain());
        long next = cursor.isPresent() ? cursor.getAsLong() : startHeight;
        long from = Math.max(startHeight, Math.min(next, tip + 1) - confirmations);
        long to = Math.min(tip, from + MAX_BLOCKS_PER_PASS - 1);
        if (from > to) {
            return;
        }
        Set<String> watched = addresses.all();
        if (!watched.isEmpty()) {
            List<ObservedTransfer> transfers = chain.transfersTo(watched, from, to);
            for (ObservedTransfer t : transfers) {
                record(t);
            }
        }
        deposits.moveCursor(asset.chain(), Math.max(next, to + 1));
    }

    private void record(ObservedTransfer t) {
        OptionalLong account = addresses.accountOf(t.toAddress());
        if (account.isEmpty()) {
            return;
        }
        ChainUnits.Split split = asset.units().split(t.amount());
        long depositId = CustodyIds.depositId(t.chain(), t.txid(), t.outputIndex());
        deposits.observe(new ObservedDeposit(depositId, t.chain(), asset.asset(), t.txid(), t.outputIndex(),
                account.getAsLong(), t.toAddress(), t.fromAddress(), t.amount(), split.creditMinor(),
                split.dustBase(), t.blockHeight(), t.blockHash(), DepositState.SEEN, null, null));
    }

    private int settle(long tip) {
        int credited = 0;
        for (ObservedDeposit d : deposits.unsettled(asset.chain())) {
            if (tip - d.blockHeight() + 1 < confirmations) {
                continue;
            }
            if (!chain.blockHash(d.blockHeight()).equals(d.blockHash())) {
                deposits.drop(d.depositId());
                LOG.warn("deposit {} ({}:{}) dropped: block {} at height {} left the best chain", d.depositId(),
                        d.txid(), d.outputIndex(), d.blockHash(), d.blockHeight());
                continue;
            }
            if (gate.check(d) == DepositGate.Decision.HOLD) {
                deposits.hold(d.depositId());
                continue;
            }
            if (credit(d)) {
                credited++;
            }
        }
        return credited;
    }

    private boolean credit(ObservedDeposit d) {
        if (d.creditMinor() > 0) {
            ResultCode code = core.send(new Deposit(d.depositId(), d.accountId(), asset.assetId(), d.creditMinor()));
            if (code != ResultCode.OK) {
                LOG.error("the core refused deposit {} to account {}: {}; left unsettled", d.depositId(),
                        d.accountId(), code);
                return false;
            }
        }
        return deposits.settle(d, asset.units().toBase(d.creditMinor())) && d.creditMinor() > 0;
    }
}
