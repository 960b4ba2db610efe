package io.lantau.app.licensing;

import static io.lantau.app.licensing.LicensingScenario.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.app.licensing.LicensingScenario.CommandRun;
import io.lantau.core.ResultCode;
import io.lantau.store.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tamper-evident audit trail (HK-33) after a licensing scenario on a real server under HK_VATP: the KYC decision,
 * the investor profile and the refused order past the exposure limit are hash-chained records; {@code lantau audit
 * verify} finds the chain sound, and after one byte of the refused order's record is edited it fails and names that
 * record. (Every other scenario test ends by checking the chain too.)
 */
class AuditChainScenarioTest {
    @TempDir
    Path dir;
    private LicensingScenario scenario;

    @BeforeEach
    void start() {
        scenario = new LicensingScenario(dir);
    }

    @AfterEach
    void stop() {
        scenario.close();
    }

    @Test
    void shouldVerifyTheChainAfterAScenarioAndNameTheRecordWhoseByteWasEdited() throws SQLException {
        scenario.admitForRetail("BTC");
        // HK$100,000.00 net worth: the limit is at most HK$30,000.00, and 0.1 BTC is worth HK$75,000.00.
        LicensedClient retail = scenario.onboardRetail("Lok Yi Fung", "10000000", "0");
        scenario.credit(retail, "HKD", "100000");
        assertRejected(retail.limit("BTCHKD", "BUY", "0.1", "750000"), ResultCode.EXPOSURE_LIMIT_EXCEEDED);

        CommandRun sound = scenario.auditVerify();

        assertThat(sound.exitCode()).as(sound.out() + sound.err()).isZero();
        assertThat(sound.out()).startsWith("OK: ");
        long refusal;
        try (Database db = Database.openH2(dir.resolve("db"))) {
            List<String> kinds = kindsAbout(db, "account:" + retail.userId);
            assertThat(kinds).contains("KYC_DECISION", "INVESTOR_PROFILE_CHANGE", "LIMIT_EXCEPTION");
            refusal = editOneByteOfTheRefusal(db, retail.userId);
        }

        CommandRun broken = scenario.auditVerify();

        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.out()).startsWith("BROKEN at record " + refusal + ": ");
    }

    private static List<String> kindsAbout(Database db, String subject) throws SQLException {
        List<String> kinds = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT kind FROM audit_log WHERE subject = ? ORDER BY seq")) {
            s.setString(1, subject);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    kinds.add(rs.getString(1));
                }
            }
        }
        return kinds;
    }

    /**
     * Turns the refused quantity of 100 lots into 101 in the stored record (one byte), with the append-only trigger out
     * of the way, as an intruder with database access would; @return the record's sequence number.
     */
    private static long editOneByteOfTheRefusal(Database db, long accountId) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            long seq;
            try (ResultSet rs = s.executeQuery("SELECT seq FROM audit_log WHERE kind = 'LIMIT_EXCEPTION' AND subject = "
                    + "'account:" + accountId + "' AND details LIKE '%\"quantityLots\":100,%'")) {
                assertThat(rs.next()).as("the refusal is on record").isTrue();
                seq = rs.getLong(1);
                assertThat(rs.next()).isFalse();
            }
            s.execute("DROP TRIGGER audit_log_append_only");
            int edited = s.executeUpdate("UPDATE audit_log SET details = REPLACE(details, '\"quantityLots\":100,', "
                    + "'\"quantityLots\":101,') WHERE seq = " + seq);
            assertThat(edited).isEqualTo(1);
            return seq;
        }
    }
}
