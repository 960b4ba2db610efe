package io.lantau.compliance.audit;

import io.lantau.compliance.profile.RetentionRules;
import io.lantau.store.ProjectionOffsets;
import io.lantau.store.Sql;
import io.lantau.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * The one writer of the audit chain (table {@code audit_log}, migration V3): numbers each appended
 * {@link AuditEntry} densely, links it to the previous record's hash, hashes it ({@link AuditHasher}) and inserts it.
 * There is no update and no delete here but {@link #purge}, which deletes only records older than the profile's
 * retention and leaves an anchor so the rest still verifies; the database refuses every other change by trigger.
 *
 * <p>Thread-safe: appends from any thread are serialized by one lock, and each call is one transaction (a batch of
 * entries is one JDBC batch), so services append their records directly (logins, KYC decisions…) while
 * {@link AuditProjection} appends the core's order events in large batches. Records are numbered in the order they
 * are committed, so their times need not increase with their sequence.
 *
 * <p>One process should write a store's chain. If another writer gets in between (a second server on the same
 * PostgreSQL), the primary key on the sequence refuses the stale insert; the trail then re-reads the chain's end and
 * tries once more, so the chain never forks.
 */
public final class AuditTrail {
    private final DataSource dataSource;
    private final ReentrantLock lock = new ReentrantLock();
    private final AuditHasher hasher = new AuditHasher();
    private AuditRows.Tail tail;
    private boolean stale;

    /**
     * @param dataSource a migrated store (V3).
     * @throws StoreException if the chain's end cannot be read.
     */
    public AuditTrail(DataSource dataSource) {
        this.dataSource = dataSource;
        try (Connection c = dataSource.getConnection()) {
            tail = AuditRows.readTail(c);
        } catch (SQLException e) {
            throw new StoreException("read the end of the audit trail", e);
        }
    }

    /**
     * Appends one record in its own transaction.
     *
     * @return the stored record, with its sequence and hashes.
     * @throws StoreException if it cannot be written (nothing is then written).
     */
    public AuditRecord append(AuditEntry entry) {
        return write(List.of(entry), null, 0).get(0);
    }

    /**
     * Appends the entries, in order, in one transaction: all are written or none.
     *
     * @return the stored records.
     * @throws StoreException if they cannot be written.
     */
    public List<AuditRecord> appendAll(List<AuditEntry> entries) {
        return write(entries, null, 0);
    }

    /** @return the sequence of the last record appended (0 if none). */
    public long lastSequence() {
        lock.lock();
        try {
            return tail.sequence();
        } finally {
            lock.unlock();
        }
    }

    /** @return the hash of the last record appended (the genesis, 64 zeros, if none). */
    public String lastHash() {
        lock.lock();
        try {
            return tail.hash();
        } finally {
            lock.unlock();
        }
    }

    /** @return the store it writes to. */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Deletes the oldest records, those before {@code before}, if the profile's retention allows it (HK-34), in one
     * transaction that also appends an {@link AuditKind#AUDIT_PURGE} record and an anchor (the last purged record's
     * sequence and hash) from which {@link AuditVerifier} verifies the rest. Only a prefix of the chain is purged: it
     * stops at the first record whose time is not before {@code before}.
     *
     * @param before    purge records whose time is before this instant.
     * @param retention the profile's retention; the trail as a whole is kept for {@link RetentionRules#auditTrail()}.
     * @param now       the current time.
     * @param actor     who asked for the purge (recorded in the purge record).
     * @return what was purged.
     * @throws RetentionException if {@code before} is later than {@code now} minus the retention period: nothing is
     *                            purged.
     * @throws StoreException     if the store fails.
     */
    public PurgeResult purge(Instant before, RetentionRules retention, Instant now, String actor) {
        Instant oldestAllowed = now.atOffset(ZoneOffset.UTC).minus(retention.auditTrail()).toInstant();
        if (before.isAfter(oldestAllowed)) {
            throw new RetentionException("refused to purge audit records before " + before + ": the profile keeps "
                    + "the audit trail for " + retention.auditTrail().getYears() + " years, so nothing after "
                    + oldestAllowed + " may be purged (HK-34)");
        }
        lock.lock();
        try (Connection c = dataSource.getConnection()) {
            refreshIfStale(c);
            c.setAutoCommit(false);
            try {
                PurgeResult result = purge(c, before, retention, now, actor);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                stale = true;
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            stale = true;
            throw Sql.translate("purge the audit trail", e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Appends the entries and records {@code offset} as projection {@code projection}'s offset in the same
     * transaction, so that records and offset commit together.
     */
    List<AuditRecord> appendWithOffset(List<AuditEntry> entries, String projection, long offset) {
        return write(entries, projection, offset);
    }

    private List<AuditRecord> write(List<AuditEntry> entries, String projection, long offset) {
        lock.lock();
        try {
            for (int attempt = 0; ; attempt++) {
                try (Connection c = dataSource.getConnection()) {
                    refreshIfStale(c);
                    List<AuditRecord> records = chain(entries);
                    c.setAutoCommit(false);
                    try {
                        AuditRows.insert(c, records);
                        if (projection != null) {
                            ProjectionOffsets.write(c, projection, offset);
                        }
                        c.commit();
                    } catch (SQLException | RuntimeException e) {
                        c.rollback();
                        throw e;
                    } finally {
                        c.setAutoCommit(true);
                    }
                    if (!records.isEmpty()) {
                        AuditRecord last = records.get(records.size() - 1);
                        tail = new AuditRows.Tail(last.sequence(), last.hash());
                    }
                    return records;
                } catch (SQLException e) {
                    stale = true;
                    StoreException failure = Sql.translate("append " + entries.size() + " audit records", e);
                    if (attempt > 0 || !(failure instanceof io.lantau.store.DuplicateKeyException)) {
                        throw failure;
                    }
                    // Another writer appended since we read the end of the chain: re-read it and chain again.
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void refreshIfStale(Connection c) throws SQLException {
        if (stale) {
            tail = AuditRows.readTail(c);
            stale = false;
        }
    }

    private List<AuditRecord> chain(List<AuditEntry> entries) {
        List<AuditRecord> records = new ArrayList<>(entries.size());
        long sequence = tail.sequence();
        String previous = tail.hash();
        for (AuditEntry e : entries) {
            sequence++;
            AuditRecord record = link(sequence, e, previous);
            records.add(record);
            previous = record.hash();
        }
        return records;
    }

    private AuditRecord link(long sequence, AuditEntry e, String previous) {
        String kind = e.kind().name();
        String hash = hasher.hash(sequence, e.timeNanos(), kind, e.actor(), e.subject(), e.details(), previous);
        return new AuditRecord(sequence, e.time(), kind, e.actor(), e.subject(), e.details(), previous, hash);
    }

    private PurgeResult purge(Connection c, Instant before, RetentionRules retention, Instant now, String actor)
            throws SQLException {
        long beforeNanos = AuditRecord.nanosOf(before);
        long through;
        try (PreparedStatement s = c.prepareStatement("SELECT MIN(seq) FROM audit_log WHERE time_nanos >= ?")) {
            s.setLong(1, beforeNanos);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                long firstKept = rs.getLong(1);
                through = rs.wasNull() ? tail.sequence() : firstKept - 1;
            }
        }
        String throughHash;
        long throughTime;
        long count;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT hash, time_nanos, (SELECT COUNT(*) FROM audit_log WHERE seq <= ?) FROM audit_log WHERE seq = ?")) {
            s.setLong(1, through);
            s.setLong(2, through);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return PurgeResult.NOTHING; // nothing old enough, or already purged
                }
                throughHash = rs.getString(1);
                throughTime = rs.getLong(2);
                count = rs.getLong(3);
            }
        }
        int years = retention.auditTrail().getYears();
        AuditEntry entry = new AuditEntry(now, AuditKind.AUDIT_PURGE, actor, "audit_log", AuditDetails.builder()
                .put("throughSequence", through).put("throughHash", throughHash).put("purgedRecords", count)
                .put("before", before.toString()).put("retentionYears", years).build());
        List<AuditRecord> purgeRecord = chain(List.of(entry));
        AuditRows.insert(c, purgeRecord);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO audit_anchors (through_seq, through_hash, "
                + "through_time_nanos, purged_at_nanos, retention_years) VALUES (?, ?, ?, ?, ?)")) {
            s.setLong(1, through);
            s.setString(2, throughHash);
            s.setLong(3, throughTime);
            s.setLong(4, AuditRecord.nanosOf(now));
            s.setInt(5, years);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM audit_log WHERE seq <= ?")) {
            s.setLong(1, through);
            s.executeUpdate();
        }
        AuditRecord last = purgeRecord.get(0);
        // Committed by the caller; if the commit fails, the caller marks the tail stale and it is re-read.
        tail = new AuditRows.Tail(last.sequence(), last.hash());
        return new PurgeResult(count, through, throughHash);
    }
}
