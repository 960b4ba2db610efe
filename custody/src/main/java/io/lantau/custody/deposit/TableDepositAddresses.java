package io.lantau.custody.deposit;

import io.lantau.store.Jdbc;
import io.lantau.store.Sql;
import io.lantau.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Deposit addresses kept in {@code custody_deposit_addresses}: a client's address is derived at the next free index
 * on first request and recorded, so the mapping both ways survives restarts and never changes. Addresses are stored
 * in lower case. Two concurrent first requests for one client meet at the primary key and both return the one row
 * that won. Thread-safe; blocking (JDBC).
 */
public final class TableDepositAddresses implements DepositAddresses {
    private static final int ATTEMPTS = 5;

    private final DataSource dataSource;
    private final String chain;
    private final AddressDerivation derivation;
    private final Clock clock;

    public TableDepositAddresses(DataSource dataSource, String chain, AddressDerivation derivation, Clock clock) {
        this.dataSource = dataSource;
        this.chain = chain;
        this.derivation = derivation;
        this.clock = clock;
    }

    @Override
    public String chain() {
        return chain;
    }

    @Override
    public String addressFor(long accountId) {
        if (accountId <= 0) {
            throw new IllegalArgumentException("account ids are positive");
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<String> known = find(accountId);
            if (known.isPresent()) {
                return known.get();
            }
            try {
                return Jdbc.inTransaction(dataSource, "assign a deposit address", c -> assign(c, accountId));
            } catch (StoreException e) {
                // Lost a race for the account or the index: read again and retry.
            }
        }
        throw new StoreException("could not assign a deposit address to account " + accountId, null);
    }

    private String assign(Connection c, long accountId) throws SQLException {
        long index;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT COALESCE(MAX(derivation_index) + 1, 0) FROM custody_deposit_addresses WHERE chain = ?")) {
            s.setString(1, chain);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                index = rs.getLong(1);
            }
        }
        String address = derivation.address(index).toLowerCase(Locale.ROOT);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO custody_deposit_addresses (chain, account_id,"
                + " address, derivation_index, created_at) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, chain);
            s.setLong(2, accountId);
            s.setString(3, address);
            s.setLong(4, index);
            Jdbc.setInstant(s, 5, clock.instant());
            s.executeUpdate();
        }
        return address;
    }

    private Optional<String> find(long accountId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT address FROM custody_deposit_addresses WHERE chain = ? AND account_id = ?")) {
            s.setString(1, chain);
            s.setLong(2, accountId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Sql.translate("read a deposit address", e);
        }
    }

    @Override
    public OptionalLong accountOf(String address) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT account_id FROM custody_deposit_addresses WHERE chain = ? AND address = ?")) {
            s.setString(1, chain);
            s.setString(2, address.toLowerCase(Locale.ROOT));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw Sql.translate("find a deposit address", e);
        }
    }

    @Override
    public Set<String> all() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT address FROM custody_deposit_addresses WHERE chain = ?")) {
            s.setString(1, chain);
            Set<String> out = new HashSet<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.translate("list deposit addresses", e);
        }
    }
}
