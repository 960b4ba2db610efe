package io.lantau.compliance.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class AuditTrailTest extends AuditEngineTestBase {
    private static final Instant T0 = Instant.parse("2025-03-01T09:30:00.123456789Z");

    private static AuditEntry entry(int i) {
        AuditKind[] kinds = AuditKind.values();
        return new AuditEntry(T0.plusSeconds(i), kinds[i % (kinds.length - 1)], "user:" + (1000 + i % 7),
                "account:" + (1000 + i % 5), AuditDetails.builder().put("i", i).put("ip", "10.0.0." + (i % 250))
                        .put("note", "caf\u00e9 \"quoted\", comma").build());
    }

    private List<AuditRecord> appendN(AuditTrail trail, int n) {
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            records.add(trail.append(entry(i)));
        }
        return records;
    }

    @Test
    void shouldChainDenseSequenceFromGenesisWhenAppended() {
        AuditTrail trail = new AuditTrail(database.dataSource());
        List<AuditRecord> records = appendN(trail, 30);
        records.addAll(trail.appendAll(List.of(entry(31), entry(32), entry(33))));

        assertThat(records).extracting(AuditRecord::sequence).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, 33).boxed().toList());
        assertThat(records.get(0).previousHash()).isEqualTo("0".repeat(64));
        for (int i = 1; i < records.size(); i++) {
            assertThat(records.get(i).previousHash()).isEqualTo(records.get(i - 1).hash());
        }
        assertThat(trail.lastSequence()).isEqualTo(33);
        assertThat(trail.lastHash()).isEqualTo(records.get(32).hash());
    }

    @Test
    void shouldVerifyWhenChainUntouched() {
        AuditTrail trail = new AuditTrail(database.dataSource());
        appendN(trail, 40);

        AuditVerification v = AuditVerifier.verify(database.dataSource());

        assertThat(v.ok()).as(v.message()).isTrue();
        assertThat(v.recordsChecked()).isEqualTo(40);
        assertThat(v.headSequence()).isEqualTo(40);
        assertThat(v.headHash()).isEqualTo(trail.lastHash());
        assertThat(v.message()).startsWith("OK: 40 records");
    }

    @Test
    void shouldVerifyWhenEmpty() {
        AuditVerification v = AuditVerifier.verify(database.dataSource());

        assertThat(v.ok()).isTrue();
        assertThat(v.recordsChecked()).isZero();
    }

    @Test
    void shouldStoreRecordsExactlyAsHashed() throws SQLException {
        AuditTrail trail = new AuditTrail(database.dataSource());
        AuditRecord written = trail.append(entry(1));

        try (Connection c = database.dataSource().getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT " + AuditRows.COLUMNS + " FROM audit_log")) {
            rs.next();
            assertThat(AuditRows.read(rs)).isEqualTo(written);
        }
    }

    @Test
    void shouldNameRecordWhenOneByteOfItsDetailsEdited() throws SQLException {
        AuditTrail trail = new AuditTrail(database.dataSource());
        List<AuditRecord> records = appendN(trail, 20);
        String original = records.get(6).details();
        String edited = Tamper.oneByteChanged(original);
        assertThat(differentBytes(original, edited)).isEqualTo(1);

        Tamper.sql(database, "UPDATE audit_log SET details = '" + edited.replace("'", "''") + "' WHERE seq = 7");

        AuditVerification v = AuditVerifier.verify(database.dataSource());
        assertThat(v.ok()).isFalse();
        assertThat(v.brokenSequence()).isEqualTo(7);
        assertThat(v.problem()).isEqualTo(AuditVerification.Problem.HASH_MISMATCH);
        assertThat(v.message()).startsWith("BROKEN at record 7:");
        assertThat(v.recordsChecked()).isEqualTo(6);
    }

    @Test
    void shouldNameRecordWhenEachOfItsFieldsEdited() throws SQLException {
        String[] edits = {"time_nanos = time_nanos + 1", "kind = 'LOGIN'", "actor = 'user:1'",
            "subject = 'account:1'", "hash = '" + "a".repeat(64) + "'", "previous_hash = '" + "b".repeat(64) + "'"};
        AuditTrail trail = new AuditTrail(database.dataSource());
        appendN(trail, edits.length * 2 + 2);
        for (int i = edits.length - 1; i >= 0; i--) {
            long seq = 2L * i + 2;
            Tamper.sql(database, "UPDATE audit_log SET " + edits[i] + " WHERE seq = " + seq);

            AuditVerification v = AuditVerifier.verify(database.dataSource());
            assertThat(v.brokenSequence()).as(edits[i]).isEqualTo(seq);
        }
    }

    @Test
    void shouldNameNextRecordWhenEditedRecordsHashRecomputed() throws SQLException {
        AuditTrail trail = new AuditTrail(database.dataSource());
        List<AuditRecord> records = appendN(trail, 10);
        AuditRecord r = records.get(3);
        String details = Tamper.oneByteChanged(r.details());
        String forged = new AuditHasher().hash(r.sequence(), r.timeNanos(), r.kind(), r.actor(), r.subject(), details,
                r.previousHash());

        Tamper.sql(database, "UPDATE audit_log SET details = '" + details + "', hash = '" + forged + "' WHERE seq = 4");

        AuditVerification v = AuditVerifier.verify(database.dataSource());
        assertThat(v.brokenSequence()).isEqualTo(5);
        assertThat(v.problem()).isEqualTo(AuditVerification.Problem.BROKEN_LINK);
    }

    @Test
    void shouldReportGapWhenRecordDeleted() throws SQLException {
        appendN(new AuditTrail(database.dataSource()), 15);

        Tamper.sql(database, "DELETE FROM audit_log WHERE seq = 9");

        AuditVerification v = AuditVerifier.verify(database.dataSource());
        assertThat(v.problem()).isEqualTo(AuditVerification.Problem.GAP);
        assertThat(v.brokenSequence()).isEqualTo(9);
        assertThat(v.headSequence()).isEqualTo(8);
    }

    @Test
    void shouldReportGapWhenFirstRecordDeleted() throws SQLException {
        appendN(new AuditTrail(database.dataSource()), 5);

        Tamper.sql(database, "DELETE FROM audit_log WHERE seq = 1");

        AuditVerification v = AuditVerifier.verify(database.dataSource());
        assertThat(v.problem()).isEqualTo(AuditVerification.Problem.GAP);
        assertThat(v.brokenSequence()).isEqualTo(1);
    }

    @Test
    void shouldNameFirstOfTwoRecordsWhenTheirOrderSwapped() throws SQLException {
        appendN(new AuditTrail(database.dataSource()), 12);

        Tamper.sql(database, "UPDATE audit_log SET seq = -1 WHERE seq = 5",
                "UPDATE audit_log SET seq = 5 WHERE seq = 6", "UPDATE audit_log SET seq = 6 WHERE seq = -1");

        AuditVerification v = AuditVerifier.verify(database.dataSource());
        assertThat(v.ok()).isFalse();
        assertThat(v.brokenSequence()).isEqualTo(5);
    }

    @Test
    void shouldRefuseUpdateAndDeleteWhenRecordsStored() {
        appendN(new AuditTrail(database.dataSource()), 3);

        assertThatThrownBy(() -> execute("UPDATE audit_log SET actor = 'x' WHERE seq = 2"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> execute("DELETE FROM audit_log WHERE seq = 3"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThat(AuditVerifier.verify(database.dataSource()).recordsChecked()).isEqualTo(3);
    }

    @Test
    void shouldContinueChainWhenTrailReopened() {
        appendN(new AuditTrail(database.dataSource()), 4);

        AuditTrail reopened = new AuditTrail(database.dataSource());
        AuditRecord next = reopened.append(entry(5));

        assertThat(next.sequence()).isEqualTo(5);
        assertThat(AuditVerifier.verify(database.dataSource()).ok()).isTrue();
    }

    @Test
    void shouldRechainWhenAnotherWriterAppendedMeanwhile() {
        AuditTrail first = new AuditTrail(database.dataSource());
        AuditTrail second = new AuditTrail(database.dataSource());
        first.append(entry(1));
        second.append(entry(2)); // its view of the end is stale: refused by the key, re-read, chained after 1
        first.append(entry(3));

        AuditVerification v = AuditVerifier.verify(database.dataSource());
        assertThat(v.ok()).as(v.message()).isTrue();
        assertThat(v.recordsChecked()).isEqualTo(3);
    }

    @Test
    void shouldKeepOneDenseChainWhenAppendedFromManyThreads() throws Exception {
        AuditTrail trail = new AuditTrail(database.dataSource());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int base = t * 1000;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        if (i % 10 == 0) {
                            trail.appendAll(List.of(entry(base + i), entry(base + i + 500)));
                        } else {
                            trail.append(entry(base + i));
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        AuditVerification v = AuditVerifier.verify(database.dataSource());
        assertThat(v.ok()).as(v.message()).isTrue();
        assertThat(v.recordsChecked()).isEqualTo(8 * 55);
    }

    @Test
    void shouldApplyStoreAndComplianceMigrationsWhenOpened() throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" "
                        + "WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        }
        assertThat(versions).containsSubsequence("1", "2", "3", "3.1");
    }

    @Test
    void shouldRefuseEntryWhenDetailsNotJsonObject() {
        assertThatThrownBy(() -> new AuditEntry(T0, AuditKind.LOGIN, "u", "s", "plain"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuditTrail(database.dataSource()).append(null))
                .isInstanceOf(NullPointerException.class);
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.executeUpdate();
        }
    }

    private static int differentBytes(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        int n = Math.abs(x.length - y.length);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            n += x[i] != y[i] ? 1 : 0;
        }
        return n;
    }
}
