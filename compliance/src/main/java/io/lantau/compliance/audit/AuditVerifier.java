package io.lantau.compliance.audit;

import io.lantau.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Walks the audit chain from its first stored record to its last and checks, for each record: that it follows the
 * previous one with no gap; that its previous hash is the previous record's stored hash (or the genesis for record 1,
 * or the anchor's hash for the first record after a purge); and that its stored hash is the hash of its fields. The
 * first failure is named. Editing any byte of a stored record is found at that record (a changed field fails its hash;
 * a changed hash fails it too, as the hash of unchanged fields); a deleted record is a gap; swapped records fail at
 * the first of them.
 *
 * <p>What it cannot see alone: records cut from the end of the chain (the rest still verifies). Compare the head
 * ({@link AuditVerification#headSequence()}, {@link AuditVerification#headHash()}) with one noted earlier elsewhere.
 *
 * <p>Streams the table (constant memory). Stateless and thread-safe; reads in one transaction.
 */
public final class AuditVerifier {
    private static final int FETCH_SIZE = 2_000;

    private AuditVerifier() {
    }

    /**
     * @param dataSource a migrated store.
     * @return the verdict.
     * @throws StoreException if the store cannot be read.
     */
    public static AuditVerification verify(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
            try {
                return verify(c);
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreException("verify the audit trail", e);
        }
    }

    private static AuditVerification verify(Connection c) throws SQLException {
        Map<Long, String> anchors = new HashMap<>();
        long lastAnchor = 0;
        for (AuditRows.Anchor a : AuditRows.anchors(c)) {
            anchors.put(a.throughSequence(), a.hash());
            lastAnchor = Math.max(lastAnchor, a.throughSequence());
        }
        AuditHasher hasher = new AuditHasher();
        long checked = 0;
        long first = 0;
        long expected = 0;
        String previousHash = null;
        try (PreparedStatement s = c.prepareStatement(AuditRows.SELECT_ALL)) {
            s.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    AuditRecord r = AuditRows.read(rs);
                    if (checked == 0) {
                        first = r.sequence();
                        expected = r.sequence();
                        if (r.sequence() == 1) {
                            previousHash = AuditHasher.GENESIS;
                        } else if (anchors.containsKey(r.sequence() - 1)) {
                            previousHash = anchors.get(r.sequence() - 1);
                        } else {
                            long missing = lastAnchor > 0 && lastAnchor < r.sequence() ? lastAnchor + 1 : 1;
                            return AuditVerification.broken(0, first, 0, AuditHasher.GENESIS, missing,
                                    AuditVerification.Problem.GAP, "record " + missing + " is missing (the first "
                                            + "stored record is " + r.sequence() + " and no purge anchor covers "
                                            + "the records before it)");
                        }
                    }
                    long head = checked == 0 ? first - 1 : expected - 1;
                    if (r.sequence() != expected) {
                        return AuditVerification.broken(checked, first, head, previousHash, expected,
                                AuditVerification.Problem.GAP, "record " + expected + " is missing (the next stored "
                                        + "record is " + r.sequence() + ")");
                    }
                    if (!r.previousHash().equals(previousHash)) {
                        return AuditVerification.broken(checked, first, head, previousHash, r.sequence(),
                                AuditVerification.Problem.BROKEN_LINK, "its previous hash " + r.previousHash()
                                        + " is not the hash " + previousHash + " of record " + (r.sequence() - 1));
                    }
                    String computed = hasher.hash(r);
                    if (!computed.equals(r.hash())) {
                        return AuditVerification.broken(checked, first, head, previousHash, r.sequence(),
                                AuditVerification.Problem.HASH_MISMATCH, "its stored hash " + r.hash()
                                        + " is not the hash of its contents " + computed + " (the record was changed)");
                    }
                    String anchored = anchors.get(r.sequence());
                    if (anchored != null && !anchored.equals(r.hash())) {
                        return AuditVerification.broken(checked, first, head, previousHash, r.sequence(),
                                AuditVerification.Problem.ANCHOR_MISMATCH, "a purge anchored the chain on hash "
                                        + anchored + " here, but the record's hash is " + r.hash());
                    }
                    checked++;
                    expected = r.sequence() + 1;
                    previousHash = r.hash();
                }
            }
        }
        if (checked == 0) {
            if (lastAnchor > 0) {
                return AuditVerification.broken(0, 0, lastAnchor, anchors.get(lastAnchor), lastAnchor + 1,
                        AuditVerification.Problem.GAP, "record " + (lastAnchor + 1) + " is missing (every record "
                                + "is gone, but a purge kept records after " + lastAnchor + ")");
            }
            return AuditVerification.sound(0, 0, 0, AuditHasher.GENESIS);
        }
        if (expected - 1 <= lastAnchor) {
            return AuditVerification.broken(checked, first, expected - 1, previousHash, lastAnchor + 1,
                    AuditVerification.Problem.GAP, "record " + (lastAnchor + 1) + " is missing (a purge kept "
                            + "records after " + lastAnchor + ")");
        }
        return AuditVerification.sound(checked, first, expected - 1, previousHash);
    }
}
