package io.lantau.collectibles;

import io.lantau.store.DuplicateKeyException;
import io.lantau.store.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Media, collections and items. A collection needs a verified issuer with an approved IP authorisation (CN-05,
 * CN-08) and a category the profile allows (CN-01). An item is unique (CN-02): an edition number and the SHA-256 of
 * its media, both unique in the collection, and nothing here has a quantity. Items are metadata until the core mints
 * them (a drop's sale, {@link DropService}). No new issuance during wind-down (CN-10). Thread-safe.
 */
public final class Catalogue {
    /** The largest media file accepted, in bytes (16 MiB). */
    public static final int MAX_MEDIA_BYTES = 16 * 1024 * 1024;

    private final DataSource dataSource;
    private final CollectiblesSettings settings;
    private final IssuerRegistry issuers;
    private final MediaStore media;
    private final WindDown windDown;
    private final Clock clock;

    public Catalogue(DataSource dataSource, CollectiblesSettings settings, IssuerRegistry issuers, MediaStore media,
            WindDown windDown, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource);
        this.settings = Objects.requireNonNull(settings);
        this.issuers = Objects.requireNonNull(issuers);
        this.media = Objects.requireNonNull(media);
        this.windDown = Objects.requireNonNull(windDown);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Stores media (or finds it stored) and records who uploaded it first. */
    public ContentId uploadMedia(long accountId, String contentType, byte[] content) {
        IssuerRegistry.requireText(contentType, 128, "contentType");
        if (content.length == 0 || content.length > MAX_MEDIA_BYTES) {
            throw new CollectiblesException(CollectiblesRefusal.INVALID_ARGUMENT,
                    "media: 1 to " + MAX_MEDIA_BYTES + " bytes");
        }
        ContentId id = media.put(content);
        Jdbc.inTransaction(dataSource, "record media", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO coll_media (sha256, cid, content_type,"
                    + " size_bytes, uploaded_by, created_at) SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS"
                    + " (SELECT 1 FROM coll_media WHERE sha256 = ?)")) {
                s.setString(1, id.sha256Hex());
                s.setString(2, id.cid());
                s.setString(3, contentType);
                s.setLong(4, content.length);
                s.setLong(5, accountId);
                Jdbc.setInstant(s, 6, clock.instant());
                s.setString(7, id.sha256Hex());
                return s.executeUpdate();
            }
        });
        return id;
    }

    /** @return the media bytes and their content type, if stored. */
    public Optional<Media> media(String sha256Hex) {
        if (!ContentId.isSha256Hex(sha256Hex)) {
            return Optional.empty();
        }
        Optional<String> type = Jdbc.inTransaction(dataSource, "read media", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT content_type FROM coll_media WHERE sha256 = ?")) {
                s.setString(1, sha256Hex);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
        return type.flatMap(t -> media.get(sha256Hex).map(bytes -> new Media(ContentId.ofDigest(sha256Hex), t,
                bytes)));
    }

    /** Media bytes with their id and type. */
    public record Media(ContentId id, String contentType, byte[] content) {
    }

    /**
     * Creates a collection. Refusals in order: wind-down, category (CN-01), royalty above the profile's maximum,
     * issuer not verified or authorisation missing (CN-05, CN-08).
     */
    public Collection createCollection(long issuerId, String name, String description, Category category,
            long ipAuthorisationId, int royaltyBps) {
        IssuerRegistry.requireText(name, 128, "name");
        if (description == null || description.length() > 2048) {
            throw new CollectiblesException(CollectiblesRefusal.INVALID_ARGUMENT, "description: at most 2048");
        }
        Objects.requireNonNull(category, "category");
        windDown.requireNotWoundDown();
        if (!settings.allows(category)) {
            throw new CollectiblesException(CollectiblesRefusal.CATEGORY_FORBIDDEN, category.name());
        }
        if (royaltyBps < 0 || royaltyBps > settings.maxRoyaltyBps()) {
            throw new CollectiblesException(CollectiblesRefusal.INVALID_ARGUMENT,
                    "royaltyBps: 0 to " + settings.maxRoyaltyBps());
        }
        issuers.requireMayIssue(issuerId, ipAuthorisationId);
        long id = Jdbc.inTransaction(dataSource, "create collection", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO coll_collections (issuer_account_id, name,"
                    + " description, category, ip_authorisation_id, royalty_bps, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                s.setLong(1, issuerId);
                s.setString(2, name);
                s.setString(3, description);
                s.setString(4, category.name());
                s.setLong(5, ipAuthorisationId);
                s.setInt(6, royaltyBps);
                Jdbc.setInstant(s, 7, clock.instant());
                s.executeUpdate();
                return generatedId(s);
            }
        });
        return collection(id).orElseThrow();
    }

    /** What an issuer declares for a new item. {@code quantity} exists only to be refused when not 1 (CN-02). */
    public record NewItem(int edition, String title, String mediaSha256, long quantity, boolean aiGenerated,
            String aiTool, String aiCreator, String likenessRights) {
    }

    /**
     * Adds an item to the issuer's own collection. Refusals: wind-down, not the issuer's collection, quantity other
     * than 1 (CN-02), an AI-generated item without tool and creator, a digital human without its likeness rights,
     * media not uploaded, a duplicate content hash (CN-02) or edition in the collection.
     */
    public Item createItem(long issuerId, long collectionId, NewItem item) {
        Collection collection = ownCollection(issuerId, collectionId);
        windDown.requireNotWoundDown();
        if (item.quantity() != 1) {
            throw new CollectiblesException(CollectiblesRefusal.FRACTIONAL_NOT_ALLOWED);
        }
        if (item.edition() < 1) {
            throw new CollectiblesException(CollectiblesRefusal.INVALID_ARGUMENT, "edition: 1 or more");
        }
        IssuerRegistry.requireText(item.title(), 128, "title");
        if (item.aiGenerated()) {
            if (blank(item.aiTool()) || blank(item.aiCreator()) || item.aiTool().length() > 128
                    || item.aiCreator().length() > 128) {
                throw new CollectiblesException(CollectiblesRefusal.AI_DECLARATION_REQUIRED);
            }
        } else if (item.aiTool() != null || item.aiCreator() != null) {
            throw new CollectiblesException(CollectiblesRefusal.INVALID_ARGUMENT,
                    "aiTool and aiCreator need aiGenerated");
        }
        if (collection.category() == Category.DIGITAL_HUMAN && blank(item.likenessRights())) {
            throw new CollectiblesException(CollectiblesRefusal.LIKENESS_RIGHTS_REQUIRED);
        }
        if (item.likenessRights() != null && item.likenessRights().length() > 2048) {
            throw new CollectiblesException(CollectiblesRefusal.INVALID_ARGUMENT, "likenessRights: at most 2048");
        }
        if (!ContentId.isSha256Hex(item.mediaSha256()) || !mediaRecorded(item.mediaSha256())) {
            throw new CollectiblesException(CollectiblesRefusal.MEDIA_NOT_FOUND, "mediaSha256");
        }
        long id;
        try {
            id = Jdbc.inTransaction(dataSource, "create item", c -> insertItem(c, collectionId, item));
        } catch (DuplicateKeyException e) {
            throw duplicateOf(collectionId, item);
        }
        return item(id).orElseThrow();
    }

    private long insertItem(Connection c, long collectionId, NewItem item) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO coll_items (collection_id, edition, title,"
                + " media_sha256, ai_generated, ai_tool, ai_creator, likeness_rights, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            s.setLong(1, collectionId);
            s.setInt(2, item.edition());
            s.setString(3, item.title());
            s.setString(4, item.mediaSha256());
            s.setBoolean(5, item.aiGenerated());
            s.setString(6, item.aiTool());
            s.setString(7, item.aiCreator());
            s.setString(8, item.likenessRights());
            Jdbc.setInstant(s, 9, clock.instant());
            s.executeUpdate();
            return generatedId(s);
        }
    }

    private CollectiblesException duplicateOf(long collectionId, NewItem item) {
        boolean sameContent = items(collectionId).stream().anyMatch(i -> i.mediaSha256().equals(item.mediaSha256()));
        return new CollectiblesException(sameContent ? CollectiblesRefusal.DUPLICATE_CONTENT
                : CollectiblesRefusal.DUPLICATE_EDITION);
    }

    /** @return the collection if the caller is its issuer; UNKNOWN_COLLECTION or NOT_YOUR_COLLECTION otherwise. */
    public Collection ownCollection(long issuerId, long collectionId) {
        Collection collection = collection(collectionId)
                .orElseThrow(() -> new CollectiblesException(CollectiblesRefusal.UNKNOWN_COLLECTION));
        if (collection.issuerAccountId() != issuerId) {
            throw new CollectiblesException(CollectiblesRefusal.NOT_YOUR_COLLECTION);
        }
        return collection;
    }

    /** @return the collection, if it exists. */
    public Optional<Collection> collection(long id) {
        List<Collection> found = collections("SELECT * FROM coll_collections WHERE id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** @return the issuer's collections, newest last (at most 500). */
    public List<Collection> collectionsOf(long issuerId) {
        return collections("SELECT * FROM coll_collections WHERE issuer_account_id = ? ORDER BY id LIMIT 500",
                issuerId);
    }

    /** @return the item, if it exists. */
    public Optional<Item> item(long id) {
        List<Item> found = items("SELECT i.*, m.cid FROM coll_items i JOIN coll_media m ON m.sha256 = i.media_sha256"
                + " WHERE i.id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** @return the collection's items by edition (at most 10,000). */
    public List<Item> items(long collectionId) {
        return items("SELECT i.*, m.cid FROM coll_items i JOIN coll_media m ON m.sha256 = i.media_sha256"
                + " WHERE i.collection_id = ? ORDER BY i.edition LIMIT 10000", collectionId);
    }

    private boolean mediaRecorded(String sha256) {
        return Jdbc.inTransaction(dataSource, "find media", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM coll_media WHERE sha256 = ?")) {
                s.setString(1, sha256);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    private List<Collection> collections(String sql, long key) {
        return Jdbc.inTransaction(dataSource, "read collections", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, key);
                try (ResultSet rs = s.executeQuery()) {
                    List<Collection> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new Collection(rs.getLong("id"), rs.getLong("issuer_account_id"),
                                rs.getString("name"), rs.getString("description"),
                                Category.valueOf(rs.getString("category")), rs.getLong("ip_authorisation_id"),
                                rs.getInt("royalty_bps"), Jdbc.getInstant(rs, "created_at")));
                    }
                    return out;
                }
            }
        });
    }

    private List<Item> items(String sql, long key) {
        return Jdbc.inTransaction(dataSource, "read items", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, key);
                try (ResultSet rs = s.executeQuery()) {
                    List<Item> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new Item(rs.getLong("id"), rs.getLong("collection_id"), rs.getInt("edition"),
                                rs.getString("title"), rs.getString("media_sha256"), rs.getString("cid"),
                                rs.getBoolean("ai_generated"), rs.getString("ai_tool"), rs.getString("ai_creator"),
                                rs.getString("likeness_rights"), Jdbc.getInstant(rs, "created_at")));
                    }
                    return out;
                }
            }
        });
    }

    static long generatedId(PreparedStatement s) throws SQLException {
        try (ResultSet keys = s.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
