package io.lantau.custody.deposit;

import io.lantau.custody.ledger.CustodyLedger;
import io.lantau.custody.ledger.LedgerEntry;
import io.lantau.custody.ledger.LedgerKind;
import io.lantau.store.Jdbc;
import io.lantau.store.Sql;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * {@code custody_deposits} and {@code custody_scan_cursors}. Every state change is a conditional update from the
 * state it leaves, so a retried or concurrent step changes nothing the second time. Thread-safe; blocking (JDBC).
 */
public final class DepositRepository {
    private static final String COLUMNS = "deposit_id, chain, asset, txid, output_index, account_id, to_address,"
            + " from_address, amount_base, amount_minor, dust_base, block_height, block_hash, state, seen_at,"
            + " settled_at";

    private final DataSource dataSource;
    private final CustodyLedger ledger;
    private final Clock clock;

    public DepositRepository(DataSource dataSource, CustodyLedger ledger, Clock clock) {
        this.dataSource = dataSource;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Records a transfer seen at a block: a new row in {@link DepositState#SEEN}; a known one that is not final yet
     * (SEEN, HELD or DROPPED) moves to the block it is in now (mined again after a reorg) and back to SEEN.
     */
    public void observe(ObservedDeposit d) {
        Jdbc.inTransaction(dataSource, "record a deposit", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE custody_deposits SET block_height = ?,"
                    + " block_hash = ?, state = 'SEEN' WHERE deposit_id = ? AND state IN ('SEEN', 'HELD', 'DROPPED')"
                    + " AND (block_hash <> ? OR state = 'DROPPED')")) {
                s.setLong(1, d.blockHeight());
                s.setString(2, d.blockHash());
                s.setLong(3, d.depositId());
                s.setString(4, d.blockHash());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO custody_deposits (" + COLUMNS + ") SELECT"
                    + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SEEN', ?, NULL WHERE NOT EXISTS (SELECT 1 FROM"
                    + " custody_deposits WHERE deposit_id = ?)")) {
                s.setLong(1, d.depositId());
                s.setString(2, d.chain());
                s.setString(3, d.asset());
                s.setString(4, d.txid());
                s.setInt(5, d.outputIndex());
                s.setLong(6, d.accountId());
                s.setString(7, d.toAddress());
                s.setString(8, d.fromAddress());
                s.setBigDecimal(9, new BigDecimal(d.amountBase()));
                s.setLong(10, d.creditMinor());
                s.setBigDecimal(11, new BigDecimal(d.dustBase()));
                s.setLong(12, d.blockHeight());
                s.setString(13, d.blockHash());
                Jdbc.setInstant(s, 14, clock.instant());
                s.setLong(15, d.depositId());
                s.executeUpdate();
            }
            return null;
        });
    }

    /** @return the chain's deposits waiting for confirmations or held by the gate, oldest block first. */
    public List<ObservedDeposit> unsettled(String chain) {
        return query("SELECT " + COLUMNS + " FROM custody_deposits WHERE chain = ? AND state IN ('SEEN', 'HELD')"
                + " ORDER BY block_height, deposit_id", s -> s.setString(1, chain));
    }

    /** @return one client's deposits on every chain, newest first, at most {@code limit}. */
    public List<ObservedDeposit> history(long accountId, int limit) {
        return query("SELECT " + COLUMNS + " FROM custody_deposits WHERE account_id = ? ORDER BY seen_at DESC,"
                + " deposit_id DESC LIMIT " + limit, s -> s.setLong(1, accountId));
    }

    public Optional<ObservedDeposit> find(long depositId) {
        return query("SELECT " + COLUMNS + " FROM custody_deposits WHERE deposit_id = ?",
                s -> s.setLong(1, depositId)).stream().findFirst();
    }

    /** Marks a deposit whose block left the best chain; @return whether it was still unsettled. */
    public boolean drop(long depositId) {
        return move(depositId, "DROPPED");
    }

    /** Marks a confirmed deposit held by the gate. */
    public boolean hold(long depositId) {
        return Jdbc.inTransaction(dataSource, "hold a deposit", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE custody_deposits SET state = 'HELD' WHERE deposit_id = ? AND state = 'SEEN'")) {
                s.setLong(1, depositId);
                return s.executeUpdate() == 1;
            }
        });
    }

    /**
     * Ends an unsettled deposit as credited (or as dust if it credits nothing), appending its ledger entries in the
     * same transaction. Called after the core accepted the deposit (or for dust, which the core never sees).
     *
     * @return false if it was settled already (nothing changed).
     */
    public boolean settle(ObservedDeposit d, BigInteger creditBase) {
        String state = d.creditMinor() > 0 ? "CREDITED" : "DUST";
        return Jdbc.inTransaction(dataSource, "credit a deposit", c -> {
            if (!moveIn(c, d.depositId(), state)) {
                return false;
            }
            String reference = "deposit:" + d.depositId();
            if (creditBase.signum() > 0) {
                ledger.append(c, new LedgerEntry(d.chain(), d.asset(), LedgerKind.DEPOSIT_CREDITED, d.accountId(),
                        creditBase, reference));
            }
            if (d.dustBase().signum() > 0) {
                ledger.append(c, new LedgerEntry(d.chain(), d.asset(), LedgerKind.DEPOSIT_DUST, 0, d.dustBase(),
                        reference));
            }
            return true;
        });
    }

    private boolean move(long depositId, String state) {
        return Jdbc.inTransaction(dataSource, "update a deposit", c -> moveIn(c, depositId, state));
    }

    private boolean moveIn(Connection c, long depositId, String state) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE custody_deposits SET state = ?, settled_at = ?"
                + " WHERE deposit_id = ? AND state IN ('SEEN', 'HELD')")) {
            s.setString(1, state);
            Jdbc.setInstant(s, 2, clock.instant());
            s.setLong(3, depositId);
            return s.executeUpdate() == 1;
        }
    }

    /** @return the next height to scan, or empty before the first scan of the chain. */
    public OptionalLong cursor(String chain) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT next_height FROM custody_scan_cursors WHERE chain = ?")) {
            s.setString(1, chain);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw Sql.translate("read the scan cursor", e);
        }
    }

    /** Persists the next height to scan. */
    public void moveCursor(String chain, long nextHeight) {
        Jdbc.inTransaction(dataSource, "move the scan cursor", c -> {
            int updated;
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE custody_scan_cursors SET next_height = ?, updated_at = ? WHERE chain = ?")) {
                s.setLong(1, nextHeight);
                Jdbc.setInstant(s, 2, clock.instant());
                s.setString(3, chain);
                updated = s.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO custody_scan_cursors (chain, next_height, updated_at) VALUES (?, ?, ?)")) {
                    s.setString(1, chain);
                    s.setLong(2, nextHeight);
                    Jdbc.setInstant(s, 3, clock.instant());
                    s.executeUpdate();
                }
            }
            return null;
        });
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private List<ObservedDeposit> query(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            List<ObservedDeposit> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new ObservedDeposit(rs.getLong("deposit_id"), rs.getString("chain"),
                            rs.getString("asset"), rs.getString("txid"), rs.getInt("output_index"),
                            rs.getLong("account_id"), rs.getString("to_address"), rs.getString("from_address"),
                            rs.getBigDecimal("amount_base").toBigIntegerExact(), rs.getLong("amount_minor"),
                            rs.getBigDecimal("dust_base").toBigIntegerExact(), rs.getLong("block_height"),
                            rs.getString("block_hash"), DepositState.valueOf(rs.getString("state")),
                            Jdbc.getInstant(rs, "seen_at"), Jdbc.getInstant(rs, "settled_at")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.translate("read deposits", e);
        }
    }
}
