package io.lantau.collectibles;

import io.lantau.store.DuplicateKeyException;
import io.lantau.store.Jdbc;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The platform's wind-down switch (CN-10): once staff start it, it cannot be undone; no collection, item, drop,
 * sale or gift is accepted, and each holder chooses per item to keep it view-only or be refunded at cost
 * ({@link Holdings#chooseWindDown}). Thread-safe.
 */
public final class WindDown {
    private final DataSource dataSource;
    private final Clock clock;

    public WindDown(DataSource dataSource, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Starts the wind-down; NOT idempotent by design: a second start is ALREADY_DECIDED. */
    public void start(long staffId) {
        try {
            Jdbc.inTransaction(dataSource, "start wind-down", c -> {
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO coll_wind_down (id, started_by, started_at) VALUES (1, ?, ?)")) {
                    s.setLong(1, staffId);
                    Jdbc.setInstant(s, 2, clock.instant());
                    return s.executeUpdate();
                }
            });
        } catch (DuplicateKeyException e) {
            throw new CollectiblesException(CollectiblesRefusal.ALREADY_DECIDED, "winding down already");
        }
    }

    /** @return whether the platform is winding down. */
    public boolean active() {
        return Jdbc.inTransaction(dataSource, "read wind-down", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM coll_wind_down WHERE id = 1");
                    ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        });
    }

    void requireNotWoundDown() {
        if (active()) {
            throw new CollectiblesException(CollectiblesRefusal.WOUND_DOWN);
        }
    }
}
