package io.lantau.compliance.audit;

import io.lantau.store.Database;
import io.lantau.testsupport.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the audit trail's append rate (not a test: run by hand, see compliance/README.md): the core's events
 * through {@link AuditProjection} in batches, then single appends (one transaction each, as a login would), then
 * {@link AuditVerifier}. Arguments: trading commands (default 200000), commands per endOfBatch (default 1000),
 * engines (default "H2,POSTGRESQL").
 */
public final class AuditProjectionRate {
    private AuditProjectionRate() {
    }

    public static void main(String[] args) throws Exception {
        int commands = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int perBatch = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        String engines = args.length > 2 ? args[2] : "H2,POSTGRESQL";
        long t0 = System.nanoTime();
        List<CoreStream.Batch> stream = CoreStream.generate(1, commands, 200);
        List<AuditEntry> entries = new ArrayList<>();
        for (CoreStream.Batch b : stream) {
            b.events().forEach(e -> CoreEventAudit.entries(e, entries));
        }
        System.out.printf("stream: %d commands, %d audit records, generated in %.1f s%n", stream.size(),
                entries.size(), (System.nanoTime() - t0) / 1e9);
        try {
            for (String name : engines.split(",")) {
                Database.Engine engine = Database.Engine.valueOf(name.trim());
                Path dir = Files.createTempDirectory("lantau-audit-rate-");
                try (Database db = AuditEngineTestBase.open(engine, dir)) {
                    AuditTrail trail = new AuditTrail(db.dataSource());
                    long start = System.nanoTime();
                    CoreStream.feed(new AuditProjection(trail), stream, perBatch);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf("%-10s projection, batch %5d: %6.2f s, %8.0f records/s, %8.0f commands/s%n",
                            engine, perBatch, seconds, entries.size() / seconds, stream.size() / seconds);

                    int singles = 5_000;
                    start = System.nanoTime();
                    for (int i = 0; i < singles; i++) {
                        trail.append(new AuditEntry(Instant.now(), AuditKind.LOGIN, "user:" + i, "account:" + i,
                                AuditDetails.builder().put("ip", "10.0.0.1").build()));
                    }
                    seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf("%-10s single appends:        %6.2f s, %8.0f records/s%n", engine, seconds,
                            singles / seconds);

                    start = System.nanoTime();
                    AuditVerification v = AuditVerifier.verify(db.dataSource());
                    seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf("%-10s verify:                %6.2f s, %8.0f records/s (%s)%n", engine, seconds,
                            v.recordsChecked() / seconds, v.ok() ? "OK" : v.message());
                }
            }
        } finally {
            PostgresServer.closeShared();
        }
    }
}
