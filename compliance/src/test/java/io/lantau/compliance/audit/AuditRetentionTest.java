package io.lantau.compliance.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.compliance.profile.ProfileLoader;
import io.lantau.compliance.profile.RetentionRules;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditRetentionTest extends AuditEngineTestBase {
    private static final RetentionRules HK = ProfileLoader.standard().load("HK_VATP").retention();
    private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

    private AuditTrail trailWithOldAndNewRecords() {
        AuditTrail trail = new AuditTrail(database.dataSource());
        for (int i = 0; i < 10; i++) {
            trail.append(login(Instant.parse("2012-01-01T00:00:00Z").plusSeconds(86_400L * i), i));
        }
        for (int i = 10; i < 15; i++) {
            trail.append(login(Instant.parse("2024-01-01T00:00:00Z").plusSeconds(86_400L * i), i));
        }
        return trail;
    }

    private static AuditEntry login(Instant time, int i) {
        return new AuditEntry(time, AuditKind.LOGIN, "user:" + i, "account:" + i,
                AuditDetails.builder().put("ip", "10.0.0." + i).build());
    }

    @Test
    void shouldRefusePurgeWhenRecordsYoungerThanRetention() {
        AuditTrail trail = trailWithOldAndNewRecords();

        assertThatThrownBy(() -> trail.purge(Instant.parse("2019-01-01T00:00:00Z"), HK, NOW, "staff:1"))
                .isInstanceOf(RetentionException.class).hasMessageContaining("7 years");
        assertThat(AuditVerifier.verify(database.dataSource()).recordsChecked()).isEqualTo(15);
    }

    @Test
    void shouldKeepTrailForLongerOfOrderAndAuditPeriods() {
        assertThat(new RetentionRules(2, 7).auditTrail().getYears()).isEqualTo(7);
        assertThat(new RetentionRules(5, 1).auditTrail().getYears()).isEqualTo(5);
    }

    @Test
    void shouldPurgeOldRecordsAndStillVerifyWhenRetentionAllows() throws SQLException {
        AuditTrail trail = trailWithOldAndNewRecords();

        PurgeResult result = trail.purge(Instant.parse("2018-01-01T00:00:00Z"), HK, NOW, "staff:1");

        assertThat(result.purgedRecords()).isEqualTo(10);
        assertThat(result.throughSequence()).isEqualTo(10);
        AuditVerification v = AuditVerifier.verify(database.dataSource());
        assertThat(v.ok()).as(v.message()).isTrue();
        assertThat(v.firstSequence()).isEqualTo(11);
        assertThat(v.recordsChecked()).isEqualTo(6); // 5 kept + the purge record
        assertThat(lastKind()).isEqualTo("AUDIT_PURGE");

        AuditRecord next = new AuditTrail(database.dataSource()).append(login(NOW, 99));
        assertThat(next.sequence()).isEqualTo(17);
        assertThat(AuditVerifier.verify(database.dataSource()).ok()).isTrue();
    }

    @Test
    void shouldPurgeNothingWhenNoRecordIsOldEnough() {
        AuditTrail trail = new AuditTrail(database.dataSource());
        trail.append(login(NOW.minusSeconds(10), 1));

        assertThat(trail.purge(Instant.parse("2010-01-01T00:00:00Z"), HK, NOW, "staff:1").purgedRecords()).isZero();
        assertThat(AuditVerifier.verify(database.dataSource()).recordsChecked()).isEqualTo(1);
    }

    @Test
    void shouldStillRefuseDeleteOfRecordsNoPurgeCovers() throws SQLException {
        AuditTrail trail = trailWithOldAndNewRecords();
        trail.purge(Instant.parse("2018-01-01T00:00:00Z"), HK, NOW, "staff:1");

        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_log WHERE seq = 11"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_anchors SET through_seq = 12"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
    }

    @Test
    void shouldReportGapWhenRecordAfterAnchorDeleted() throws SQLException {
        AuditTrail trail = trailWithOldAndNewRecords();
        trail.purge(Instant.parse("2018-01-01T00:00:00Z"), HK, NOW, "staff:1");

        Tamper.sql(database, "DELETE FROM audit_log WHERE seq = 11");

        AuditVerification v = AuditVerifier.verify(database.dataSource());
        assertThat(v.problem()).isEqualTo(AuditVerification.Problem.GAP);
        assertThat(v.brokenSequence()).isEqualTo(11);
    }

    private String lastKind() throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT kind FROM audit_log ORDER BY seq DESC LIMIT 1")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
