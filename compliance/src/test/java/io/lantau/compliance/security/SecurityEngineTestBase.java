package io.lantau.compliance.security;

import io.lantau.store.Database;
import io.lantau.store.account.UserRepository;
import io.lantau.store.account.UserStatus;
import io.lantau.testsupport.PostgresServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
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
 * Runs every test of a subclass on H2 (MODE=PostgreSQL) and on the run's private PostgreSQL cluster, each test with a
 * new migrated database (the store's migrations and V6), a clock it moves by hand, and helpers to make users.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Database.Engine.class)
@ExtendWith(SecurityEngineTestBase.PostgresAtEnd.class)
abstract class SecurityEngineTestBase {
    static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    @Parameter
    Database.Engine engine;
    @TempDir
    Path tempDir;
    Database database;
    final TestClock clock = new TestClock(START);

    @BeforeEach
    void openDatabase() {
        database = switch (engine) {
            case H2 -> Database.openH2(tempDir);
            case POSTGRESQL -> {
                PostgresServer server = PostgresServer.shared();
                yield Database.open(server.jdbcUrl(server.createDatabase()), PostgresServer.USER, "", 4);
            }
        };
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    /** @return the id of a new user. */
    long user(String email) {
        return new UserRepository(database.dataSource()).create(email, "hash", UserStatus.ACTIVE, START).id();
    }

    /** A clock a test moves. Thread-safe. */
    static final class TestClock extends Clock {
        private final AtomicReference<Instant> now;

        TestClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration by) {
            now.updateAndGet(t -> t.plus(by));
        }

        void set(Instant to) {
            now.set(to);
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** Stops the shared PostgreSQL cluster when the run ends. */
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
