package io.lantau.collectibles;

import io.lantau.core.command.HoldFunds;
import io.lantau.core.command.LockItem;
import io.lantau.core.command.ReleaseHold;
import io.lantau.core.command.SettleItemSale;
import io.lantau.core.command.UnlockItem;
import io.lantau.core.ItemLockPurpose;
import io.lantau.core.config.Asset;
import io.lantau.store.Jdbc;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The secondary market: fixed-price listings (the item locked for LISTING in the core) and offers (the price held in
 * the core), each sale settled in one {@code SettleItemSale} (item against funds, the creator's royalty and the
 * platform fee paid in the same command). Only where the profile has a secondary market: under the mainland profile
 * every call is FEATURE_DISABLED_IN_JURISDICTION (CN-03), before any other check. Prices in allowed currencies only
 * (CN-04). Thread-safe; a listing or offer is claimed by a conditional status update before the core is asked, so it
 * is settled at most once.
 */
public final class Marketplace {
    private final DataSource dataSource;
    private final CollectiblesSettings settings;
    private final Catalogue catalogue;
    private final Holdings holdings;
    private final Currencies currencies;
    private final Eligibility eligibility;
    private final WindDown windDown;
    private final CoreItems core;
    private final Clock clock;

    public Marketplace(DataSource dataSource, CollectiblesSettings settings, Catalogue catalogue, Holdings holdings,
            Currencies currencies, Identities identities, WindDown windDown, CoreItems core, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource);
        this.settings = Objects.requireNonNull(settings);
        this.catalogue = Objects.requireNonNull(catalogue);
        this.holdings = Objects.requireNonNull(holdings);
        this.currencies = Objects.requireNonNull(currencies);
        this.eligibility = new Eligibility(settings, identities, clock);
        this.windDown = Objects.requireNonNull(windDown);
        this.core = Objects.requireNonNull(core);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Lists an item the seller holds at a fixed price; the core locks it for LISTING. */
    public Listing list(long sellerId, long itemId, String currency, long priceMinor) {
        requireMarket();
        currencies.priceAsset(currency);
        requirePrice(priceMinor);
        Holding h = holdings.requireOwner(sellerId, itemId);
        if (h.lockReason() != null) {
            throw new CollectiblesException(CollectiblesRefusal.ITEM_LOCKED);
        }
        core.sendOrRefuse(new LockItem(itemId, sellerId, ItemLockPurpose.LISTING));
        long saleId = core.nextId("SALE");
        long id = Jdbc.inTransaction(dataSource, "create listing", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO coll_listings (item_id, seller_id, currency,"
                    + " price_minor, sale_id, status, created_at) VALUES (?, ?, ?, ?, ?, 'ACTIVE', ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                s.setLong(1, itemId);
                s.setLong(2, sellerId);
                s.setString(3, currency);
                s.setLong(4, priceMinor);
                s.setLong(5, saleId);
                Jdbc.setInstant(s, 6, clock.instant());
                s.executeUpdate();
                return Catalogue.generatedId(s);
            }
        });
        return listing(id).orElseThrow();
    }

    /** Withdraws the seller's own active listing; the item is unlocked. */
    public Listing cancelListing(long sellerId, long listingId) {
        Listing l = ownListing(sellerId, listingId);
        if (!claim("coll_listings", listingId, "ACTIVE", "CANCELED")) {
            throw new CollectiblesException(CollectiblesRefusal.LISTING_NOT_ACTIVE);
        }
        core.send(new UnlockItem(l.itemId(), sellerId));
        return listing(listingId).orElseThrow();
    }

    /**
     * Buys a listed item at its price: one {@code SettleItemSale} pays the seller, the creator's royalty and the
     * platform fee from the buyer's available balance and moves the item. On a core refusal (e.g. insufficient
     * balance) the listing stays active and nothing moved.
     */
    public Listing buy(long buyerId, long listingId) {
        requireMarket();
        Listing l = listing(listingId).orElseThrow(() -> new CollectiblesException(
                CollectiblesRefusal.UNKNOWN_LISTING));
        if (!"ACTIVE".equals(l.status())) {
            throw new CollectiblesException(CollectiblesRefusal.LISTING_NOT_ACTIVE);
        }
        if (l.sellerId() == buyerId) {
            throw new CollectiblesException(CollectiblesRefusal.OWN_ITEM);
        }
        eligibility.requireBuyer(buyerId);
        Asset asset = currencies.priceAsset(l.currency());
        Collection collection = collectionOf(l.itemId());
        if (!claim("coll_listings", listingId, "ACTIVE", "SOLD")) {
            throw new CollectiblesException(CollectiblesRefusal.LISTING_NOT_ACTIVE);
        }
        try {
            core.sendOrRefuse(new SettleItemSale(saleIdOf(listingId), l.itemId(), l.sellerId(), buyerId,
                    asset.assetId(), l.priceMinor(), collection.issuerAccountId(), collection.royaltyBps(),
                    settings.platformFeeBps(), 0));
        } catch (CollectiblesException e) {
            claim("coll_listings", listingId, "SOLD", "ACTIVE");
            throw e;
        }
        return listing(listingId).orElseThrow();
    }

    /** Offers a price for an item someone else holds; the price is held in the core until the offer ends. */
    public Offer offer(long buyerId, long itemId, String currency, long priceMinor) {
        requireMarket();
        Asset asset = currencies.priceAsset(currency);
        requirePrice(priceMinor);
        Holding h = holdings.holding(itemId).orElseThrow(() -> new CollectiblesException(
                CollectiblesRefusal.UNKNOWN_ITEM));
        if (h.ownerId() == buyerId) {
            throw new CollectiblesException(CollectiblesRefusal.OWN_ITEM);
        }
        eligibility.requireBuyer(buyerId);
        long holdId = core.nextId("OFFER_HOLD");
        core.sendOrRefuse(new HoldFunds(holdId, buyerId, asset.assetId(), priceMinor));
        long id = Jdbc.inTransaction(dataSource, "create offer", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO coll_offers (item_id, buyer_id, currency,"
                    + " price_minor, hold_id, status, created_at) VALUES (?, ?, ?, ?, ?, 'ACTIVE', ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                s.setLong(1, itemId);
                s.setLong(2, buyerId);
                s.setString(3, currency);
                s.setLong(4, priceMinor);
                s.setLong(5, holdId);
                Jdbc.setInstant(s, 6, clock.instant());
                s.executeUpdate();
                return Catalogue.generatedId(s);
            }
        });
        return offer(id).orElseThrow();
    }

    /** Withdraws the buyer's own active offer; its hold is released. */
    public Offer cancelOffer(long buyerId, long offerId) {
        Offer o = offer(offerId).filter(x -> x.buyerId() == buyerId)
                .orElseThrow(() -> new CollectiblesException(CollectiblesRefusal.UNKNOWN_OFFER));
        if (!claim("coll_offers", offerId, "ACTIVE", "CANCELED")) {
            throw new CollectiblesException(CollectiblesRefusal.OFFER_NOT_ACTIVE);
        }
        core.send(new ReleaseHold(holdIdOf(o.id())));
        return offer(offerId).orElseThrow();
    }

    /** The holder accepts an offer on its item: one {@code SettleItemSale} paid from the offer's hold. */
    public Offer acceptOffer(long sellerId, long offerId) {
        requireMarket();
        Offer o = offer(offerId).orElseThrow(() -> new CollectiblesException(CollectiblesRefusal.UNKNOWN_OFFER));
        holdings.requireOwner(sellerId, o.itemId());
        if (!"ACTIVE".equals(o.status())) {
            throw new CollectiblesException(CollectiblesRefusal.OFFER_NOT_ACTIVE);
        }
        Asset asset = currencies.priceAsset(o.currency());
        Collection collection = collectionOf(o.itemId());
        if (!claim("coll_offers", offerId, "ACTIVE", "ACCEPTED")) {
            throw new CollectiblesException(CollectiblesRefusal.OFFER_NOT_ACTIVE);
        }
        try {
            core.sendOrRefuse(new SettleItemSale(core.nextId("SALE"), o.itemId(), sellerId, o.buyerId(),
                    asset.assetId(), o.priceMinor(), collection.issuerAccountId(), collection.royaltyBps(),
                    settings.platformFeeBps(), holdIdOf(offerId)));
        } catch (CollectiblesException e) {
            claim("coll_offers", offerId, "ACCEPTED", "ACTIVE");
            throw e;
        }
        cancelListingsOf(o.itemId());
        return offer(offerId).orElseThrow();
    }

    /** @return the listing, if it exists (listings are public). */
    public Optional<Listing> listing(long id) {
        List<Listing> found = listings("SELECT * FROM coll_listings WHERE id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** @return the active listings, oldest first (at most 500). */
    public List<Listing> activeListings() {
        return listings("SELECT * FROM coll_listings WHERE status = 'ACTIVE' AND id > ? ORDER BY id LIMIT 500", 0);
    }

    /** @return the offer, if it exists. */
    public Optional<Offer> offer(long id) {
        return Jdbc.inTransaction(dataSource, "read offer", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM coll_offers WHERE id = ?")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(new Offer(rs.getLong("id"), rs.getLong("item_id"),
                            rs.getLong("buyer_id"), rs.getString("currency"), rs.getLong("price_minor"),
                            rs.getString("status"), Jdbc.getInstant(rs, "created_at"))) : Optional.<Offer>empty();
                }
            }
        });
    }

    private Listing ownListing(long sellerId, long listingId) {
        return listing(listingId).filter(l -> l.sellerId() == sellerId)
                .orElseThrow(() -> new CollectiblesException(CollectiblesRefusal.UNKNOWN_LISTING));
    }

    private void cancelListingsOf(long itemId) {
        // SettleItemSale ended the LISTING lock; a listing left ACTIVE for the sold item would be stale.
        Jdbc.inTransaction(dataSource, "close listings", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE coll_listings SET status = 'CANCELED' WHERE item_id = ? AND status = 'ACTIVE'")) {
                s.setLong(1, itemId);
                return s.executeUpdate();
            }
        });
    }

    /**
     * The first check of every market call: FEATURE_DISABLED_IN_JURISDICTION where the profile has no secondary
     * market (CN-03), then WOUND_DOWN (CN-10). The API calls it before it even reads a price.
     */
    public void requireMarket() {
        if (!settings.secondaryMarket()) {
            throw new CollectiblesException(CollectiblesRefusal.FEATURE_DISABLED_IN_JURISDICTION,
                    "no resale listing, offer or auction (CN-03)");
        }
        windDown.requireNotWoundDown();
    }

    private static void requirePrice(long priceMinor) {
        if (priceMinor <= 0) {
            throw new CollectiblesException(CollectiblesRefusal.INVALID_ARGUMENT, "priceMinor: more than 0");
        }
    }

    private Collection collectionOf(long itemId) {
        Item item = catalogue.item(itemId).orElseThrow(() -> new CollectiblesException(
                CollectiblesRefusal.UNKNOWN_ITEM));
        return catalogue.collection(item.collectionId()).orElseThrow();
    }

    private boolean claim(String table, long id, String from, String to) {
        return Jdbc.inTransaction(dataSource, "update " + table, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE " + table + " SET status = ? WHERE id = ? AND status = ?")) {
                s.setString(1, to);
                s.setLong(2, id);
                s.setString(3, from);
                return s.executeUpdate() == 1;
            }
        });
    }

    private long saleIdOf(long listingId) {
        return longOf("SELECT sale_id FROM coll_listings WHERE id = ?", listingId);
    }

    private long holdIdOf(long offerId) {
        return longOf("SELECT hold_id FROM coll_offers WHERE id = ?", offerId);
    }

    private long longOf(String sql, long key) {
        return Jdbc.inTransaction(dataSource, "read id", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, key);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private List<Listing> listings(String sql, long key) {
        return Jdbc.inTransaction(dataSource, "read listings", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, key);
                try (ResultSet rs = s.executeQuery()) {
                    List<Listing> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new Listing(rs.getLong("id"), rs.getLong("item_id"), rs.getLong("seller_id"),
                                rs.getString("currency"), rs.getLong("price_minor"), rs.getString("status"),
                                Jdbc.getInstant(rs, "created_at")));
                    }
                    return out;
                }
            }
        });
    }
}
