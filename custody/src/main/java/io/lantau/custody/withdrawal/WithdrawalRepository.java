package io.lantau.custody.withdrawal;

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
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@code custody_withdrawals}. Every state change is a conditional update from the state it leaves, so a step retried
 * after a crash, or raced by another pass, takes effect once; ledger entries are appended in the same transaction as
 * the state change that causes them. Thread-safe; blocking (JDBC).
 */
public final class WithdrawalRepository {
    private static final String COLUMNS = "withdrawal_id, account_id, chain, asset, destination, amount_minor,"
            + " fee_minor, instruction_hash, state, reason, txid, signed_tx, block_height, gas_fee_base, created_at,"
            + " updated_at";

    private final DataSource dataSource;
    private final CustodyLedger ledger;
    private final Clock clock;

    public WithdrawalRepository(DataSource dataSource, CustodyLedger ledger, Clock clock) {
        this.dataSource = dataSource;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Inserts a new withdrawal in {@link WithdrawalState#REQUESTED}; @return false if its id exists already. */
    boolean insert(Withdrawal w, String clientIp, String deviceId) {
        return Jdbc.inTransaction(dataSource, "record a withdrawal", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO custody_withdrawals (withdrawal_id,"
                    + " account_id, chain, asset, destination, amount_minor, fee_minor, instruction_hash, state,"
                    + " client_ip, device_id, created_at, updated_at) SELECT ?, ?, ?, ?, ?, ?, ?, ?, 'REQUESTED', ?,"
                    + " ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM custody_withdrawals WHERE withdrawal_id = ?)")) {
                Instant now = clock.instant();
                s.setLong(1, w.withdrawalId());
                s.setLong(2, w.accountId());
                s.setString(3, w.chain());
                s.setString(4, w.asset());
                s.setString(5, w.destination());
                s.setLong(6, w.amountMinor());
                s.setLong(7, w.feeMinor());
                s.setString(8, w.instructionHash());
                s.setString(9, clientIp);
                s.setString(10, deviceId);
                Jdbc.setInstant(s, 11, now);
                Jdbc.setInstant(s, 12, now);
                s.setLong(13, w.withdrawalId());
                return s.executeUpdate() == 1;
            }
        });
    }

    /** Deletes a withdrawal the core refused to lock: a refusal leaves no row. */
    void deleteRequested(long withdrawalId) {
        Jdbc.inTransaction(dataSource, "delete a refused withdrawal", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM custody_withdrawals WHERE withdrawal_id = ? AND state = 'REQUESTED'")) {
                s.setLong(1, withdrawalId);
                return s.executeUpdate();
            }
        });
    }

    public Optional<Withdrawal> find(long withdrawalId) {
        return query("SELECT " + COLUMNS + " FROM custody_withdrawals WHERE withdrawal_id = ?",
                s -> s.setLong(1, withdrawalId)).stream().findFirst();
    }

    /** @return the account's withdrawals, newest first, at most {@code limit}. */
    public List<Withdrawal> list(long accountId, int limit) {
        return query("SELECT " + COLUMNS + " FROM custody_withdrawals WHERE account_id = ? ORDER BY created_at DESC,"
                + " withdrawal_id DESC LIMIT " + limit, s -> s.setLong(1, accountId));
    }

    /** @return the chain's withdrawals in one state, oldest first. */
    public List<Withdrawal> inState(String chain, WithdrawalState state) {
        return query("SELECT " + COLUMNS + " FROM custody_withdrawals WHERE chain = ? AND state = ? ORDER BY"
                + " created_at, withdrawal_id", s -> {
                    s.setString(1, chain);
                    s.setString(2, state.name());
                });
    }

    /**
     * @param accountId the account, or 0 for all accounts.
     * @return the sum of amounts of the asset's withdrawals created since {@code since} that still count (not
     *     reverted or rejected).
     */
    long withdrawnSince(long accountId, String asset, Instant since) {
        String sql = "SELECT COALESCE(SUM(amount_minor), 0) FROM custody_withdrawals WHERE asset = ? AND"
                + " created_at >= ? AND state NOT IN ('REVERTING', 'REVERTED', 'REJECTED')" + (accountId > 0 ? " AND account_id = ?"
                : "");
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, asset);
            Jdbc.setInstant(s, 2, since);
            if (accountId > 0) {
                s.setLong(3, accountId);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1).longValueExact();
            }
        } catch (SQLException e) {
            throw Sql.translate("sum withdrawals", e);
        }
    }

    /** Moves {@code from} → {@code to}; @return whether it was in {@code from}. */
    boolean move(long withdrawalId, WithdrawalState from, WithdrawalState to, String reason) {
        return Jdbc.inTransaction(dataSource, "update a withdrawal", c -> moveIn(c, withdrawalId, from, to, reason));
    }

    /** Stores the signed transaction: APPROVED → SIGNED. */
    boolean signed(long withdrawalId, String signedTxHex) {
        return update("UPDATE custody_withdrawals SET state = 'SIGNED', signed_tx = ?, updated_at = ? WHERE"
                + " withdrawal_id = ? AND state = 'APPROVED'", signedTxHex, withdrawalId);
    }

    /** Records the transaction id the node accepted: SIGNED → BROADCAST. */
    boolean broadcast(long withdrawalId, String txid) {
        return update("UPDATE custody_withdrawals SET state = 'BROADCAST', txid = ?, updated_at = ? WHERE"
                + " withdrawal_id = ? AND state = 'SIGNED'", txid, withdrawalId);
    }

    /** Records the reviewer's decision: PENDING_REVIEW → APPROVED or REVERTING. */
    boolean reviewed(long withdrawalId, long reviewerId, WithdrawalState to, String reason) {
        return Jdbc.inTransaction(dataSource, "review a withdrawal", c -> {
            if (!moveIn(c, withdrawalId, WithdrawalState.PENDING_REVIEW, to, reason)) {
                return false;
            }
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE custody_withdrawals SET reviewer_id = ? WHERE withdrawal_id = ?")) {
                s.setLong(1, reviewerId);
                s.setLong(2, withdrawalId);
                s.executeUpdate();
            }
            return true;
        });
    }

    private boolean update(String sql, String text, long withdrawalId) {
        return Jdbc.inTransaction(dataSource, "update a withdrawal", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, text);
                Jdbc.setInstant(s, 2, clock.instant());
                s.setLong(3, withdrawalId);
                return s.executeUpdate() == 1;
            }
        });
    }

    /**
     * Ends a broadcast withdrawal (SETTLED or REVERTED) with its mined block, gas fee and ledger entries, in one
     * transaction. @return false if it had left BROADCAST already (nothing changed).
     */
    boolean finish(long withdrawalId, WithdrawalState to, String reason, long blockHeight, BigInteger gasFeeBase,
            List<LedgerEntry> entries) {
        return Jdbc.inTransaction(dataSource, "finish a withdrawal", c -> {
            if (!moveIn(c, withdrawalId, WithdrawalState.BROADCAST, to, reason)) {
                return false;
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE custody_withdrawals SET block_height = ?,"
                    + " gas_fee_base = ? WHERE withdrawal_id = ?")) {
                s.setLong(1, blockHeight);
                s.setBigDecimal(2, new BigDecimal(gasFeeBase));
                s.setLong(3, withdrawalId);
                s.executeUpdate();
            }
            for (LedgerEntry entry : entries) {
                ledger.append(c, entry);
            }
            return true;
        });
    }

    private boolean moveIn(Connection c, long withdrawalId, WithdrawalState from, WithdrawalState to, String reason)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE custody_withdrawals SET state = ?, reason ="
                + " COALESCE(?, reason), updated_at = ? WHERE withdrawal_id = ? AND state = ?")) {
            s.setString(1, to.name());
            s.setString(2, reason);
            Jdbc.setInstant(s, 3, clock.instant());
            s.setLong(4, withdrawalId);
            s.setString(5, from.name());
            return s.executeUpdate() == 1;
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private List<Withdrawal> query(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            List<Withdrawal> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    BigDecimal gas = rs.getBigDecimal("gas_fee_base");
                    long height = rs.getLong("block_height");
                    Long blockHeight = rs.wasNull() ? null : height;
                    out.add(new Withdrawal(rs.getLong("withdrawal_id"), rs.getLong("account_id"),
                            rs.getString("chain"), rs.getString("asset"), rs.getString("destination"),
                            rs.getLong("amount_minor"), rs.getLong("fee_minor"), rs.getString("instruction_hash"),
                            WithdrawalState.valueOf(rs.getString("state")), rs.getString("reason"),
                            rs.getString("txid"), rs.getString("signed_tx"), blockHeight,
                            gas == null ? null : gas.toBigIntegerExact(), Jdbc.getInstant(rs, "created_at"),
                            Jdbc.getInstant(rs, "updated_at")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.translate("read withdrawals", e);
        }
    }
}
