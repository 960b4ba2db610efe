package io.lantau.compliance.audit;

import io.lantau.store.Database;
import io.lantau.testsupport.PostgresServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs every test of a subclass on H2 (a file database) and on a real PostgreSQL (the run's private cluster), each
 * test on a new database migrated with store's migrations and compliance's (as store's {@code EngineTestBase}, whose
 * classes are not visible from this module).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Database.Engine.class)
@ExtendWith(AuditEngineTestBase.PostgresAtEnd.class)
abstract class AuditEngineTestBase {
    @Parameter
    protected Database.Engine engine;
    @TempDir
    protected Path tempDir;
    protected Database database;

    @BeforeEach
    void openDatabase() {
        database = open(engine, tempDir);
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    static Database open(Database.Engine engine, Path tempDir) {
        return switch (engine) {
            case H2 -> Database.openH2(tempDir);
            case POSTGRESQL -> {
                PostgresServer server = PostgresServer.shared();
                yield Database.open(server.jdbcUrl(server.createDatabase()), PostgresServer.USER, "", 4);
            }
        };
    }

    /** Stops the shared PostgreSQL cluster when the whole run ends. */
    static final class PostgresAtEnd implements BeforeAllCallback {
        private static final ExtensionContext.Namespace NAMESPACE =
                ExtensionContext.Namespace.create(PostgresAtEnd.class);

        @Override
        public void beforeAll(ExtensionContext context) {
            context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Closer.class, k -> new Closer(), Closer.class);
        }

        private static final class Closer implements AutoCloseable {
            @Override
            public void close() {
                PostgresServer.closeShared();
            }
        }
    }
}
