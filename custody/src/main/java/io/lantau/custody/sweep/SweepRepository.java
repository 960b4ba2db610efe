package io.lantau.custody.sweep;

import io.lantau.custody.hotcold.TierBalances;
import io.lantau.custody.hotcold.WalletTier;
import io.lantau.custody.ledger.CustodyLedger;
import io.lantau.custody.ledger.LedgerEntry;
import io.lantau.store.Jdbc;
import io.lantau.store.Sql;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code custody_sweeps} table. Every state change is conditional on the state it leaves, so a step repeated
 * after a crash changes nothing; the confirmation moves the tiers and appends the ledger in the same transaction as
 * its state change, which makes it exactly once. Thread-safe; blocking (JDBC).
 */
public final class SweepRepository {
    private final DataSource dataSource;
    private final CustodyLedger ledger;
    private final TierBalances tiers;
    private final Clock clock;

    public SweepRepository(DataSource dataSource, CustodyLedger ledger, TierBalances tiers, Clock clock) {
        this.dataSource = dataSource;
        this.ledger = ledger;
        this.tiers = tiers;
        this.clock = clock;
    }

    /** Records a new sweep as PLANNED with the hash of its instruction (which includes its id). @return it. */
    public HotSweep plan(String chain, int assetId, String from, String to, long amountMinor) {
        long id = Jdbc.inTransaction(dataSource, "plan a sweep", c -> {
            long sweepId;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO custody_sweeps (chain, asset_id, from_address,"
                    + " to_address, amount_minor, instruction_hash, state, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, '', 'PLANNED', ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                s.setString(1, chain);
                s.setInt(2, assetId);
                s.setString(3, from);
                s.setString(4, to);
                s.setLong(5, amountMinor);
                Jdbc.setInstant(s, 6, clock.instant());
                Jdbc.setInstant(s, 7, clock.instant());
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    sweepId = keys.getLong(1);
                }
            }
            String hash = new HotSweep(sweepId, chain, assetId, from, to, amountMinor, null, SweepState.PLANNED,
                    null, null, null).instruction().hash();
            try (PreparedStatement s = c.prepareStatement("UPDATE custody_sweeps SET instruction_hash = ?"
                    + " WHERE sweep_id = ?")) {
                s.setString(1, hash);
                s.setLong(2, sweepId);
                s.executeUpdate();
            }
            return sweepId;
        });
        return find(id).orElseThrow();
    }

    public Optional<HotSweep> find(long sweepId) {
        return query("SELECT * FROM custody_sweeps WHERE sweep_id = ?", ps -> ps.setLong(1, sweepId)).stream()
                .findFirst();
    }

    /** @return the chain's sweeps still under way (PLANNED, SIGNED, BROADCAST), oldest first. */
    public List<HotSweep> open(String chain) {
        return query("SELECT * FROM custody_sweeps WHERE chain = ? AND state IN ('PLANNED', 'SIGNED', 'BROADCAST')"
                + " ORDER BY sweep_id", ps -> ps.setString(1, chain));
    }

    /** @return every sweep of the chain, oldest first (at most 500). */
    public List<HotSweep> all(String chain) {
        return query("SELECT * FROM custody_sweeps WHERE chain = ? ORDER BY sweep_id LIMIT 500",
                ps -> ps.setString(1, chain));
    }

    /** PLANNED → SIGNED with the signed bytes. @return whether this call made the change. */
    public boolean signed(long sweepId, String signedTxHex) {
        return update("UPDATE custody_sweeps SET state = 'SIGNED', signed_tx = ?, updated_at = ? WHERE sweep_id = ?"
                + " AND state = 'PLANNED'", signedTxHex, sweepId);
    }

    /** SIGNED → BROADCAST with its transaction id. */
    public boolean broadcast(long sweepId, String txid) {
        return update("UPDATE custody_sweeps SET state = 'BROADCAST', txid = ?, updated_at = ? WHERE sweep_id = ?"
                + " AND state = 'SIGNED'", txid, sweepId);
    }

    /**
     * SIGNED or BROADCAST → PLANNED, forgetting the signed bytes: they can never be mined (their nonce was taken by
     * another transaction of the hot wallet and the node does not know them), so the same instruction is signed again.
     */
    public boolean resign(long sweepId) {
        return Jdbc.inTransaction(dataSource, "re-sign a sweep", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE custody_sweeps SET state = 'PLANNED',"
                    + " signed_tx = NULL, txid = NULL, updated_at = ? WHERE sweep_id = ?"
                    + " AND state IN ('SIGNED', 'BROADCAST')")) {
                Jdbc.setInstant(s, 1, clock.instant());
                s.setLong(2, sweepId);
                return s.executeUpdate() == 1;
            }
        });
    }

    /** PLANNED → REFUSED: the signer would not sign it. */
    public boolean refused(long sweepId, String reason) {
        return update("UPDATE custody_sweeps SET state = 'REFUSED', reason = ?, updated_at = ? WHERE sweep_id = ?"
                + " AND state = 'PLANNED'", reason, sweepId);
    }

    /**
     * BROADCAST → {@code outcome} (CONFIRMED or FAILED) with the block and gas, in one transaction with the ledger
     * entries and, if CONFIRMED, the HOT → COLD move of the tiers.
     *
     * @return false if the sweep was not BROADCAST any more (finished before): nothing done.
     */
    public boolean finish(HotSweep sweep, SweepState outcome, long blockHeight, BigInteger gasFeeBase,
            List<LedgerEntry> entries) {
        if (outcome != SweepState.CONFIRMED && outcome != SweepState.FAILED) {
            throw new IllegalArgumentException("not a final outcome of a sent sweep: " + outcome);
        }
        return Jdbc.inTransaction(dataSource, "finish sweep " + sweep.sweepId(), c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE custody_sweeps SET state = ?, block_height = ?,"
                    + " gas_fee_base = ?, updated_at = ? WHERE sweep_id = ? AND state = 'BROADCAST'")) {
                s.setString(1, outcome.name());
                s.setLong(2, blockHeight);
                s.setBigDecimal(3, new BigDecimal(gasFeeBase));
                Jdbc.setInstant(s, 4, clock.instant());
                s.setLong(5, sweep.sweepId());
                if (s.executeUpdate() != 1) {
                    return false;
                }
            }
            if (outcome == SweepState.CONFIRMED) {
                tiers.move(c, sweep.assetId(), WalletTier.HOT, WalletTier.COLD, sweep.amountMinor());
            }
            for (LedgerEntry entry : entries) {
                ledger.append(c, entry);
            }
            return true;
        });
    }

    private boolean update(String sql, String text, long sweepId) {
        return Jdbc.inTransaction(dataSource, "update a sweep", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, text);
                Jdbc.setInstant(s, 2, clock.instant());
                s.setLong(3, sweepId);
                return s.executeUpdate() == 1;
            }
        });
    }

    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private List<HotSweep> query(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            List<HotSweep> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new HotSweep(rs.getLong("sweep_id"), rs.getString("chain"), rs.getInt("asset_id"),
                            rs.getString("from_address"), rs.getString("to_address"), rs.getLong("amount_minor"),
                            rs.getString("instruction_hash"), SweepState.valueOf(rs.getString("state")),
                            rs.getString("reason"), rs.getString("signed_tx"), rs.getString("txid")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.translate("read sweeps", e);
        }
    }
}
