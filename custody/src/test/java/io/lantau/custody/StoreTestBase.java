package io.lantau.custody;

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
 * Runs every test of a subclass twice, on H2 (MODE=PostgreSQL, a file database) and on the run's private PostgreSQL
 * cluster, each time with a new, empty database migrated by {@link Database} (every module's migrations, custody's
 * included). The custody module's copy of the compliance module's base: test sources are not shared between modules.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Database.Engine.class)
@ExtendWith(StoreTestBase.PostgresAtEnd.class)
public abstract class StoreTestBase {
    @Parameter
    protected Database.Engine engine;
    @TempDir
    protected Path tempDir;
    protected Database database;

    @BeforeEach
    protected void openDatabase() {
        database = switch (engine) {
            case H2 -> Database.openH2(tempDir);
            case POSTGRESQL -> {
                PostgresServer server = PostgresServer.shared();
                yield Database.open(server.jdbcUrl(server.createDatabase()), PostgresServer.USER, "", 4);
            }
        };
    }

    @AfterEach
    protected void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    /** Stops the shared PostgreSQL cluster when the whole test run ends (the root context closes its store). */
    public static final class PostgresAtEnd implements BeforeAllCallback {
        private static final ExtensionContext.Namespace NAMESPACE =
                ExtensionContext.Namespace.create(PostgresAtEnd.class);

        @Override
        public void beforeAll(ExtensionContext context) {
            context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Closer.class, k -> new Closer(),
                    Closer.class);
        }

        private static final class Closer implements AutoCloseable {
            @Override
            public void close() {
                PostgresServer.closeShared();
            }
        }
    }
}
