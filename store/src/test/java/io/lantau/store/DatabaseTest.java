package io.lantau.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.store.account.UserRepository;
import io.lantau.store.account.UserStatus;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dataDir;

    @Test
    void shouldCreateH2FileUnderDataDirWhenOpenedByDefault() {
        try (Database db = Database.openH2(dataDir)) {
            assertThat(db.engine()).isEqualTo(Database.Engine.H2);
        }
        assertThat(dataDir.resolve("lantau.mv.db")).exists();
    }

    @Test
    void shouldKeepDataAndMigrateOnceWhenReopened() throws SQLException {
        try (Database db = Database.openH2(dataDir)) {
            new UserRepository(db.dataSource()).create("a@example.com", "h", UserStatus.ACTIVE, Instant.EPOCH);
        }
        try (Database db = Database.openH2(dataDir)) {
            assertThat(new UserRepository(db.dataSource()).findByEmail("a@example.com")).isPresent();
            assertThat(appliedMigrations(db)).containsExactly("1", "2");
        }
    }

    @Test
    void shouldRejectUrlWhenEngineUnsupported() {
        assertThatThrownBy(() -> Database.open("jdbc:mysql://localhost/x", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsupported");
    }

    private static List<String> appliedMigrations(Database db) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        }
        return versions;
    }
}
