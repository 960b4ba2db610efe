package io.lantau.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A private, throwaway PostgreSQL cluster for tests: {@code initdb} into a fresh temporary directory, {@code pg_ctl
 * start} on a free port of 127.0.0.1 (socket directory inside the data directory, {@code fsync=off}), and on
 * {@link #close()} {@code pg_ctl stop} and deletion of the directory. A JVM shutdown hook stops and deletes it too, as a
 * backstop for runs that end without closing it.
 *
 * <p>The binaries are looked for in {@code $LANTAU_PG_BIN}, then the newest {@code /usr/lib/postgresql/<v>/bin}, then
 * the {@code PATH}. If none has {@code initdb} and {@code pg_ctl}, {@link #start()} throws: a test that needs
 * PostgreSQL fails, it is never skipped. Run as root (as CI does), the cluster is initialised and run as the
 * {@code postgres} user through {@code runuser}, because PostgreSQL refuses to run as root.
 *
 * <p>The superuser is {@code postgres} with trust authentication on 127.0.0.1 only; every database made with
 * {@link #createDatabase()} is new and empty. Thread-safe.
 */
public final class PostgresServer implements AutoCloseable {
    /** The superuser name of the cluster; no password (trust authentication). */
    public static final String USER = "postgres";

    private static final Path DEBIAN_ROOT = Paths.get("/usr/lib/postgresql");
    private static final long START_TIMEOUT_SECONDS = 60;
    private static PostgresServer shared;

    private final Path binDir;
    private final Path baseDir;
    private final Path dataDir;
    private final int port;
    private final boolean asPostgresUser;
    private final AtomicInteger databaseCounter = new AtomicInteger();
    private final Thread shutdownHook;
    private boolean stopped;

    private PostgresServer(Path binDir, Path baseDir, int port, boolean asPostgresUser) {
        this.binDir = binDir;
        this.baseDir = baseDir;
        this.dataDir = baseDir.resolve("data");
        this.port = port;
        this.asPostgresUser = asPostgresUser;
        this.shutdownHook = new Thread(this::stopQuietly, "postgres-server-stop");
    }

    /**
     * Makes and starts a new cluster. Takes 1–3 seconds.
     *
     * @return the running server; close it to stop it and delete its files.
     * @throws IllegalStateException if the PostgreSQL binaries cannot be found or the cluster does not start.
     */
    public static PostgresServer start() {
        Path bin = findBinaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path base;
        try {
            base = Files.createTempDirectory("lantau-pg-");
            if (root) {
                chownToPostgres(base);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            PostgresServer server = new PostgresServer(bin, base, freePort(), root);
            try {
                server.initAndStart();
                Runtime.getRuntime().addShutdownHook(server.shutdownHook);
                return server;
            } catch (IllegalStateException e) {
                // Most likely another process took the port between our probe and the start: try another.
                last = e;
            }
        }
        deleteRecursively(base);
        throw last;
    }

    /**
     * @return one server for the whole JVM, started on first use and stopped by the shutdown hook (or by closing
     *         it, after which the next call starts a new one).
     */
    public static synchronized PostgresServer shared() {
        if (shared == null || shared.isStopped()) {
            shared = start();
        }
        return shared;
    }

    /** Stops the JVM's shared server if one was started; the next {@link #shared()} starts a new one. */
    public static synchronized void closeShared() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }

    /** @return the TCP port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** @return a JDBC URL of the given database on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /**
     * Creates a new, empty database with a unique name.
     *
     * @return its name.
     */
    public String createDatabase() {
        String name = "test_" + ProcessHandle.current().pid() + "_" + databaseCounter.incrementAndGet();
        run(List.of(binDir.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U",
                USER, name), 30);
        return name;
    }

    /** Stops the server and deletes its files. Idempotent. */
    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running or has run.
        }
    }

    private synchronized boolean isStopped() {
        return stopped;
    }

    private void initAndStart() {
        if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
            run(List.of(binDir.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", USER, "-A", "trust",
                    "-E", "UTF8", "--locale=C", "--no-sync"), 120);
        }
        String options = "-p " + port + " -k " + dataDir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        run(List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-o", options, "-l",
                baseDir.resolve("postgres.log").toString(), "-w", "-t", Long.toString(START_TIMEOUT_SECONDS), "start"),
                START_TIMEOUT_SECONDS + 10);
    }

    private synchronized void stopQuietly() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            run(List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "immediate", "-w",
                    "stop"), 60);
        } catch (RuntimeException e) {
            System.err.println("PostgresServer: stop failed: " + e.getMessage());
        }
        deleteRecursively(baseDir);
    }

    private void run(List<String> command, long timeoutSeconds) {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.add("runuser");
            full.add("-u");
            full.add(USER);
            full.add("--");
        }
        full.addAll(command);
        try {
            Path output = Files.createTempFile("lantau-pg-cmd-", ".log");
            try {
                Process process = new ProcessBuilder(full).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).start();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("timed out after " + timeoutSeconds + " s: " + full);
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("exit " + process.exitValue() + " from " + full + ":\n"
                            + Files.readString(output, StandardCharsets.UTF_8) + logTail());
                }
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + full, e);
        }
    }

    private String logTail() {
        Path log = baseDir.resolve("postgres.log");
        try {
            if (Files.exists(log)) {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                return "\nserver log:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20),
                        lines.size()));
            }
        } catch (IOException e) {
            return "";
        }
        return "";
    }

    private static Path findBinaries() {
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv("LANTAU_PG_BIN");
        if (env != null && !env.isBlank()) {
            candidates.add(Paths.get(env));
        }
        if (Files.isDirectory(DEBIAN_ROOT)) {
            try (Stream<Path> versions = Files.list(DEBIAN_ROOT)) {
                versions.map(v -> v.resolve("bin"))
                        .sorted(Comparator.comparingInt(PostgresServer::majorVersion).reversed())
                        .forEach(candidates::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    candidates.add(Paths.get(dir));
                }
            }
        }
        for (Path dir : candidates) {
            if (Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl"))
                    && Files.isExecutable(dir.resolve("createdb"))) {
                return dir;
            }
        }
        throw new IllegalStateException("PostgreSQL server binaries (initdb, pg_ctl, createdb) not found in "
                + "$LANTAU_PG_BIN, /usr/lib/postgresql/*/bin or the PATH. The PostgreSQL tests need a real server: "
                + "install it (Debian/Ubuntu: apt-get install -y postgresql) or point LANTAU_PG_BIN at its bin "
                + "directory.");
    }

    private static int majorVersion(Path binDir) {
        try {
            return Integer.parseInt(binDir.getParent().getFileName().toString().replaceAll("\\..*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chownToPostgres(Path dir) throws IOException {
        UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal user = lookup.lookupPrincipalByName(USER);
        GroupPrincipal group = lookup.lookupPrincipalByGroupName(USER);
        PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
        view.setOwner(user);
        view.setGroup(group);
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // Best effort: a temporary directory left behind is not worth failing a run for.
                }
            });
        } catch (IOException e) {
            // Same as above.
        }
    }
}
