package io.lantau.collectibles;

import io.lantau.store.DuplicateKeyException;
import io.lantau.store.Jdbc;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Issuers and the IP authorisations of their works (CN-05, CN-08): a client whose KYC is approved applies as an
 * issuer and files an authorisation with its evidence (a document already in the media store); staff verify the
 * issuer and approve the authorisation; only then can the issuer create a collection ({@link Catalogue}). Staff
 * decide; the endpoints check the staff role. Thread-safe.
 */
public final class IssuerRegistry {
    private final DataSource dataSource;
    private final Identities identities;
    private final MediaStore media;
    private final Clock clock;

    public IssuerRegistry(DataSource dataSource, Identities identities, MediaStore media, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource);
        this.identities = Objects.requireNonNull(identities);
        this.media = Objects.requireNonNull(media);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Applies as an issuer. Real-name first (CN-05): {@link CollectiblesRefusal#REAL_NAME_REQUIRED} unless KYC is
     * approved, whatever the profile (an issuer is always known).
     */
    public Issuer apply(long accountId, String displayName) {
        requireText(displayName, 128, "displayName");
        if (identities.verified(accountId).isEmpty()) {
            throw new CollectiblesException(CollectiblesRefusal.REAL_NAME_REQUIRED);
        }
        try {
            Jdbc.inTransaction(dataSource, "apply as issuer", c -> {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO coll_issuers (account_id, display_name,"
                        + " status, created_at) VALUES (?, ?, 'PENDING', ?)")) {
                    s.setLong(1, accountId);
                    s.setString(2, displayName);
                    Jdbc.setInstant(s, 3, clock.instant());
                    return s.executeUpdate();
                }
            });
        } catch (DuplicateKeyException e) {
            throw new CollectiblesException(CollectiblesRefusal.ALREADY_DECIDED, "already applied");
        }
        return issuer(accountId).orElseThrow();
    }

    /** Staff verify or reject a pending issuer. */
    public Issuer decideIssuer(long accountId, long staffId, boolean verify) {
        int changed = Jdbc.inTransaction(dataSource, "decide issuer", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE coll_issuers SET status = ?, decided_by = ?,"
                    + " decided_at = ? WHERE account_id = ? AND status = 'PENDING'")) {
                s.setString(1, verify ? "VERIFIED" : "REJECTED");
                s.setLong(2, staffId);
                Jdbc.setInstant(s, 3, clock.instant());
                s.setLong(4, accountId);
                return s.executeUpdate();
            }
        });
        if (changed == 0) {
            throw issuer(accountId).isPresent() ? new CollectiblesException(CollectiblesRefusal.ALREADY_DECIDED)
                    : new CollectiblesException(CollectiblesRefusal.UNKNOWN_ISSUER);
        }
        return issuer(accountId).orElseThrow();
    }

    /** @return the issuer record, if the account applied. */
    public Optional<Issuer> issuer(long accountId) {
        return Jdbc.inTransaction(dataSource, "read issuer", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM coll_issuers WHERE account_id = ?")) {
                s.setLong(1, accountId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(issuerOf(rs)) : Optional.empty();
                }
            }
        });
    }

    /** @return issuers waiting for a decision, oldest first (at most 500). */
    public List<Issuer> pendingIssuers() {
        return Jdbc.inTransaction(dataSource, "pending issuers", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM coll_issuers WHERE status = 'PENDING'"
                    + " ORDER BY created_at, account_id LIMIT 500"); ResultSet rs = s.executeQuery()) {
                List<Issuer> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(issuerOf(rs));
                }
                return out;
            }
        });
    }

    /**
     * Files the IP authorisation for a work; the evidence must already be in the media store (uploaded by the
     * issuer). Only an issuer who applied may file.
     */
    public IpAuthorisation fileAuthorisation(long issuerId, String workTitle, String rightsHolder,
            String licenceTerms, String evidenceSha256) {
        requireText(workTitle, 256, "workTitle");
        requireText(rightsHolder, 256, "rightsHolder");
        requireText(licenceTerms, 2048, "licenceTerms");
        if (issuer(issuerId).isEmpty()) {
            throw new CollectiblesException(CollectiblesRefusal.UNKNOWN_ISSUER);
        }
        if (!media.contains(evidenceSha256)) {
            throw new CollectiblesException(CollectiblesRefusal.MEDIA_NOT_FOUND, "evidenceSha256");
        }
        long id = Jdbc.inTransaction(dataSource, "file IP authorisation", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO coll_ip_authorisations (issuer_account_id,"
                    + " work_title, rights_holder, licence_terms, evidence_sha256, status, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, 'PENDING', ?)", Statement.RETURN_GENERATED_KEYS)) {
                s.setLong(1, issuerId);
                s.setString(2, workTitle);
                s.setString(3, rightsHolder);
                s.setString(4, licenceTerms);
                s.setString(5, evidenceSha256);
                Jdbc.setInstant(s, 6, clock.instant());
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        return authorisation(id).orElseThrow();
    }

    /** Staff approve or reject a pending authorisation. */
    public IpAuthorisation decideAuthorisation(long authorisationId, long staffId, boolean approve) {
        int changed = Jdbc.inTransaction(dataSource, "decide IP authorisation", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE coll_ip_authorisations SET status = ?,"
                    + " decided_by = ?, decided_at = ? WHERE id = ? AND status = 'PENDING'")) {
                s.setString(1, approve ? "APPROVED" : "REJECTED");
                s.setLong(2, staffId);
                Jdbc.setInstant(s, 3, clock.instant());
                s.setLong(4, authorisationId);
                return s.executeUpdate();
            }
        });
        if (changed == 0) {
            throw authorisation(authorisationId).isPresent()
                    ? new CollectiblesException(CollectiblesRefusal.ALREADY_DECIDED)
                    : new CollectiblesException(CollectiblesRefusal.UNKNOWN_AUTHORISATION);
        }
        return authorisation(authorisationId).orElseThrow();
    }

    /** @return the authorisation, if it exists. */
    public Optional<IpAuthorisation> authorisation(long id) {
        return Jdbc.inTransaction(dataSource, "read IP authorisation", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM coll_ip_authorisations WHERE id = ?")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(authorisationOf(rs)) : Optional.empty();
                }
            }
        });
    }

    /**
     * The gate a new collection passes (CN-05, CN-08): the account's KYC is approved now, it is a VERIFIED issuer,
     * and the authorisation is its own and APPROVED.
     */
    void requireMayIssue(long issuerId, long authorisationId) {
        if (identities.verified(issuerId).isEmpty()
                || issuer(issuerId).map(i -> i.status() != DecisionStatus.APPROVED).orElse(true)) {
            throw new CollectiblesException(CollectiblesRefusal.ISSUER_NOT_VERIFIED);
        }
        boolean approved = authorisation(authorisationId)
                .filter(a -> a.issuerAccountId() == issuerId && a.status() == DecisionStatus.APPROVED).isPresent();
        if (!approved) {
            throw new CollectiblesException(CollectiblesRefusal.IP_AUTHORISATION_MISSING);
        }
    }

    static void requireText(String value, int maxLength, String field) {
        if (value == null || value.isBlank() || value.length() > maxLength) {
            throw new CollectiblesException(CollectiblesRefusal.INVALID_ARGUMENT,
                    field + ": 1 to " + maxLength + " characters");
        }
    }

    private static Issuer issuerOf(ResultSet rs) throws SQLException {
        String status = rs.getString("status");
        return new Issuer(rs.getLong("account_id"), rs.getString("display_name"),
                "VERIFIED".equals(status) ? DecisionStatus.APPROVED : DecisionStatus.valueOf(status),
                nullableLong(rs, "decided_by"), Jdbc.getInstant(rs, "created_at"));
    }

    private static IpAuthorisation authorisationOf(ResultSet rs) throws SQLException {
        return new IpAuthorisation(rs.getLong("id"), rs.getLong("issuer_account_id"), rs.getString("work_title"),
                rs.getString("rights_holder"), rs.getString("licence_terms"), rs.getString("evidence_sha256"),
                DecisionStatus.valueOf(rs.getString("status")), nullableLong(rs, "decided_by"),
                Jdbc.getInstant(rs, "created_at"));
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
