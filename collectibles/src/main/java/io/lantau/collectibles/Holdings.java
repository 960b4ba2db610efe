package io.lantau.collectibles;

import io.lantau.core.event.CoreEvent;
import io.lantau.core.event.ItemLocked;
import io.lantau.core.event.ItemSold;
import io.lantau.core.event.ItemTransferred;
import io.lantau.core.event.ItemUnlocked;
import io.lantau.store.Jdbc;
import io.lantau.store.dispatch.CommandRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The read model of item ownership and provenance, built from the core's item events ({@code ItemTransferred},
 * {@code ItemSold}, {@code ItemLocked}, {@code ItemUnlocked}) of the commands this service sends. It decides nothing
 * the core decides: the services use it for early, friendly refusals and for queries; the core checks again.
 * Thread-safe (one transaction per applied command).
 */
public final class Holdings {
    private final DataSource dataSource;
    private final Currencies currencies;

    public Holdings(DataSource dataSource, Currencies currencies) {
        this.dataSource = Objects.requireNonNull(dataSource);
        this.currencies = Objects.requireNonNull(currencies);
    }

    /** Takes in an accepted command's item events. */
    void apply(CommandRecord record) {
        ItemSold sale = record.first(ItemSold.class);
        List<CoreEvent> events = record.events();
        Jdbc.inTransaction(dataSource, "apply item events", c -> {
            for (CoreEvent e : events) {
                if (e instanceof ItemTransferred t) {
                    transferred(c, t, sale != null && sale.itemId() == t.itemId() ? sale : null);
                } else if (e instanceof ItemLocked l) {
                    lockReason(c, l.itemId(), l.purpose().name());
                } else if (e instanceof ItemUnlocked u) {
                    lockReason(c, u.itemId(), null);
                }
            }
            return null;
        });
    }

    private void transferred(Connection c, ItemTransferred t, ItemSold sale) throws SQLException {
        Instant at = Instant.EPOCH.plusNanos(t.timestampNanos());
        String currency = sale == null ? null
                : currencies.byId(sale.assetId()).map(a -> a.code()).orElse(String.valueOf(sale.assetId()));
        try (PreparedStatement s = c.prepareStatement("INSERT INTO coll_provenance (core_sequence, item_id, kind,"
                + " from_account, to_account, currency, price_minor, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, t.sequence());
            s.setLong(2, t.itemId());
            s.setString(3, t.kind().name());
            s.setLong(4, t.fromAccountId());
            s.setLong(5, t.toAccountId());
            s.setString(6, currency);
            Jdbc.setLongOrNull(s, 7, sale == null ? null : sale.priceMinor());
            Jdbc.setInstant(s, 8, at);
            s.executeUpdate();
        }
        Optional<Holding> before = holding(c, t.itemId());
        try (PreparedStatement s = c.prepareStatement("DELETE FROM coll_holdings WHERE item_id = ?")) {
            s.setLong(1, t.itemId());
            s.executeUpdate();
        }
        if (t.toAccountId() == 0) {
            return; // burned
        }
        String costCurrency = sale != null ? currency : before.map(Holding::costCurrency).orElse("");
        long cost = sale != null ? sale.priceMinor() : before.map(Holding::costMinor).orElse(0L);
        int gifts = before.map(Holding::gifts).orElse(0) + (t.kind().name().equals("GIFT") ? 1 : 0);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO coll_holdings (item_id, owner_id, acquired_at,"
                + " acquired_nanos, acquired_how, cost_currency, cost_minor, gifts, lock_reason)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)")) {
            s.setLong(1, t.itemId());
            s.setLong(2, t.toAccountId());
            Jdbc.setInstant(s, 3, at);
            s.setLong(4, t.timestampNanos());
            s.setString(5, t.kind().name());
            s.setString(6, costCurrency);
            s.setLong(7, cost);
            s.setInt(8, gifts);
            s.executeUpdate();
        }
    }

    private static void lockReason(Connection c, long itemId, String reason) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE coll_holdings SET lock_reason = ? WHERE item_id = ?")) {
            s.setString(1, reason);
            s.setLong(2, itemId);
            s.executeUpdate();
        }
    }

    /** @return who holds the item now, if it is minted and not burned. */
    public Optional<Holding> holding(long itemId) {
        return Jdbc.inTransaction(dataSource, "read holding", c -> holding(c, itemId));
    }

    /** @return the account's holdings by item id (at most 10,000). */
    public List<Holding> holdingsOf(long accountId) {
        return Jdbc.inTransaction(dataSource, "read holdings", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT * FROM coll_holdings WHERE owner_id = ? ORDER BY item_id LIMIT 10000")) {
                s.setLong(1, accountId);
                try (ResultSet rs = s.executeQuery()) {
                    List<Holding> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(holdingOf(rs));
                    }
                    return out;
                }
            }
        });
    }

    /** @return the item's history, oldest first. */
    public List<ProvenanceEntry> provenance(long itemId) {
        return Jdbc.inTransaction(dataSource, "read provenance", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT * FROM coll_provenance WHERE item_id = ? ORDER BY core_sequence, id")) {
                s.setLong(1, itemId);
                try (ResultSet rs = s.executeQuery()) {
                    List<ProvenanceEntry> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new ProvenanceEntry(rs.getLong("core_sequence"), itemId, rs.getString("kind"),
                                rs.getLong("from_account"), rs.getLong("to_account"), rs.getString("currency"),
                                IssuerRegistry.nullableLong(rs, "price_minor"), Jdbc.getInstant(rs, "at")));
                    }
                    return out;
                }
            }
        });
    }

    private static Optional<Holding> holding(Connection c, long itemId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM coll_holdings WHERE item_id = ?")) {
            s.setLong(1, itemId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(holdingOf(rs)) : Optional.empty();
            }
        }
    }

    private static Holding holdingOf(ResultSet rs) throws SQLException {
        return new Holding(rs.getLong("item_id"), rs.getLong("owner_id"), Jdbc.getInstant(rs, "acquired_at"),
                rs.getLong("acquired_nanos"), rs.getString("acquired_how"), rs.getString("cost_currency"),
                rs.getLong("cost_minor"), rs.getInt("gifts"), rs.getString("lock_reason"));
    }

    /** @return the holding if {@code accountId} holds the item; NOT_OWNER (or UNKNOWN_ITEM) otherwise. */
    Holding requireOwner(long accountId, long itemId) {
        Holding h = holding(itemId).orElseThrow(() -> new CollectiblesException(CollectiblesRefusal.NOT_OWNER));
        if (h.ownerId() != accountId) {
            throw new CollectiblesException(CollectiblesRefusal.NOT_OWNER);
        }
        return h;
    }
}
