package io.lantau.custody.hotcold;

import io.lantau.compliance.security.NotificationOutbox;
import io.lantau.compliance.security.StaffDirectory;
import io.lantau.compliance.security.StaffMember;
import io.lantau.compliance.security.StaffRole;
import io.lantau.custody.ledger.PeriodicTask;
import io.lantau.store.Jdbc;
import io.lantau.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The continuous HK-16 check and the hot wallet's release gate.
 *
 * <p>{@link #check} looks at every asset: a hot share above the cap (equivalently, cold below the floor) raises a
 * {@value #RATIO_BREACH} alert (a {@code custody_alerts} row, and an e-mail in the notification outbox to every
 * custody and compliance officer), once per breach; the alert clears when a later check finds the asset within the
 * limits. {@link #requireReleasable} is what every virtual-asset withdrawal calls before it leaves the hot wallet: an
 * amount above {@link HotColdPolicy#releasableMinor} is refused ({@code HOT_RELEASE_LIMIT}) and the check runs, so a
 * blocked withdrawal is never silent. Thread-safe.
 */
public final class HotColdMonitor implements AutoCloseable {
    /** The alert kind of a hot/cold limit breach (REGULATORY.md HK-16). */
    public static final String RATIO_BREACH = "CUSTODY_RATIO_BREACH";

    private final DataSource dataSource;
    private final TierBalances tiers;
    private final HotColdPolicy policy;
    private final List<Integer> assetIds;
    private final NotificationOutbox outbox;
    private final StaffDirectory staff;
    private final Clock clock;
    private PeriodicTask schedule;

    public HotColdMonitor(DataSource dataSource, TierBalances tiers, HotColdPolicy policy, List<Integer> assetIds,
            NotificationOutbox outbox, StaffDirectory staff, Clock clock) {
        this.dataSource = dataSource;
        this.tiers = tiers;
        this.policy = policy;
        this.assetIds = List.copyOf(assetIds);
        this.outbox = outbox;
        this.staff = staff;
        this.clock = clock;
    }

    /** @return what the hot wallet may release of the asset now. */
    public long releasableMinor(int assetId) {
        return policy.releasableMinor(tiers.balance(assetId, WalletTier.HOT), tiers.balance(assetId, WalletTier.COLD));
    }

    /**
     * @throws HotColdException {@code INVALID_AMOUNT} unless positive; {@code HOT_RELEASE_LIMIT} if the amount is
     *                          above what the hot wallet may release (after running the check, which alerts staff).
     */
    public void requireReleasable(int assetId, long amountMinor) {
        if (amountMinor <= 0) {
            throw new HotColdException(HotColdRefusal.INVALID_AMOUNT, null);
        }
        long releasable = releasableMinor(assetId);
        if (amountMinor > releasable) {
            check();
            throw new HotColdException(HotColdRefusal.HOT_RELEASE_LIMIT, "at most " + releasable + " now");
        }
    }

    /**
     * Checks every asset; raises an alert for a new breach and clears the alert of an asset back within limits.
     *
     * @return the alerts open after the check.
     */
    public synchronized List<CustodyAlert> check() {
        for (int assetId : assetIds) {
            long hot = tiers.balance(assetId, WalletTier.HOT);
            long cold = tiers.balance(assetId, WalletTier.COLD);
            Optional<CustodyAlert> open = openAlert(assetId);
            if (policy.breached(hot, cold)) {
                if (open.isEmpty()) {
                    raise(assetId, hot, cold);
                }
            } else {
                open.ifPresent(a -> clear(a.id()));
            }
        }
        return alerts(true);
    }

    /** @return alerts newest first (at most 500); only the open ones if {@code openOnly}. */
    public List<CustodyAlert> alerts(boolean openOnly) {
        return query("SELECT * FROM custody_alerts" + (openOnly ? " WHERE cleared_at IS NULL" : "")
                + " ORDER BY id DESC LIMIT 500", -1);
    }

    /** Runs {@link #check} every {@code period} until {@link #close}. */
    public synchronized void schedule(Duration period) {
        if (schedule != null) {
            throw new IllegalStateException("already scheduled");
        }
        schedule = PeriodicTask.start("custody-hot-cold-check", period, this::check);
    }

    /** Stops the schedule; a run in progress finishes first (outside this object's lock, which it needs). */
    @Override
    public void close() {
        PeriodicTask running;
        synchronized (this) {
            running = schedule;
            schedule = null;
        }
        if (running != null) {
            running.close();
        }
    }

    private Optional<CustodyAlert> openAlert(int assetId) {
        return query("SELECT * FROM custody_alerts WHERE asset_id = ? AND kind = '" + RATIO_BREACH
                + "' AND cleared_at IS NULL ORDER BY id LIMIT 1", assetId).stream().findFirst();
    }

    private void raise(int assetId, long hot, long cold) {
        Instant now = clock.instant();
        long id = Jdbc.inTransaction(dataSource, "raise a custody alert", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO custody_alerts (asset_id, kind, hot_minor,"
                    + " cold_minor, raised_at) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                s.setInt(1, assetId);
                s.setString(2, RATIO_BREACH);
                s.setLong(3, hot);
                s.setLong(4, cold);
                Jdbc.setInstant(s, 5, now);
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        String body = "Custody alert " + id + ": asset " + assetId + " holds " + hot + " hot and " + cold
                + " cold (minor units), outside the limits of at most " + policy.settings().maxHotPercent()
                + "% hot and at least " + policy.settings().minColdPercent() + "% cold. Withdrawals above "
                + policy.releasableMinor(hot, cold) + " are blocked until the hot wallet is swept.";
        for (StaffMember member : staff.staff()) {
            if (member.roles().contains(StaffRole.CUSTODY_OFFICER)
                    || member.roles().contains(StaffRole.COMPLIANCE_OFFICER)) {
                outbox.queueEmail(member.userId(), RATIO_BREACH, member.email(),
                        "Custody ratio breach, asset " + assetId, body, now);
            }
        }
    }

    private void clear(long alertId) {
        Jdbc.inTransaction(dataSource, "clear a custody alert", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE custody_alerts SET cleared_at = ? WHERE id = ?"
                    + " AND cleared_at IS NULL")) {
                Jdbc.setInstant(s, 1, clock.instant());
                s.setLong(2, alertId);
                s.executeUpdate();
            }
            return null;
        });
    }

    private List<CustodyAlert> query(String sql, int assetId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (assetId >= 0) {
                s.setInt(1, assetId);
            }
            List<CustodyAlert> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new CustodyAlert(rs.getLong("id"), rs.getInt("asset_id"), rs.getString("kind"),
                            rs.getLong("hot_minor"), rs.getLong("cold_minor"), Jdbc.getInstant(rs, "raised_at"),
                            Jdbc.getInstant(rs, "cleared_at")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.translate("read custody alerts", e);
        }
    }
}
