package io.lantau.store;

import io.lantau.testsupport.PostgresServer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Stops the run's shared PostgreSQL cluster when the whole test run ends: JUnit closes the root context's store,
 * which holds this closer.
 */
public final class PostgresAtEnd implements BeforeAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresAtEnd.class);

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
