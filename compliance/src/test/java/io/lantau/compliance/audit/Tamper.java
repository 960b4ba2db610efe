package io.lantau.compliance.audit;

import io.lantau.store.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * What an intruder with the database owner's rights can do: switch the append-only triggers off (PostgreSQL:
 * {@code ALTER TABLE … DISABLE TRIGGER}; H2: drop them) and change rows with raw SQL.
 */
final class Tamper {
    private Tamper() {
    }

    static void sql(Database database, String... statements) throws SQLException {
        DataSource ds = database.dataSource();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            if (database.engine() == Database.Engine.POSTGRESQL) {
                s.execute("ALTER TABLE audit_log DISABLE TRIGGER USER");
            } else {
                s.execute("DROP TRIGGER IF EXISTS audit_log_append_only");
            }
            for (String sql : statements) {
                s.execute(sql);
            }
            if (database.engine() == Database.Engine.POSTGRESQL) {
                s.execute("ALTER TABLE audit_log ENABLE TRIGGER USER");
            }
        }
    }

    /** @return {@code text} with one ASCII digit changed: one byte of its UTF-8 encoding differs. */
    static String oneByteChanged(String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch >= '0' && ch <= '9') {
                return text.substring(0, i) + (char) ('0' + (ch - '0' + 1) % 10) + text.substring(i + 1);
            }
        }
        throw new IllegalArgumentException("no digit to change in " + text);
    }
}
