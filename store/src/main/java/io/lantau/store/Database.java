package io.lantau.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The relational store: a HikariCP connection pool on H2 (the default, a file under the data directory) or
 * PostgreSQL (production), migrated by Flyway on open with the one migration set both engines run
 * ({@code classpath:db/migration}).
 *
 * <p>Thread-safe: the repositories built on {@link #dataSource()} borrow a connection per call. Close the database
 * after everything that uses it has stopped.
 */
public final class Database implements AutoCloseable {
    /** H2 options that make it accept the PostgreSQL dialect the migrations and queries are written in. */
    public static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private static final int DEFAULT_POOL_SIZE = 10;

    private final HikariDataSource dataSource;
    private final Engine engine;

    private Database(HikariDataSource dataSource, Engine engine) {
        this.dataSource = dataSource;
        this.engine = engine;
    }

    /**
     * Opens (creating if absent) the default H2 file database {@code <dataDir>/lantau.mv.db} and migrates it.
     *
     * @param dataDir the platform's data directory.
     * @return the open, migrated database.
     */
    public static Database openH2(Path dataDir) {
        return open(h2Url(dataDir), "sa", "");
    }

    /**
     * @return the JDBC URL of the default H2 file database under {@code dataDir}. {@code WRITE_DELAY=0}: H2 writes
     *     each commit to the file before the commit returns, instead of up to a second later from a background
     *     thread; without it a process killed just after a commit loses it (a user or API key that was answered
     *     as created, while the journal keeps the core account it opened).
     */
    public static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("lantau") + H2_OPTIONS + ";WRITE_DELAY=0";
    }

    /**
     * Opens a pool of {@value #DEFAULT_POOL_SIZE} connections on the URL and migrates the schema.
     *
     * @param jdbcUrl  a {@code jdbc:h2:} URL (with {@link #H2_OPTIONS}) or a {@code jdbc:postgresql://} URL.
     * @param user     the database user.
     * @param password its password; empty for none.
     * @return the open, migrated database.
     */
    public static Database open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, DEFAULT_POOL_SIZE);
    }

    /**
     * Opens a pool of {@code poolSize} connections on the URL and migrates the schema.
     *
     * @throws StoreException if the database cannot be reached or a migration fails.
     */
    public static Database open(String jdbcUrl, String user, String password, int poolSize) {
        Engine engine = Engine.of(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("lantau-store");
        if (engine == Engine.POSTGRESQL) {
            // Turns a JDBC batch of single-row INSERTs into multi-row INSERTs: the projection's write path.
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the database at " + redact(jdbcUrl), e);
        }
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw new StoreException("cannot migrate the database at " + redact(jdbcUrl), e);
        }
        return new Database(dataSource, engine);
    }

    /** @return the pooled data source; do not close it, close this database. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** @return which engine the URL names. */
    public Engine engine() {
        return engine;
    }

    /** Closes the pool (and, for an H2 file database, the file once the last connection is gone). Idempotent. */
    @Override
    public void close() {
        dataSource.close();
    }

    private static String redact(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }

    /** The database engines the schema supports. */
    public enum Engine {
        H2, POSTGRESQL;

        static Engine of(String jdbcUrl) {
            if (jdbcUrl.startsWith("jdbc:h2:")) {
                return H2;
            }
            if (jdbcUrl.startsWith("jdbc:postgresql:")) {
                return POSTGRESQL;
            }
            throw new IllegalArgumentException("unsupported JDBC URL (jdbc:h2: or jdbc:postgresql: only): "
                    + redact(jdbcUrl));
        }
    }
}
