package io.lantau.custody.travelrule;

import io.lantau.store.Jdbc;
import io.lantau.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Holds incoming virtual-asset deposits at or above the travel-rule threshold until their originator data is present
 * (HK-22: the beneficiary institution holds transfers that lack the required information). The deposit watcher asks
 * {@link #mayCredit} before it credits a confirmed deposit; a {@code false} answer records the hold (once per
 * transfer) and the watcher credits nothing. When the originating VASP's IVMS 101 data arrives (staff enter or import
 * it), {@link #provideOriginator} validates and keeps it, releases the hold and tells the {@link #onRelease release
 * listeners}, which credit the deposit (idempotently, by its deposit id). Thread-safe; blocking (JDBC).
 */
public final class DepositGate {
    /**
     * An incoming deposit as the watcher sees it.
     *
     * @param transferRef {@code chain:txid:outputIndex}: unique per deposit across rescans.
     */
    public record IncomingDeposit(String transferRef, long accountId, int assetId, long amountMinor) {
        public IncomingDeposit {
            Objects.requireNonNull(transferRef);
            if (transferRef.isBlank() || transferRef.length() > 200 || amountMinor <= 0) {
                throw new IllegalArgumentException("a deposit needs a reference of 1 to 200 and a positive amount");
            }
        }
    }

    /** A deposit held for travel-rule data; {@code status} HELD or RELEASED. */
    public record HeldDeposit(IncomingDeposit deposit, Long valueMinor, String status, Instant heldAt,
            Instant releasedAt) {
    }

    private final javax.sql.DataSource dataSource;
    private final TravelRule travelRule;
    private final Clock clock;
    private final List<Consumer<IncomingDeposit>> releaseListeners = new CopyOnWriteArrayList<>();

    public DepositGate(javax.sql.DataSource dataSource, TravelRule travelRule, Clock clock) {
        this.dataSource = dataSource;
        this.travelRule = travelRule;
        this.clock = clock;
    }

    /** Adds a listener called (after commit, on the releasing thread) with each released deposit. */
    public void onRelease(Consumer<IncomingDeposit> listener) {
        releaseListeners.add(listener);
    }

    /**
     * @return whether the deposit may be credited now: below the threshold, or its originator data is kept. If not,
     *     the deposit is recorded as held (once).
     */
    public boolean mayCredit(IncomingDeposit deposit) {
        TravelRule.Assessment assessment = travelRule.assess(deposit.assetId(), deposit.amountMinor());
        if (!assessment.required()) {
            return true;
        }
        return Jdbc.inTransaction(dataSource, "gate a deposit", c -> {
            if (TravelRuleRecords.find(c, Direction.INCOMING, deposit.transferRef()).isPresent()) {
                return true;
            }
            if (hold(c, deposit.transferRef(), false).isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO travel_rule_holds (transfer_ref,"
                        + " account_id, asset_id, amount_minor, value_minor, status, held_at)"
                        + " VALUES (?, ?, ?, ?, ?, 'HELD', ?)")) {
                    s.setString(1, deposit.transferRef());
                    s.setLong(2, deposit.accountId());
                    s.setInt(3, deposit.assetId());
                    s.setLong(4, deposit.amountMinor());
                    Jdbc.setLongOrNull(s, 5, assessment.valueMinor());
                    Jdbc.setInstant(s, 6, clock.instant());
                    s.executeUpdate();
                }
            }
            return false;
        });
    }

    /**
     * Keeps the originator (and beneficiary) data of a held deposit and releases it.
     *
     * @return the released deposit, for the caller to credit; the listeners have been told.
     * @throws TravelRuleException {@code DEPOSIT_NOT_HELD}, {@code TRAVEL_RULE_DATA_MISSING} (incomplete data) or
     *                             {@code TRAVEL_RULE_RECORD_CONFLICT}; the deposit stays held.
     */
    public IncomingDeposit provideOriginator(String transferRef, Ivms101.Payload payload) {
        HeldDeposit held = Jdbc.inTransaction(dataSource, "release a held deposit", c -> {
            HeldDeposit h = hold(c, transferRef, true)
                    .orElseThrow(() -> new TravelRuleException(TravelRuleRefusal.DEPOSIT_NOT_HELD, null));
            IncomingDeposit d = h.deposit();
            // Held deposits were at or above the threshold when seen: the full set is required whatever the price now.
            travelRule.record(c, Direction.INCOMING, transferRef, d.accountId(), d.assetId(), d.amountMinor(), payload,
                    new TravelRule.Assessment(h.valueMinor(), true));
            if (h.status().equals("HELD")) {
                try (PreparedStatement s = c.prepareStatement("UPDATE travel_rule_holds SET status = 'RELEASED',"
                        + " released_at = ? WHERE transfer_ref = ?")) {
                    Jdbc.setInstant(s, 1, clock.instant());
                    s.setString(2, transferRef);
                    s.executeUpdate();
                }
            }
            return h;
        });
        for (Consumer<IncomingDeposit> listener : releaseListeners) {
            listener.accept(held.deposit());
        }
        return held.deposit();
    }

    /** @return the deposits held now, oldest first (at most 500). */
    public List<HeldDeposit> held() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT * FROM travel_rule_holds WHERE status = 'HELD' ORDER BY held_at LIMIT 500");
                ResultSet rs = s.executeQuery()) {
            List<HeldDeposit> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row(rs));
            }
            return out;
        } catch (SQLException e) {
            throw Sql.translate("list held deposits", e);
        }
    }

    private static Optional<HeldDeposit> hold(Connection c, String transferRef, boolean lock) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM travel_rule_holds WHERE transfer_ref = ?"
                + (lock ? " FOR UPDATE" : ""))) {
            s.setString(1, transferRef);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private static HeldDeposit row(ResultSet rs) throws SQLException {
        long value = rs.getLong("value_minor");
        Long valueMinor = rs.wasNull() ? null : value;
        return new HeldDeposit(new IncomingDeposit(rs.getString("transfer_ref"), rs.getLong("account_id"),
                rs.getInt("asset_id"), rs.getLong("amount_minor")), valueMinor, rs.getString("status"),
                Jdbc.getInstant(rs, "held_at"), Jdbc.getInstant(rs, "released_at"));
    }
}
