package io.lantau.app;

import io.lantau.app.platform.PlatformConfig;
import io.lantau.app.platform.PlatformConfigLoader;
import io.lantau.compliance.audit.AuditExport;
import io.lantau.compliance.audit.AuditVerification;
import io.lantau.compliance.audit.AuditVerifier;
import io.lantau.store.Database;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lantau audit}: the tamper-evident audit trail (HK-33, HK-34) in a platform's store. {@code verify} walks the
 * hash chain and prints {@code OK: …} or {@code BROKEN at record N: why} (exit code 1); {@code export} writes the
 * records of a period as CSV or JSON lines. The store is the embedded H2 database of a data directory (stop
 * {@code lantau serve} first: H2 allows one process) or a PostgreSQL URL.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Verify or export the tamper-evident audit trail.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Export.class})
final class AuditCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Which store: a data directory's H2 database, or a JDBC URL (default: the platform's configuration). */
    static final class Store {
        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        @Option(names = "--data-dir", paramLabel = "DIR",
                description = "Data directory whose embedded database to read (default: the platform's, ./data).")
        Path dataDir;

        @Option(names = "--db-url", paramLabel = "URL",
                description = "A jdbc:postgresql:// (or jdbc:h2:) URL instead of a data directory.")
        String dbUrl;

        @Option(names = "--db-user", paramLabel = "USER", description = "Database user (with --db-url).")
        String dbUser;

        @Option(names = "--db-password", paramLabel = "PASSWORD", description = "Database password (with --db-url).")
        String dbPassword;

        Database open() {
            if (dataDir != null && dbUrl != null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "give --data-dir or --db-url, not both");
            }
            if (dbUrl != null) {
                return Database.open(dbUrl, dbUser == null ? "" : dbUser, dbPassword == null ? "" : dbPassword);
            }
            PlatformConfig config = PlatformConfigLoader.load(null, System.getenv());
            if (dataDir == null && config.jdbcUrl() != null) {
                return Database.open(config.jdbcUrl(), config.jdbcUser(), config.jdbcPassword());
            }
            Path dir = (dataDir != null ? dataDir : config.dataDir()).resolve("db");
            if (!Files.exists(dir.resolve("lantau.mv.db"))) {
                throw new IllegalStateException("no database in " + dir + ": is this a data directory? (--data-dir)");
            }
            return Database.openH2(dir);
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check the audit trail's hash chain; name the first broken record.",
                "Exit code 0 if sound, 1 if broken."})
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Store store;

        @Override
        public Integer call() {
            AuditVerification verification;
            try (Database db = store.open()) {
                verification = AuditVerifier.verify(db.dataSource());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(verification.message());
            out.flush();
            return verification.ok() ? 0 : 1;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the audit records of a period, with their hashes, as CSV or JSON lines.")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Store store;

        @Option(names = "--from", required = true, paramLabel = "TIME", converter = InstantConverter.class,
                description = "First instant included: 2025-01-01 (UTC midnight) or 2025-01-01T08:00:00Z.")
        Instant from;

        @Option(names = "--to", required = true, paramLabel = "TIME", converter = InstantConverter.class,
                description = "First instant excluded, as --from.")
        Instant to;

        @Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT",
                description = "csv or jsonl (default csv).")
        String format;

        @Option(names = "--output", paramLabel = "FILE", description = "Write here instead of standard output.")
        Path output;

        @Override
        public Integer call() throws IOException {
            AuditExport.Format f;
            try {
                f = AuditExport.Format.of(format);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--format: csv or jsonl, not " + format);
            }
            try (Database db = store.open()) {
                long n;
                if (output == null) {
                    n = AuditExport.export(db.dataSource(), from, to, f, spec.commandLine().getOut());
                } else {
                    try (Writer w = new OutputStreamWriter(Files.newOutputStream(output), StandardCharsets.UTF_8)) {
                        n = AuditExport.export(db.dataSource(), from, to, f, w);
                    }
                }
                PrintWriter err = spec.commandLine().getErr();
                err.println(n + " audit records from " + from + " to " + to);
                err.flush();
            }
            return 0;
        }
    }

    /** An ISO-8601 instant, or a date meaning its UTC midnight. */
    static final class InstantConverter implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return value.contains("T") ? Instant.parse(value)
                        : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("not a date or instant: " + value);
            }
        }
    }
}
