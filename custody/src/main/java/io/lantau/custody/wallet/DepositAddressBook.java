package io.lantau.custody.wallet;

import io.lantau.store.DuplicateKeyException;
import io.lantau.store.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Gives each client account one deposit address per chain (REGULATORY.md HK-15: client assets arrive in addresses
 * the platform can attribute to exactly one client). The first request assigns the chain's next free derivation index
 * and stores it; every later request returns the same address. An index, and so an address, is never given to two
 * accounts (primary and unique keys of {@code deposit_addresses}).
 *
 * <p>Assignments of one chain are serialised by a row lock on the chain's {@code custody_wallet_keys} row, so indexes
 * are dense and concurrent first requests of different accounts never collide. Thread-safe.
 */
public final class DepositAddressBook {
    private final DataSource dataSource;
    private final Map<String, AddressDeriver> derivers;
    private final Clock clock;

    /**
     * Records each chain's account key on first use, or checks that it is the one the stored addresses came from.
     *
     * @throws IllegalStateException if a chain's configured key differs from the recorded one.
     */
    public DepositAddressBook(DataSource dataSource, Collection<? extends AddressDeriver> derivers, Clock clock) {
        this.dataSource = dataSource;
        this.derivers = derivers.stream().collect(Collectors.toUnmodifiableMap(AddressDeriver::chain,
                Function.identity()));
        this.clock = clock;
        this.derivers.values().forEach(this::registerKey);
    }

    /**
     * @return the account's deposit address on {@code chain}, assigned now if it has none yet.
     * @throws IllegalArgumentException if the chain has no wallet or the account id is not positive.
     */
    public DepositAddress addressFor(long accountId, String chain) {
        AddressDeriver deriver = deriver(chain);
        if (accountId <= 0) {
            throw new IllegalArgumentException("account id must be positive: " + accountId);
        }
        return Jdbc.inTransaction(dataSource, "assign a deposit address", c -> {
            lockChain(c, chain);
            Optional<DepositAddress> existing = select(c, "account_id = ?", chain, ps -> ps.setLong(2, accountId));
            if (existing.isPresent()) {
                return existing.get();
            }
            int index = nextIndex(c, chain);
            DepositAddress assigned = new DepositAddress(chain, accountId, index, deriver.receiveAddress(index));
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO deposit_addresses "
                    + "(chain, account_id, address_index, address, created_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, chain);
                ps.setLong(2, accountId);
                ps.setInt(3, index);
                ps.setString(4, assigned.address());
                Jdbc.setInstant(ps, 5, clock.instant());
                ps.executeUpdate();
            }
            return assigned;
        });
    }

    /** @return the account's deposit address on {@code chain}, if one was assigned. */
    public Optional<DepositAddress> find(long accountId, String chain) {
        deriver(chain);
        return Jdbc.inTransaction(dataSource, "read a deposit address",
                c -> select(c, "account_id = ?", chain, ps -> ps.setLong(2, accountId)));
    }

    /**
     * @return whose deposit address {@code address} is, if it is one; the address may be written in any form the
     *         chain accepts (any case of a bech32 or hex address).
     */
    public Optional<DepositAddress> byAddress(String chain, String address) {
        String canonical;
        try {
            canonical = deriver(chain).canonical(address);
        } catch (IllegalArgumentException notAnAddress) {
            return Optional.empty();
        }
        return Jdbc.inTransaction(dataSource, "find a deposit address",
                c -> select(c, "address = ?", chain, ps -> ps.setString(2, canonical)));
    }

    /** @return every deposit address assigned on {@code chain}: what a chain adapter scans for deposits. */
    public Set<String> addresses(String chain) {
        deriver(chain);
        return Jdbc.inTransaction(dataSource, "list deposit addresses", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT address FROM deposit_addresses WHERE chain = ?")) {
                ps.setString(1, chain);
                Set<String> addresses = new HashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        addresses.add(rs.getString(1));
                    }
                }
                return Set.copyOf(addresses);
            }
        });
    }

    private AddressDeriver deriver(String chain) {
        AddressDeriver deriver = chain == null ? null : derivers.get(chain);
        if (deriver == null) {
            throw new IllegalArgumentException("no wallet for chain " + chain);
        }
        return deriver;
    }

    private void registerKey(AddressDeriver deriver) {
        String chain = deriver.chain();
        Optional<String> recorded = recordedKey(chain);
        if (recorded.isEmpty()) {
            try {
                Jdbc.inTransaction(dataSource, "register a wallet key", c -> {
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO custody_wallet_keys (chain, key_identity, registered_at) VALUES (?, ?, ?)")) {
                        ps.setString(1, chain);
                        ps.setString(2, deriver.keyIdentity());
                        Jdbc.setInstant(ps, 3, clock.instant());
                        return ps.executeUpdate();
                    }
                });
            } catch (DuplicateKeyException registeredMeanwhile) {
                // Another instance registered the chain first: compare with what it recorded.
            }
            recorded = recordedKey(chain);
        }
        if (!recorded.orElseThrow().equals(deriver.keyIdentity())) {
            throw new IllegalStateException("the " + chain + " account key differs from the one its deposit "
                    + "addresses were derived from (" + recorded.get() + "); refusing to hand out other addresses");
        }
    }

    private Optional<String> recordedKey(String chain) {
        return Jdbc.inTransaction(dataSource, "read a wallet key", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT key_identity FROM custody_wallet_keys WHERE chain = ?")) {
                ps.setString(1, chain);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    private static void lockChain(Connection c, String chain) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT chain FROM custody_wallet_keys WHERE chain = ? FOR UPDATE")) {
            ps.setString(1, chain);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("wallet key of " + chain + " not registered");
                }
            }
        }
    }

    private static int nextIndex(Connection c, String chain) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT MAX(address_index) AS top_index FROM deposit_addresses WHERE chain = ?")) {
            ps.setString(1, chain);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long max = Jdbc.getLong(rs, "top_index", -1);
                return Math.toIntExact(max + 1);
            }
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private static Optional<DepositAddress> select(Connection c, String condition, String chain, Binder binder)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT chain, account_id, address_index, address "
                + "FROM deposit_addresses WHERE chain = ? AND " + condition)) {
            ps.setString(1, chain);
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new DepositAddress(rs.getString(1), rs.getLong(2), rs.getInt(3),
                        rs.getString(4)));
            }
        }
    }
}
