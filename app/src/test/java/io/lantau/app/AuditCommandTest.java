package io.lantau.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.compliance.audit.AuditDetails;
import io.lantau.compliance.audit.AuditEntry;
import io.lantau.compliance.audit.AuditKind;
import io.lantau.compliance.audit.AuditTrail;
import io.lantau.store.Database;
import io.lantau.testsupport.PostgresServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AuditCommandTest {
    private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");

    @TempDir
    Path dataDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterAll
    static void stopPostgres() {
        PostgresServer.closeShared();
    }

    private int run(String... args) {
        CommandLine commandLine = LantauCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    private static void appendRecords(Database db, int n) {
        AuditTrail trail = new AuditTrail(db.dataSource());
        for (int i = 1; i <= n; i++) {
            trail.append(new AuditEntry(T0.plusSeconds(3_600L * i), i % 2 == 0 ? AuditKind.LOGIN
                    : AuditKind.LOGIN_FAILED, "user:" + i, "account:" + (1000 + i),
                    AuditDetails.builder().put("ip", "192.0.2." + i).build()));
        }
    }

    /** Changes one byte of record 7's details with the append-only trigger out of the way, as an intruder would. */
    private static void editOneByteOfRecord7(Database db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            if (db.engine() == Database.Engine.POSTGRESQL) {
                s.execute("ALTER TABLE audit_log DISABLE TRIGGER USER");
            } else {
                s.execute("DROP TRIGGER audit_log_append_only");
            }
            s.execute("UPDATE audit_log SET details = REPLACE(details, '192.0.2.7', '192.0.2.8') WHERE seq = 7");
        }
    }

    @Test
    void shouldPrintOkAndExitZeroWhenChainSound() {
        try (Database db = Database.openH2(dataDir.resolve("db"))) {
            appendRecords(db, 12);
        }

        int code = run("audit", "verify", "--data-dir", dataDir.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("OK: 12 records (sequence 1 to 12)");
    }

    @Test
    void shouldNameRecordAndExitOneWhenOneByteOfStoredRecordEdited() throws SQLException {
        try (Database db = Database.openH2(dataDir.resolve("db"))) {
            appendRecords(db, 12);
            editOneByteOfRecord7(db);
        }

        int code = run("audit", "verify", "--data-dir", dataDir.toString());

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).startsWith("BROKEN at record 7: ");
    }

    @Test
    void shouldNameRecordWhenStoreIsPostgresByUrl() throws SQLException {
        PostgresServer server = PostgresServer.shared();
        String url = server.jdbcUrl(server.createDatabase());
        try (Database db = Database.open(url, PostgresServer.USER, "")) {
            appendRecords(db, 9);
        }
        assertThat(run("audit", "verify", "--db-url", url, "--db-user", PostgresServer.USER)).isZero();

        try (Database db = Database.open(url, PostgresServer.USER, "")) {
            editOneByteOfRecord7(db);
        }
        int code = run("audit", "verify", "--db-url", url, "--db-user", PostgresServer.USER);

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("BROKEN at record 7: ");
    }

    @Test
    void shouldExportPeriodAsJsonLinesWhenAsked() throws Exception {
        try (Database db = Database.openH2(dataDir.resolve("db"))) {
            appendRecords(db, 48);
        }
        Path file = dataDir.resolve("export.jsonl");

        int code = run("audit", "export", "--data-dir", dataDir.toString(), "--from", "2025-03-01", "--to",
                "2025-03-02", "--format", "jsonl", "--output", file.toString());

        assertThat(code).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(23); // hours 1 to 23 of 1 March
        assertThat(lines.get(0)).startsWith("{\"sequence\":1,\"time\":\"2025-03-01T01:00:00Z\",\"kind\":\"LOGIN_FAILED\"");
        assertThat(err.toString()).contains("23 audit records");
    }

    @Test
    void shouldExitOneWhenDataDirHasNoDatabase() {
        int code = run("audit", "verify", "--data-dir", dataDir.resolve("nothing").toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("no database in");
    }

    @Test
    void shouldExitTwoWhenBothDataDirAndUrlGiven() {
        assertThat(run("audit", "verify", "--data-dir", "x", "--db-url", "jdbc:h2:mem:x")).isEqualTo(2);
    }
}
