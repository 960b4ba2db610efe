package io.lantau.custody.fiat;

import io.lantau.compliance.audit.AuditDetails;
import io.lantau.compliance.audit.AuditEntry;
import io.lantau.compliance.audit.AuditKind;
import io.lantau.compliance.audit.AuditTrail;
import io.lantau.compliance.onboarding.KycIdentity;
import io.lantau.store.DuplicateKeyException;
import io.lantau.store.Jdbc;
import io.lantau.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The register of designated bank accounts (HK-07, table {@code fiat_bank_accounts}): each client designates one
 * account in their own name, whose holder name must match their approved KYC legal name ({@link HolderNames}); an
 * account number belongs to one client only. The designation is recorded in the audit trail with the bank name and
 * account number. A change of account is not self-service (it needs re-verification). Thread-safe; blocking (JDBC).
 */
public final class DesignatedAccounts {
    private static final Pattern BIC = Pattern.compile("[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?");

    private final DataSource dataSource;
    private final VerifiedIdentities identities;
    private final AuditTrail audit;
    private final Clock clock;

    public DesignatedAccounts(DataSource dataSource, VerifiedIdentities identities, AuditTrail audit, Clock clock) {
        this.dataSource = dataSource;
        this.identities = identities;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Designates the client's bank account.
     *
     * @param bankCode the bank's BIC, or null.
     * @throws FiatException {@code KYC_NOT_VERIFIED}, {@code HOLDER_NAME_MISMATCH}, {@code INVALID_ACCOUNT_NUMBER},
     *                       {@code INVALID_BANK_DETAILS}, {@code BANK_ACCOUNT_ALREADY_DESIGNATED} or
     *                       {@code BANK_ACCOUNT_IN_USE}; nothing is stored.
     */
    public DesignatedAccount designate(long accountId, String holderName, String bankName, String bankCode,
            String accountNumber) {
        String number = BankAccountNumber.normalise(accountNumber);
        if (bankName == null || bankName.isBlank() || bankName.length() > 140
                || bankCode != null && !BIC.matcher(bankCode).matches()) {
            throw new FiatException(FiatRefusal.INVALID_BANK_DETAILS, "bank name 1 to 140, BIC of 8 or 11");
        }
        if (holderName == null || holderName.isBlank() || holderName.length() > 256) {
            throw new FiatException(FiatRefusal.HOLDER_NAME_MISMATCH, "no holder name");
        }
        KycIdentity identity = identities.verified(accountId)
                .orElseThrow(() -> new FiatException(FiatRefusal.KYC_NOT_VERIFIED));
        if (!HolderNames.same(holderName, identity.legalName())) {
            throw new FiatException(FiatRefusal.HOLDER_NAME_MISMATCH);
        }
        Instant now = clock.instant();
        DesignatedAccount account = new DesignatedAccount(accountId, holderName.strip(), bankName.strip(), bankCode,
                number, now);
        try {
            Jdbc.inTransaction(dataSource, "designate a bank account", c -> {
                if (find(c, accountId).isPresent()) {
                    throw new FiatException(FiatRefusal.BANK_ACCOUNT_ALREADY_DESIGNATED);
                }
                if (findByNumber(c, number).isPresent()) {
                    throw new FiatException(FiatRefusal.BANK_ACCOUNT_IN_USE);
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO fiat_bank_accounts (account_id,"
                        + " holder_name, bank_name, bank_code, account_number, designated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")) {
                    s.setLong(1, accountId);
                    s.setString(2, account.holderName());
                    s.setString(3, account.bankName());
                    s.setString(4, bankCode);
                    s.setString(5, number);
                    Jdbc.setInstant(s, 6, now);
                    s.executeUpdate();
                }
                return null;
            });
        } catch (DuplicateKeyException e) {
            // A concurrent designation won the race.
            throw new FiatException(find(accountId).isPresent() ? FiatRefusal.BANK_ACCOUNT_ALREADY_DESIGNATED
                    : FiatRefusal.BANK_ACCOUNT_IN_USE);
        }
        audit.append(new AuditEntry(now, AuditKind.PERMISSION_CHANGE, "user:" + accountId, "account:" + accountId,
                AuditDetails.builder().put("event", "BANK_ACCOUNT_DESIGNATED").put("bankName", account.bankName())
                        .put("bankCode", bankCode).put("accountNumber", number).build()));
        return account;
    }

    /** @return the client's designated account, if any. */
    public Optional<DesignatedAccount> find(long accountId) {
        try (Connection c = dataSource.getConnection()) {
            return find(c, accountId);
        } catch (SQLException e) {
            throw Sql.translate("read a designated account", e);
        }
    }

    /** @return the designated account with this normalised number, if any client has it. */
    public Optional<DesignatedAccount> findByNumber(String normalisedNumber) {
        try (Connection c = dataSource.getConnection()) {
            return findByNumber(c, normalisedNumber);
        } catch (SQLException e) {
            throw Sql.translate("read a designated account", e);
        }
    }

    private static Optional<DesignatedAccount> find(Connection c, long accountId) throws SQLException {
        return one(c, "SELECT * FROM fiat_bank_accounts WHERE account_id = ?", s -> s.setLong(1, accountId));
    }

    private static Optional<DesignatedAccount> findByNumber(Connection c, String number) throws SQLException {
        return one(c, "SELECT * FROM fiat_bank_accounts WHERE account_number = ?", s -> s.setString(1, number));
    }

    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private static Optional<DesignatedAccount> one(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new DesignatedAccount(rs.getLong("account_id"), rs.getString("holder_name"),
                        rs.getString("bank_name"), rs.getString("bank_code"), rs.getString("account_number"),
                        Jdbc.getInstant(rs, "designated_at")));
            }
        }
    }
}
