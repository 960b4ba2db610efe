package io.lantau.store;

import io.lantau.testsupport.PostgresServer;
import java.nio.file.Path;

/**
 * Fresh, migrated databases for tests: an H2 file database in a temporary directory, or a new database on the
 * run's private PostgreSQL cluster (started on first use, stopped at the end of the run by {@link PostgresAtEnd},
 * or by the JVM shutdown hook as a backstop).
 */
public final class TestDatabases {
    private TestDatabases() {
    }

    /** @return a new, empty, migrated database of the engine; close it after the test. */
    public static Database open(Database.Engine engine, Path tempDir) {
        return switch (engine) {
            case H2 -> Database.openH2(tempDir);
            case POSTGRESQL -> {
                PostgresServer server = PostgresServer.shared();
                yield Database.open(server.jdbcUrl(server.createDatabase()), PostgresServer.USER, "", 4);
            }
        };
    }
}
