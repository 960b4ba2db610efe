package io.lantau.store;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs every test of a subclass twice: on H2 (MODE=PostgreSQL, a file database) and on a real PostgreSQL server
 * started for the run. Each test gets a new, empty, migrated database in {@link #database}. If the PostgreSQL
 * binaries are missing, the PostgreSQL half fails with a message saying how to install them.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Database.Engine.class)
@ExtendWith(PostgresAtEnd.class)
public abstract class EngineTestBase {
    @Parameter
    protected Database.Engine engine;
    @TempDir
    protected Path tempDir;
    protected Database database;

    @BeforeEach
    void openDatabase() {
        database = TestDatabases.open(engine, tempDir);
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
