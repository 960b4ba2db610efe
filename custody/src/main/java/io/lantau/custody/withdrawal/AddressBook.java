package io.lantau.custody.withdrawal;

import io.lantau.store.Jdbc;
import io.lantau.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Each client's whitelisted withdrawal addresses ({@code custody_whitelist}, HK-18): an address enters only with a
 * proof of ownership that verifies for that account and address ({@link OwnershipProof#challenge}), and becomes usable
 * after the profile's cool-down. Every method takes the caller's account id and touches only that account's entries.
 * Addresses are kept in lower case. Thread-safe; blocking (JDBC).
 */
public final class AddressBook {
    /** The proof kind recorded for a message-signing proof. */
    public static final String MESSAGE_SIGNATURE = "MESSAGE_SIGNATURE";
    private static final int MAX_LABEL = 64;
    private static final int MAX_SIGNATURE = 1024;
    private static final String COLUMNS =
            "whitelist_id, account_id, chain, address, label, proof_kind, added_at, usable_from";

    private final DataSource dataSource;
    private final Map<String, OwnershipProof> proofs;
    private final Duration cooldown;
    private final Clock clock;

    /**
     * @param proofs   the verifiers, one per chain.
     * @param cooldown the profile's {@code custody.newAddressCooldownHours}.
     */
    public AddressBook(DataSource dataSource, List<OwnershipProof> proofs, Duration cooldown, Clock clock) {
        this.dataSource = dataSource;
        this.proofs = proofs.stream().collect(Collectors.toUnmodifiableMap(OwnershipProof::chain,
                Function.identity()));
        this.cooldown = cooldown;
        this.clock = clock;
    }

    /**
     * Whitelists {@code address} for {@code accountId} if {@code signature} proves ownership.
     *
     * @throws WithdrawalException {@code UNSUPPORTED_ASSET}, {@code INVALID_ADDRESS},
     *                             {@code OWNERSHIP_PROOF_INVALID} or {@code ADDRESS_ALREADY_WHITELISTED}; nothing is
     *                             stored then.
     */
    public WhitelistedAddress add(long accountId, String chain, String address, String label, String signature) {
        OwnershipProof proof = proofs.get(chain);
        if (proof == null) {
            throw new WithdrawalException(WithdrawalRefusal.UNSUPPORTED_ASSET, chain);
        }
        if (!proof.isValidAddress(address)) {
            throw new WithdrawalException(WithdrawalRefusal.INVALID_ADDRESS);
        }
        String cleanLabel = label == null ? "" : label.strip();
        if (cleanLabel.length() > MAX_LABEL || signature == null || signature.length() > MAX_SIGNATURE
                || !proof.verify(address, OwnershipProof.challenge(accountId, chain, address), signature)) {
            throw new WithdrawalException(WithdrawalRefusal.OWNERSHIP_PROOF_INVALID);
        }
        String lower = address.toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        boolean added = Jdbc.inTransaction(dataSource, "whitelist an address", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO custody_whitelist (account_id, chain, address,"
                    + " label, proof_kind, proof, added_at, usable_from) SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT"
                    + " EXISTS (SELECT 1 FROM custody_whitelist WHERE account_id = ? AND chain = ? AND address = ?)")) {
                s.setLong(1, accountId);
                s.setString(2, chain);
                s.setString(3, lower);
                s.setString(4, cleanLabel);
                s.setString(5, MESSAGE_SIGNATURE);
                s.setString(6, signature);
                Jdbc.setInstant(s, 7, now);
                Jdbc.setInstant(s, 8, now.plus(cooldown));
                s.setLong(9, accountId);
                s.setString(10, chain);
                s.setString(11, lower);
                return s.executeUpdate() == 1;
            }
        });
        if (!added) {
            throw new WithdrawalException(WithdrawalRefusal.ADDRESS_ALREADY_WHITELISTED);
        }
        return find(accountId, chain, lower).orElseThrow();
    }

    /** @return the account's entries, oldest first. */
    public List<WhitelistedAddress> list(long accountId) {
        return query("SELECT " + COLUMNS + " FROM custody_whitelist WHERE account_id = ? ORDER BY whitelist_id",
                s -> s.setLong(1, accountId));
    }

    /** @return the account's entry for the address (any letter case). */
    public Optional<WhitelistedAddress> find(long accountId, String chain, String address) {
        return query("SELECT " + COLUMNS + " FROM custody_whitelist WHERE account_id = ? AND chain = ? AND"
                + " address = ?", s -> {
                    s.setLong(1, accountId);
                    s.setString(2, chain);
                    s.setString(3, address.toLowerCase(Locale.ROOT));
                }).stream().findFirst();
    }

    /**
     * Removes one of the account's entries (re-adding it later starts a new cool-down).
     *
     * @throws WithdrawalException {@code NOT_FOUND} if the account has no entry of that id.
     */
    public void remove(long accountId, long whitelistId) {
        boolean removed = Jdbc.inTransaction(dataSource, "remove a whitelisted address", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM custody_whitelist WHERE whitelist_id = ? AND account_id = ?")) {
                s.setLong(1, whitelistId);
                s.setLong(2, accountId);
                return s.executeUpdate() == 1;
            }
        });
        if (!removed) {
            throw new WithdrawalException(WithdrawalRefusal.NOT_FOUND);
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private List<WhitelistedAddress> query(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            List<WhitelistedAddress> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new WhitelistedAddress(rs.getLong("whitelist_id"), rs.getLong("account_id"),
                            rs.getString("chain"), rs.getString("address"), rs.getString("label"),
                            rs.getString("proof_kind"), Jdbc.getInstant(rs, "added_at"),
                            Jdbc.getInstant(rs, "usable_from")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.translate("read the address book", e);
        }
    }
}
