package io.lantau.store.history;

import io.lantau.core.event.CoreEvent;
import io.lantau.core.event.OrderAccepted;
import io.lantau.core.event.TradeExecuted;
import io.lantau.store.Database;
import io.lantau.store.TestDatabases;
import io.lantau.testsupport.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Measures how fast {@link HistoryProjection} writes a realistic event stream (not a test: run by hand, see
 * store/README.md). Arguments: commands (default 200000), commands per endOfBatch (default 1000), engines
 * (default "H2,POSTGRESQL").
 */
public final class HistoryProjectionRate {
    private HistoryProjectionRate() {
    }

    public static void main(String[] args) throws Exception {
        int commands = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int perBatch = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        String engines = args.length > 2 ? args[2] : "H2,POSTGRESQL";
        long t0 = System.nanoTime();
        List<EventStream.Batch> stream = EventStream.generate(1, commands, 200, 50);
        long orders = 0;
        long trades = 0;
        for (EventStream.Batch b : stream) {
            for (CoreEvent e : b.events()) {
                orders += e instanceof OrderAccepted ? 1 : 0;
                trades += e instanceof TradeExecuted ? 1 : 0;
            }
        }
        System.out.printf("stream: %d commands, %d accepted orders, %d trades, generated in %.1f s%n", stream.size(),
                orders, trades, (System.nanoTime() - t0) / 1e9);
        try {
            for (String name : engines.split(",")) {
                Database.Engine engine = Database.Engine.valueOf(name.trim());
                Path dir = Files.createTempDirectory("lantau-rate-");
                try (Database db = TestDatabases.open(engine, dir)) {
                    HistoryProjection projection = new HistoryProjection(db.dataSource());
                    long start = System.nanoTime();
                    EventStream.feed(projection, stream, perBatch);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf("%-10s batch %6d: %7.2f s, %8.0f commands/s, %8.0f orders/s, %8.0f trades/s%n",
                            engine, perBatch, seconds, stream.size() / seconds, orders / seconds, trades / seconds);
                }
            }
        } finally {
            PostgresServer.closeShared();
        }
    }
}
