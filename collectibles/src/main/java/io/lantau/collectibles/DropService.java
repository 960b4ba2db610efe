package io.lantau.collectibles;

import io.lantau.core.ContentHash;
import io.lantau.core.ResultCode;
import io.lantau.core.command.HoldFunds;
import io.lantau.core.command.MintItem;
import io.lantau.core.command.MintItemForPayment;
import io.lantau.core.command.ReleaseHold;
import io.lantau.core.config.Asset;
import io.lantau.store.DuplicateKeyException;
import io.lantau.store.Jdbc;
import io.lantau.store.dispatch.CommandRecord;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Drops (primary sales) with a committed fair draw. At creation the service draws a secret 32-byte seed and
 * publishes its SHA-256; an entry reserves the price of each requested item in the core ({@code HoldFunds}, one hold
 * per item, so an entrant's money is committed and nobody is charged for what they do not win); after the end the
 * issuer (or staff) draws: {@link DrawVerifier#winners} over the entries and the seed, then per position one
 * {@code MintItemForPayment} that mints the item to the winner and pays the issuer from the winner's hold in the same
 * core command (item and payment together or neither); every unused hold is released and the seed revealed. Anyone
 * can then recompute the winners from {@link #result}. Thread-safe; a draw that stopped part-way can be run again and
 * completes the same draw (see {@link #draw}).
 */
public final class DropService {
    /** The most items one drop may sell. */
    public static final int MAX_SUPPLY = 10_000;
    /** The most accounts an allowlist may name. */
    public static final int MAX_ALLOWLIST = 10_000;
    /** {@code MintItem.flags} bit: the item's media is AI-generated (shown with its label). */
    public static final int FLAG_AI_GENERATED = 1;

    private final DataSource dataSource;
    private final CollectiblesSettings settings;
    private final Catalogue catalogue;
    private final Currencies currencies;
    private final Eligibility eligibility;
    private final WindDown windDown;
    private final CoreItems core;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public DropService(DataSource dataSource, CollectiblesSettings settings, Catalogue catalogue,
            Currencies currencies, Identities identities, WindDown windDown, CoreItems core, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource);
        this.settings = Objects.requireNonNull(settings);
        this.catalogue = Objects.requireNonNull(catalogue);
        this.currencies = Objects.requireNonNull(currencies);
        this.eligibility = new Eligibility(settings, identities, clock);
        this.windDown = Objects.requireNonNull(windDown);
        this.core = Objects.requireNonNull(core);
        this.clock = Objects.requireNonNull(clock);
    }

    /** What an issuer asks for a new drop. */
    public record NewDrop(long collectionId, String currency, long priceMinor, int supply, int perBuyerCap,
            List<Long> allowlist, Instant startsAt, Instant endsAt) {
    }

    /**
     * Creates a drop of the issuer's own collection, taking its {@code supply} lowest unsold editions. Refusals:
     * wind-down, not the issuer's collection, currency (CN-04), bad price, supply, cap or times, too few items.
     */
    public Drop create(long issuerId, NewDrop d) {
        catalogue.ownCollection(issuerId, d.collectionId());
        windDown.requireNotWoundDown();
        currencies.priceAsset(d.currency());
        if (d.priceMinor() <= 0) {
            throw invalid("priceMinor: more than 0");
        }
        if (d.supply() < 1 || d.supply() > MAX_SUPPLY) {
            throw invalid("supply: 1 to " + MAX_SUPPLY);
        }
        if (d.perBuyerCap() < 1 || d.perBuyerCap() > d.supply()) {
            throw invalid("perBuyerCap: 1 to supply");
        }
        if (d.allowlist().size() > MAX_ALLOWLIST) {
            throw invalid("allowlist: at most " + MAX_ALLOWLIST);
        }
        if (d.startsAt() == null || d.endsAt() == null || !d.startsAt().isBefore(d.endsAt())
                || !d.endsAt().isAfter(clock.instant())) {
            throw invalid("startsAt before endsAt, endsAt in the future");
        }
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        long id;
        try {
            id = Jdbc.inTransaction(dataSource, "create drop", c -> insertDrop(c, d, seed));
        } catch (DuplicateKeyException e) {
            throw invalid("an item was taken by another drop at the same time; try again");
        }
        return drop(id).orElseThrow();
    }

    private long insertDrop(Connection c, NewDrop d, byte[] seed) throws SQLException {
        List<Long> items = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT i.id FROM coll_items i WHERE i.collection_id = ?"
                + " AND NOT EXISTS (SELECT 1 FROM coll_drop_items di WHERE di.item_id = i.id)"
                + " AND NOT EXISTS (SELECT 1 FROM coll_provenance p WHERE p.item_id = i.id)"
                + " ORDER BY i.edition LIMIT ?")) {
            s.setLong(1, d.collectionId());
            s.setInt(2, d.supply());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    items.add(rs.getLong(1));
                }
            }
        }
        if (items.size() < d.supply()) {
            throw invalid("supply: only " + items.size() + " unsold items in the collection");
        }
        long id;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO coll_drops (collection_id, currency, price_minor,"
                + " supply, per_buyer_cap, allowlist_only, starts_at, ends_at, seed_commitment, seed_hex, status,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)", Statement.RETURN_GENERATED_KEYS)) {
            s.setLong(1, d.collectionId());
            s.setString(2, d.currency());
            s.setLong(3, d.priceMinor());
            s.setInt(4, d.supply());
            s.setInt(5, d.perBuyerCap());
            s.setBoolean(6, !d.allowlist().isEmpty());
            Jdbc.setInstant(s, 7, d.startsAt());
            Jdbc.setInstant(s, 8, d.endsAt());
            s.setString(9, DrawVerifier.commitment(seed));
            s.setString(10, HexFormat.of().formatHex(seed));
            Jdbc.setInstant(s, 11, clock.instant());
            s.executeUpdate();
            id = Catalogue.generatedId(s);
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO coll_drop_items (drop_id, position, item_id) VALUES (?, ?, ?)")) {
            for (int k = 0; k < items.size(); k++) {
                s.setLong(1, id);
                s.setInt(2, k);
                s.setLong(3, items.get(k));
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO coll_drop_allowlist (drop_id, account_id) VALUES (?, ?)")) {
            for (long account : Set.copyOf(d.allowlist())) {
                s.setLong(1, id);
                s.setLong(2, account);
                s.addBatch();
            }
            s.executeBatch();
        }
        return id;
    }

    /**
     * Enters the drop for {@code quantity} items, reserving their price in the core. One entry per account.
     * Refusals: unknown drop, wind-down, not open now, not allowlisted, the issuer itself, quantity past the cap,
     * buyer not verified or under age (CN-05), already entered, insufficient balance.
     */
    public void enter(long accountId, long dropId, int quantity) {
        Drop drop = drop(dropId).orElseThrow(() -> new CollectiblesException(CollectiblesRefusal.UNKNOWN_DROP));
        windDown.requireNotWoundDown();
        Instant now = clock.instant();
        if (drop.drawn() || now.isBefore(drop.startsAt()) || !now.isBefore(drop.endsAt())) {
            throw new CollectiblesException(CollectiblesRefusal.DROP_NOT_OPEN);
        }
        if (drop.allowlistOnly() && !allowlisted(dropId, accountId)) {
            throw new CollectiblesException(CollectiblesRefusal.NOT_ALLOWLISTED);
        }
        Collection collection = catalogue.collection(drop.collectionId()).orElseThrow();
        if (collection.issuerAccountId() == accountId) {
            throw new CollectiblesException(CollectiblesRefusal.OWN_ITEM);
        }
        if (quantity < 1 || quantity > drop.perBuyerCap()) {
            throw new CollectiblesException(CollectiblesRefusal.BUYER_CAP_EXCEEDED, "1 to " + drop.perBuyerCap());
        }
        eligibility.requireBuyer(accountId);
        Asset asset = currencies.priceAsset(drop.currency());
        if (entries(dropId).stream().anyMatch(e -> e.accountId() == accountId)) {
            throw new CollectiblesException(CollectiblesRefusal.ALREADY_DECIDED, "already entered");
        }
        List<Long> holds = new ArrayList<>();
        try {
            for (int t = 0; t < quantity; t++) {
                long holdId = core.nextId("DROP_HOLD");
                core.sendOrRefuse(new HoldFunds(holdId, accountId, asset.assetId(), drop.priceMinor()));
                holds.add(holdId);
            }
            Jdbc.inTransaction(dataSource, "record drop entry", c -> insertEntry(c, dropId, accountId, holds, now));
        } catch (RuntimeException e) {
            holds.forEach(h -> core.send(new ReleaseHold(h)));
            if (e instanceof DuplicateKeyException) {
                throw new CollectiblesException(CollectiblesRefusal.ALREADY_DECIDED, "already entered");
            }
            throw e;
        }
    }

    private static int insertEntry(Connection c, long dropId, long accountId, List<Long> holds, Instant now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO coll_drop_entries (drop_id, account_id, quantity,"
                + " entered_at) VALUES (?, ?, ?, ?)")) {
            s.setLong(1, dropId);
            s.setLong(2, accountId);
            s.setInt(3, holds.size());
            Jdbc.setInstant(s, 4, now);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO coll_drop_holds (drop_id, account_id, ticket,"
                + " hold_id) VALUES (?, ?, ?, ?)")) {
            for (int t = 0; t < holds.size(); t++) {
                s.setLong(1, dropId);
                s.setLong(2, accountId);
                s.setInt(3, t);
                s.setLong(4, holds.get(t));
                s.addBatch();
            }
            s.executeBatch();
        }
        return holds.size();
    }

    /**
     * Draws the drop after its end (its issuer, or staff with {@code byStaff}), settles each won item in the core,
     * releases the other holds and reveals the seed. Refusals: unknown drop, not the issuer, not ended yet, drawn
     * already.
     */
    public DropResult draw(long actorId, boolean byStaff, long dropId) {
        Drop drop = drop(dropId).orElseThrow(() -> new CollectiblesException(CollectiblesRefusal.UNKNOWN_DROP));
        Collection collection = catalogue.collection(drop.collectionId()).orElseThrow();
        if (!byStaff && collection.issuerAccountId() != actorId) {
            throw new CollectiblesException(CollectiblesRefusal.NOT_YOUR_COLLECTION);
        }
        if (clock.instant().isBefore(drop.endsAt())) {
            throw new CollectiblesException(CollectiblesRefusal.DROP_NOT_CLOSED);
        }
        Instant now = clock.instant();
        int claimed = Jdbc.inTransaction(dataSource, "claim draw", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE coll_drops SET status = 'DRAWN', drawn_at = ? WHERE id = ? AND status = 'OPEN'")) {
                Jdbc.setInstant(s, 1, now);
                s.setLong(2, dropId);
                return s.executeUpdate();
            }
        });
        if (claimed == 0 && !result(dropId).positions().isEmpty()) {
            throw new CollectiblesException(CollectiblesRefusal.DROP_ALREADY_DRAWN);
        }
        // claimed == 0 with no positions recorded: an earlier draw stopped part-way (a crash, the core's timeout).
        // Running it again is safe: the same seed gives the same winners, MintItemForPayment is idempotent by item
        // id (a repeat charges nothing) and ReleaseHold by hold id.
        List<Long> winners = DrawVerifier.winners(HexFormat.of().parseHex(seedOf(dropId)), entries(dropId),
                drop.supply());
        Map<Long, Deque<Long>> holds = holdsOf(dropId);
        List<Long> items = dropItems(dropId);
        Asset asset = currencies.byCode(drop.currency()).orElseThrow();
        List<DropResult.Position> positions = new ArrayList<>();
        for (int k = 0; k < winners.size(); k++) {
            long buyer = winners.get(k);
            Item item = catalogue.item(items.get(k)).orElseThrow();
            long holdId = holds.get(buyer).removeFirst();
            MintItem mint = new MintItem(item.id(), collection.id(), buyer, item.edition(),
                    ContentHash.fromHex(item.mediaSha256()), collection.issuerAccountId(), collection.royaltyBps(),
                    item.aiGenerated() ? FLAG_AI_GENERATED : 0);
            CommandRecord record = core.send(new MintItemForPayment(mint, collection.issuerAccountId(),
                    asset.assetId(), drop.priceMinor(), settings.platformFeeBps(), holdId));
            String outcome = record.code() == ResultCode.OK ? "SETTLED" : record.code().name();
            if (record.code() != ResultCode.OK) {
                core.send(new ReleaseHold(holdId));
            }
            positions.add(new DropResult.Position(k, buyer, item.id(), outcome));
        }
        holds.values().forEach(rest -> rest.forEach(h -> core.send(new ReleaseHold(h))));
        try {
            recordPositions(dropId, positions);
        } catch (DuplicateKeyException e) {
            // a concurrent resume recorded the same positions first
        }
        return result(dropId);
    }

    private void recordPositions(long dropId, List<DropResult.Position> positions) {
        Jdbc.inTransaction(dataSource, "record draw", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO coll_drop_results (drop_id, position,"
                    + " account_id, item_id, outcome) VALUES (?, ?, ?, ?, ?)")) {
                for (DropResult.Position p : positions) {
                    s.setLong(1, dropId);
                    s.setInt(2, p.position());
                    s.setLong(3, p.accountId());
                    s.setLong(4, p.itemId());
                    s.setString(5, p.outcome());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    /** @return the drop with its entries and, once drawn, its revealed seed and positions. */
    public DropResult result(long dropId) {
        Drop drop = drop(dropId).orElseThrow(() -> new CollectiblesException(CollectiblesRefusal.UNKNOWN_DROP));
        List<DropResult.Position> positions = Jdbc.inTransaction(dataSource, "read draw", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT * FROM coll_drop_results WHERE drop_id = ? ORDER BY position")) {
                s.setLong(1, dropId);
                try (ResultSet rs = s.executeQuery()) {
                    List<DropResult.Position> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new DropResult.Position(rs.getInt("position"), rs.getLong("account_id"),
                                rs.getLong("item_id"), rs.getString("outcome")));
                    }
                    return out;
                }
            }
        });
        return new DropResult(drop, entries(dropId), positions);
    }

    /** @return the drop; its seed only if drawn. */
    public Optional<Drop> drop(long dropId) {
        return Jdbc.inTransaction(dataSource, "read drop", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM coll_drops WHERE id = ?")) {
                s.setLong(1, dropId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Drop>empty();
                    }
                    boolean drawn = "DRAWN".equals(rs.getString("status"));
                    return Optional.of(new Drop(rs.getLong("id"), rs.getLong("collection_id"),
                            rs.getString("currency"), rs.getLong("price_minor"), rs.getInt("supply"),
                            rs.getInt("per_buyer_cap"), rs.getBoolean("allowlist_only"),
                            Jdbc.getInstant(rs, "starts_at"), Jdbc.getInstant(rs, "ends_at"),
                            rs.getString("seed_commitment"), rs.getString("status"),
                            drawn ? rs.getString("seed_hex") : null, Jdbc.getInstant(rs, "drawn_at")));
                }
            }
        });
    }

    /** @return the entries in account order (the draw's ticket order). */
    public List<DrawVerifier.Entry> entries(long dropId) {
        return Jdbc.inTransaction(dataSource, "read entries", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT account_id, quantity FROM coll_drop_entries WHERE drop_id = ? ORDER BY account_id")) {
                s.setLong(1, dropId);
                try (ResultSet rs = s.executeQuery()) {
                    List<DrawVerifier.Entry> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new DrawVerifier.Entry(rs.getLong(1), rs.getInt(2)));
                    }
                    return out;
                }
            }
        });
    }

    private String seedOf(long dropId) {
        return Jdbc.inTransaction(dataSource, "read seed", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT seed_hex FROM coll_drops WHERE id = ?")) {
                s.setLong(1, dropId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }

    private boolean allowlisted(long dropId, long accountId) {
        return Jdbc.inTransaction(dataSource, "read allowlist", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT 1 FROM coll_drop_allowlist WHERE drop_id = ? AND account_id = ?")) {
                s.setLong(1, dropId);
                s.setLong(2, accountId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    private Map<Long, Deque<Long>> holdsOf(long dropId) {
        return Jdbc.inTransaction(dataSource, "read holds", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT account_id, hold_id FROM coll_drop_holds"
                    + " WHERE drop_id = ? ORDER BY account_id, ticket")) {
                s.setLong(1, dropId);
                try (ResultSet rs = s.executeQuery()) {
                    Map<Long, Deque<Long>> out = new HashMap<>();
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getLong(1), k -> new ArrayDeque<>()).add(rs.getLong(2));
                    }
                    return out;
                }
            }
        });
    }

    private List<Long> dropItems(long dropId) {
        return Jdbc.inTransaction(dataSource, "read drop items", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT item_id FROM coll_drop_items WHERE drop_id = ? ORDER BY position")) {
                s.setLong(1, dropId);
                try (ResultSet rs = s.executeQuery()) {
                    List<Long> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                    return out;
                }
            }
        });
    }

    private static CollectiblesException invalid(String detail) {
        return new CollectiblesException(CollectiblesRefusal.INVALID_ARGUMENT, detail);
    }
}
