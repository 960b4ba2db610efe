package io.lantau.custody.ledger;

import io.lantau.store.Jdbc;
import io.lantau.store.Sql;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * The custody ledger's table ({@code custody_ledger}). Appends are idempotent by (kind, reference), so a step that is
 * retried after a crash records its movement once. Thread-safe; blocking (JDBC).
 */
public final class CustodyLedger {
    private final DataSource dataSource;
    private final Clock clock;

    public CustodyLedger(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Appends inside the caller's transaction.
     *
     * @return false if an entry of that kind and reference was there already (nothing appended).
     */
    public boolean append(Connection c, LedgerEntry entry) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO custody_ledger (chain, asset, kind, owner,"
                + " account_id, amount_base, reference, created_at) SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS"
                + " (SELECT 1 FROM custody_ledger WHERE kind = ? AND reference = ?)")) {
            s.setString(1, entry.chain());
            s.setString(2, entry.asset());
            s.setString(3, entry.kind().name());
            s.setString(4, entry.kind().owner().name());
            Jdbc.setLongOrNull(s, 5, entry.kind().owner() == LedgerKind.Owner.CLIENT ? entry.accountId() : null);
            s.setBigDecimal(6, new BigDecimal(entry.amountBase()));
            s.setString(7, entry.reference());
            Jdbc.setInstant(s, 8, clock.instant());
            s.setString(9, entry.kind().name());
            s.setString(10, entry.reference());
            return s.executeUpdate() == 1;
        }
    }

    /** Appends in a transaction of its own. */
    public boolean append(LedgerEntry entry) {
        return Jdbc.inTransaction(dataSource, "append to the custody ledger", c -> append(c, entry));
    }

    /** @return the sum of every entry of the chain: what the platform's addresses should hold on chain. */
    public BigInteger total(String chain) {
        return sum("SELECT COALESCE(SUM(amount_base), 0) FROM custody_ledger WHERE chain = ?", chain, null);
    }

    /** @return the chain's client-trust balance over all clients, in base units. */
    public BigInteger clientTotal(String chain) {
        return sum("SELECT COALESCE(SUM(amount_base), 0) FROM custody_ledger WHERE chain = ? AND owner = ?", chain,
                LedgerKind.Owner.CLIENT.name());
    }

    /** @return the house's balance on the chain (float, fees, dust, minus network fees), in base units. */
    public BigInteger houseTotal(String chain) {
        return sum("SELECT COALESCE(SUM(amount_base), 0) FROM custody_ledger WHERE chain = ? AND owner = ?", chain,
                LedgerKind.Owner.HOUSE.name());
    }

    /** @return one client's trust balance on the chain, in base units. */
    public BigInteger clientBalance(String chain, long accountId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT COALESCE(SUM(amount_base), 0) FROM custody_ledger"
                        + " WHERE chain = ? AND owner = 'CLIENT' AND account_id = ?")) {
            s.setString(1, chain);
            s.setLong(2, accountId);
            return single(s);
        } catch (SQLException e) {
            throw Sql.translate("read a client's custody balance", e);
        }
    }

    private BigInteger sum(String sql, String chain, String owner) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, chain);
            if (owner != null) {
                s.setString(2, owner);
            }
            return single(s);
        } catch (SQLException e) {
            throw Sql.translate("sum the custody ledger", e);
        }
    }

    private static BigInteger single(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getBigDecimal(1).toBigIntegerExact();
        }
    }
}
