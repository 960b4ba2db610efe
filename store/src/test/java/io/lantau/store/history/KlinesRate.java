package io.lantau.store.history;

import io.lantau.store.Database;
import io.lantau.store.TestDatabases;
import io.lantau.store.market.Candle;
import io.lantau.store.market.KlineInterval;
import io.lantau.testsupport.PostgresServer;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;

/**
 * Measures {@link CandleRepository#klines} (the Java fold of 1-minute rows) over a year of 1-minute candles of one
 * market (525 600 rows): not a test, run by hand, see store/README.md.
 */
public final class KlinesRate {
    private KlinesRate() {
    }

    public static void main(String[] args) throws Exception {
        long start = Fixtures.T0_MILLIS;
        int minutes = 365 * 24 * 60;
        try {
            for (Database.Engine engine : Database.Engine.values()) {
                try (Database db = TestDatabases.open(engine, Files.createTempDirectory("lantau-klines-"))) {
                    try (Connection c = db.dataSource().getConnection();
                            PreparedStatement s = c.prepareStatement(CandleRows.INSERT)) {
                        c.setAutoCommit(false);
                        for (int m = 0; m < minutes; m++) {
                            Candle candle = new Candle(0, start + m * 60_000L, 60_000L);
                            candle.add(2L * m + 1, 100 + m % 50, 1, 100);
                            candle.add(2L * m + 2, 100 + m % 70, 2, 200);
                            CandleRows.bindInsert(s, candle);
                            s.addBatch();
                            if (m % 10_000 == 9_999) {
                                s.executeBatch();
                            }
                        }
                        s.executeBatch();
                        c.commit();
                    }
                    CandleRepository repository = new CandleRepository(db.dataSource());
                    for (KlineInterval interval : List.of(KlineInterval.MINUTE_1, KlineInterval.HOUR_1,
                            KlineInterval.DAY_1, KlineInterval.WEEK_1, KlineInterval.MONTH_1)) {
                        // A different end each time: H2 caches the result of a repeated query on unchanged tables.
                        long end = start + minutes * 60_000L;
                        for (int warm = 0; warm < 3; warm++) {
                            repository.klines(0, interval, null, end - warm * interval.nominalMillis(), 1000);
                        }
                        int runs = 5;
                        long t0 = System.nanoTime();
                        int n = 0;
                        for (int r = 0; r < runs; r++) {
                            n = repository.klines(0, interval, null, end - (3 + r) * interval.nominalMillis(), 1000).size();
                        }
                        System.out.printf("%-10s %-3s limit 1000 -> %4d candles: %8.1f ms per query%n", engine,
                                interval.code(), n, (System.nanoTime() - t0) / 1e6 / runs);
                    }
                }
            }
        } finally {
            PostgresServer.closeShared();
        }
    }
}
