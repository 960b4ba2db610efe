package io.lantau.gateway.collectibles;

import io.lantau.collectibles.Category;
import io.lantau.collectibles.Catalogue;
import io.lantau.collectibles.Collectibles;
import io.lantau.collectibles.CollectiblesException;
import io.lantau.collectibles.CollectiblesRefusal;
import io.lantau.collectibles.ContentId;
import io.lantau.collectibles.DropService;
import io.lantau.collectibles.Erc721Metadata;
import io.lantau.collectibles.IpAuthorisation;
import io.lantau.collectibles.WindDownChoices;
import io.lantau.compliance.security.StaffRole;
import io.lantau.core.config.Asset;
import io.lantau.gateway.nativeapi.EndpointGroup;
import io.lantau.gateway.nativeapi.JsonBody;
import io.lantau.gateway.nativeapi.NativeError;
import io.lantau.gateway.nativeapi.NativeException;
import io.lantau.gateway.nativeapi.NativeRequest;
import io.lantau.gateway.nativeapi.NativeRoutes;
import io.lantau.gateway.nativeapi.NativeRoutes.Access;
import io.lantau.gateway.nativeapi.Reply;
import io.lantau.gateway.nativeapi.StaffAccess;
import io.lantau.store.account.Session;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The collectibles endpoints. Private routes act for the session's user (user id = core account id) and refuse ids
 * the caller does not own with the same code as ids that do not exist; staff routes (issuer and IP decisions,
 * wind-down, a staff draw, the return scan) need a compliance officer or operator admin with TOTP. Media uploads
 * send the raw bytes with their own {@code Content-Type} to {@value #MEDIA_PATH} (the wiring must allow large bodies
 * under {@code /api/lantau/v1/collectibles/media}).
 */
public final class CollectiblesEndpoints implements EndpointGroup {
    /** The media upload path below the API prefix. */
    public static final String MEDIA_PATH = "/collectibles/media";
    /**
     * The ERC-721 token URIs' prefix: the deployed contract answers {@code tokenURI(id)} as its base URI + id, so the
     * item's metadata is also served at {@code TOKEN_URI_PATH/id}.
     */
    public static final String TOKEN_URI_PATH = "/collectibles/erc721";
    /** The largest media upload the route accepts, in bytes (the gateway's large-body cap). */
    public static final int MAX_MEDIA_BODY = Catalogue.MAX_MEDIA_BYTES;
    private static final Set<String> MEDIA_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp",
            "image/svg+xml", "audio/mpeg", "audio/ogg", "video/mp4", "model/gltf-binary", "application/pdf");
    private static final StaffRole[] DECIDERS = {StaffRole.COMPLIANCE_OFFICER, StaffRole.OPERATOR_ADMIN};

    private final Collectibles c;
    private final StaffAccess staff;
    private final CollectiblesJson json;

    public CollectiblesEndpoints(Collectibles collectibles, StaffAccess staff) {
        this.c = Objects.requireNonNull(collectibles);
        this.staff = Objects.requireNonNull(staff);
        this.json = new CollectiblesJson(collectibles.currencies());
    }

    @Override
    public void register(NativeRoutes routes) {
        add(routes, HttpMethod.GET, "/collectibles/rules", Access.PUBLIC,
                (r, s) -> Reply.ok(CollectiblesJson.rules(c.settings())));
        // Issuers and IP authorisations (CN-05, CN-08).
        add(routes, HttpMethod.POST, "/collectibles/issuers", Access.SESSION_CHANGE, this::applyAsIssuer);
        add(routes, HttpMethod.GET, "/collectibles/issuers/me", Access.SESSION, (r, s) -> Reply.ok(
                CollectiblesJson.issuer(c.issuers().issuer(s.userId()).orElseThrow(() -> refused(
                        CollectiblesRefusal.UNKNOWN_ISSUER)))));
        add(routes, HttpMethod.GET, "/collectibles/staff/issuers", Access.SESSION, this::pendingIssuers);
        add(routes, HttpMethod.POST, "/collectibles/staff/issuers/:id/decision", Access.SESSION_CHANGE,
                this::decideIssuer);
        add(routes, HttpMethod.POST, "/collectibles/ip-authorisations", Access.SESSION_CHANGE, this::fileAuthorisation);
        add(routes, HttpMethod.GET, "/collectibles/ip-authorisations/:id", Access.SESSION, this::authorisation);
        add(routes, HttpMethod.POST, "/collectibles/staff/ip-authorisations/:id/decision", Access.SESSION_CHANGE,
                this::decideAuthorisation);
        // Media, collections, items.
        routes.add(HttpMethod.POST, MEDIA_PATH, Access.SESSION_CHANGE, MAX_MEDIA_BODY, guarded(this::uploadMedia));
        add(routes, HttpMethod.GET, MEDIA_PATH + "/:id", Access.PUBLIC, this::media);
        add(routes, HttpMethod.POST, "/collectibles/collections", Access.SESSION_CHANGE, this::createCollection);
        add(routes, HttpMethod.GET, "/collectibles/collections/:id", Access.PUBLIC, this::collection);
        add(routes, HttpMethod.POST, "/collectibles/collections/:id/items", Access.SESSION_CHANGE, this::createItem);
        add(routes, HttpMethod.GET, "/collectibles/items/:id", Access.PUBLIC, this::item);
        add(routes, HttpMethod.GET, "/collectibles/items/:id/metadata", Access.PUBLIC, this::metadata);
        add(routes, HttpMethod.GET, TOKEN_URI_PATH + "/:id", Access.PUBLIC, this::metadata);
        add(routes, HttpMethod.GET, "/collectibles/items/:id/provenance", Access.PUBLIC, (r, s) -> Reply.ok(
                json.provenance(c.holdings().provenance(knownItem(r)))));
        add(routes, HttpMethod.GET, "/collectibles/holdings", Access.SESSION, this::holdings);
        // Drops.
        add(routes, HttpMethod.POST, "/collectibles/drops", Access.SESSION_CHANGE, this::createDrop);
        add(routes, HttpMethod.GET, "/collectibles/drops/:id", Access.PUBLIC, (r, s) -> Reply.ok(json.drop(
                c.drops().drop(id(r)).orElseThrow(() -> refused(CollectiblesRefusal.UNKNOWN_DROP)))));
        add(routes, HttpMethod.POST, "/collectibles/drops/:id/entries", Access.SESSION_CHANGE, this::enterDrop);
        add(routes, HttpMethod.POST, "/collectibles/drops/:id/draw", Access.SESSION_CHANGE, this::draw);
        add(routes, HttpMethod.GET, "/collectibles/drops/:id/result", Access.PUBLIC, (r, s) -> Reply.ok(
                json.result(c.drops().result(id(r)))));
        // Secondary market (CN-03), gifts (CN-06), wind-down (CN-10), export (CN-07).
        add(routes, HttpMethod.GET, "/collectibles/listings", Access.PUBLIC, this::listings);
        add(routes, HttpMethod.POST, "/collectibles/listings", Access.SESSION_CHANGE, this::list);
        add(routes, HttpMethod.DELETE, "/collectibles/listings/:id", Access.SESSION_CHANGE, (r, s) -> Reply.ok(
                json.listing(c.market().cancelListing(s.userId(), id(r)))));
        add(routes, HttpMethod.POST, "/collectibles/listings/:id/buy", Access.SESSION_CHANGE, (r, s) -> {
            r.json().allowOnly(Set.of());
            return Reply.ok(json.listing(c.market().buy(s.userId(), id(r))));
        });
        add(routes, HttpMethod.POST, "/collectibles/offers", Access.SESSION_CHANGE, this::offer);
        add(routes, HttpMethod.DELETE, "/collectibles/offers/:id", Access.SESSION_CHANGE, (r, s) -> Reply.ok(
                json.offer(c.market().cancelOffer(s.userId(), id(r)))));
        add(routes, HttpMethod.POST, "/collectibles/offers/:id/accept", Access.SESSION_CHANGE, (r, s) -> {
            r.json().allowOnly(Set.of());
            return Reply.ok(json.offer(c.market().acceptOffer(s.userId(), id(r))));
        });
        add(routes, HttpMethod.POST, "/collectibles/items/:id/gift", Access.SESSION_CHANGE, this::gift);
        add(routes, HttpMethod.POST, "/collectibles/staff/wind-down", Access.SESSION_CHANGE, (r, s) -> {
            staff.require(s, true, DECIDERS);
            r.json().allowOnly(Set.of());
            c.windDown().start(s.userId());
            return Reply.ok(new JsonObject().put("windingDown", true));
        });
        add(routes, HttpMethod.POST, "/collectibles/items/:id/wind-down-choice", Access.SESSION_CHANGE,
                this::windDownChoice);
        add(routes, HttpMethod.POST, "/collectibles/items/:id/export", Access.SESSION_CHANGE, this::export);
        add(routes, HttpMethod.POST, "/collectibles/staff/exports/scan", Access.SESSION_CHANGE, (r, s) -> {
            staff.require(s, true, DECIDERS);
            r.json().allowOnly(Set.of());
            return Reply.ok(new JsonObject().put("unlocked", c.exports().scanReturns()));
        });
    }

    // ---------------------------------------------------------------- issuers

    private Reply applyAsIssuer(NativeRequest r, Session s) {
        JsonBody body = r.json().allowOnly(Set.of("displayName"));
        return Reply.created(CollectiblesJson.issuer(c.issuers().apply(s.userId(),
                body.requiredString("displayName", 128))));
    }

    private Reply pendingIssuers(NativeRequest r, Session s) {
        staff.require(s, false);
        JsonArray out = new JsonArray();
        c.issuers().pendingIssuers().forEach(i -> out.add(CollectiblesJson.issuer(i)));
        return Reply.ok(out);
    }

    private Reply decideIssuer(NativeRequest r, Session s) {
        staff.require(s, true, DECIDERS);
        boolean approve = decision(r);
        long issuer = id(r);
        if (issuer == s.userId()) {
            throw new NativeException(NativeError.SELF_APPROVAL_FORBIDDEN);
        }
        return Reply.ok(CollectiblesJson.issuer(c.issuers().decideIssuer(issuer, s.userId(), approve)));
    }

    private Reply fileAuthorisation(NativeRequest r, Session s) {
        JsonBody body = r.json().allowOnly(Set.of("workTitle", "rightsHolder", "licenceTerms", "evidenceSha256"));
        return Reply.created(CollectiblesJson.authorisation(c.issuers().fileAuthorisation(s.userId(),
                body.requiredString("workTitle", 256), body.requiredString("rightsHolder", 256),
                body.requiredString("licenceTerms", 2048), body.requiredString("evidenceSha256", 64))));
    }

    private Reply authorisation(NativeRequest r, Session s) {
        IpAuthorisation a = c.issuers().authorisation(id(r))
                .filter(x -> x.issuerAccountId() == s.userId() || staff.isStaff(s))
                .orElseThrow(() -> refused(CollectiblesRefusal.UNKNOWN_AUTHORISATION));
        return Reply.ok(CollectiblesJson.authorisation(a));
    }

    private Reply decideAuthorisation(NativeRequest r, Session s) {
        staff.require(s, true, DECIDERS);
        boolean approve = decision(r);
        long id = id(r);
        c.issuers().authorisation(id).filter(a -> a.issuerAccountId() == s.userId()).ifPresent(a -> {
            throw new NativeException(NativeError.SELF_APPROVAL_FORBIDDEN);
        });
        return Reply.ok(CollectiblesJson.authorisation(c.issuers().decideAuthorisation(id, s.userId(), approve)));
    }

    private static boolean decision(NativeRequest r) {
        JsonBody body = r.json().allowOnly(Set.of("approve"));
        if (!body.has("approve")) {
            throw new NativeException(NativeError.MISSING_FIELD, "approve");
        }
        return body.optionalBoolean("approve", false);
    }

    // ---------------------------------------------------------------- media, collections, items

    private Reply uploadMedia(NativeRequest r, Session s) {
        String type = r.contentType() == null ? "" : r.contentType().split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!MEDIA_TYPES.contains(type)) {
            throw new NativeException(NativeError.UNSUPPORTED_MEDIA_TYPE, "media types: " + MEDIA_TYPES);
        }
        ContentId id = c.catalogue().uploadMedia(s.userId(), type, r.body());
        return Reply.created(new JsonObject().put("sha256", id.sha256Hex()).put("cid", id.cid())
                .put("contentType", type).put("size", r.body().length));
    }

    private Reply media(NativeRequest r, Session s) {
        Catalogue.Media m = c.catalogue().media(r.pathId())
                .orElseThrow(() -> refused(CollectiblesRefusal.MEDIA_NOT_FOUND));
        return Reply.ok(new JsonObject().put("sha256", m.id().sha256Hex()).put("cid", m.id().cid())
                .put("contentType", m.contentType()).put("contentBase64", Base64.getEncoder().encodeToString(
                        m.content())));
    }

    private Reply createCollection(NativeRequest r, Session s) {
        JsonBody body = r.json().allowOnly(Set.of("name", "description", "category", "ipAuthorisationId",
                "royaltyBps"));
        Category category = enumValue(Category.class, body.requiredString("category", 32), "category");
        return Reply.created(CollectiblesJson.collection(c.catalogue().createCollection(s.userId(),
                body.requiredString("name", 128), body.optionalString("description", 2048) == null ? ""
                        : body.optionalString("description", 2048), category, body.requiredId("ipAuthorisationId"),
                (int) body.optionalLong("royaltyBps", 0, 10_000, 0))));
    }

    private Reply collection(NativeRequest r, Session s) {
        long id = id(r);
        JsonObject out = CollectiblesJson.collection(c.catalogue().collection(id)
                .orElseThrow(() -> refused(CollectiblesRefusal.UNKNOWN_COLLECTION)));
        JsonArray items = new JsonArray();
        c.catalogue().items(id).forEach(i -> items.add(CollectiblesJson.item(i)));
        return Reply.ok(out.put("items", items));
    }

    private Reply createItem(NativeRequest r, Session s) {
        JsonBody body = r.json().allowOnly(Set.of("edition", "title", "mediaSha256", "quantity", "aiGenerated",
                "aiTool", "aiCreator", "likenessRights"));
        Catalogue.NewItem item = new Catalogue.NewItem((int) body.requiredLong("edition", 1, 1_000_000),
                body.requiredString("title", 128), body.requiredString("mediaSha256", 64),
                body.optionalLong("quantity", 0, Long.MAX_VALUE, 1), body.optionalBoolean("aiGenerated", false),
                body.optionalString("aiTool", 128), body.optionalString("aiCreator", 128),
                body.optionalString("likenessRights", 2048));
        return Reply.created(CollectiblesJson.item(c.catalogue().createItem(s.userId(), id(r), item)));
    }

    private Reply item(NativeRequest r, Session s) {
        long id = knownItem(r);
        JsonObject out = CollectiblesJson.item(c.catalogue().item(id).orElseThrow());
        c.holdings().holding(id).ifPresent(h -> out.put("ownerId", h.ownerId()).put("locked", h.lockReason()));
        c.exports().export(id).ifPresent(e -> out.put("export", CollectiblesJson.export(e)));
        return Reply.ok(out);
    }

    private Reply metadata(NativeRequest r, Session s) {
        long id = knownItem(r);
        var item = c.catalogue().item(id).orElseThrow();
        return Reply.ok(new JsonObject(Erc721Metadata.of(item, c.catalogue().collection(item.collectionId())
                .orElseThrow()).toString()));
    }

    private Reply holdings(NativeRequest r, Session s) {
        JsonArray out = new JsonArray();
        c.holdings().holdingsOf(s.userId()).forEach(h -> out.add(json.holding(h)));
        return Reply.ok(out);
    }

    // ---------------------------------------------------------------- drops

    private Reply createDrop(NativeRequest r, Session s) {
        JsonBody body = r.json().allowOnly(Set.of("collectionId", "currency", "price", "supply", "perBuyerCap",
                "allowlist", "startsAt", "endsAt"));
        long collectionId = body.requiredId("collectionId");
        String currency = body.requiredString("currency", 8);
        long price = minor(currency, body.requiredDecimal("price"), "price");
        List<Long> allowlist = new ArrayList<>();
        for (String a : body.optionalStrings("allowlist", DropService.MAX_ALLOWLIST, 19)) {
            allowlist.add(positive(a, "allowlist"));
        }
        DropService.NewDrop drop = new DropService.NewDrop(collectionId, currency, price,
                (int) body.requiredLong("supply", 1, DropService.MAX_SUPPLY),
                (int) body.requiredLong("perBuyerCap", 1, DropService.MAX_SUPPLY), allowlist,
                instant(body.requiredString("startsAt", 40), "startsAt"),
                instant(body.requiredString("endsAt", 40), "endsAt"));
        return Reply.created(json.drop(c.drops().create(s.userId(), drop)));
    }

    private Reply enterDrop(NativeRequest r, Session s) {
        JsonBody body = r.json().allowOnly(Set.of("quantity"));
        long dropId = id(r);
        c.drops().enter(s.userId(), dropId, (int) body.requiredLong("quantity", 1, DropService.MAX_SUPPLY));
        return Reply.created(new JsonObject().put("dropId", dropId).put("accountId", s.userId()));
    }

    private Reply draw(NativeRequest r, Session s) {
        r.json().allowOnly(Set.of());
        boolean byStaff = staff.isStaff(s);
        if (byStaff) {
            staff.require(s, true, DECIDERS);
        }
        return Reply.ok(json.result(c.drops().draw(s.userId(), byStaff, id(r))));
    }

    // ---------------------------------------------------------------- market, gifts, wind-down, export

    private Reply listings(NativeRequest r, Session s) {
        JsonArray out = new JsonArray();
        c.market().activeListings().forEach(l -> out.add(json.listing(l)));
        return Reply.ok(out);
    }

    private Reply list(NativeRequest r, Session s) {
        JsonBody body = r.json().allowOnly(Set.of("itemId", "currency", "price"));
        c.market().requireMarket();
        long itemId = body.requiredId("itemId");
        String currency = body.requiredString("currency", 8);
        return Reply.created(json.listing(c.market().list(s.userId(), itemId, currency,
                minor(currency, body.requiredDecimal("price"), "price"))));
    }

    private Reply offer(NativeRequest r, Session s) {
        JsonBody body = r.json().allowOnly(Set.of("itemId", "currency", "price"));
        c.market().requireMarket();
        long itemId = body.requiredId("itemId");
        String currency = body.requiredString("currency", 8);
        return Reply.created(json.offer(c.market().offer(s.userId(), itemId, currency,
                minor(currency, body.requiredDecimal("price"), "price"))));
    }

    private Reply gift(NativeRequest r, Session s) {
        // CN-06: a gift has no price field; an unknown field (a "price") is refused.
        JsonBody body = r.json().allowOnly(Set.of("recipientAccountId"));
        return Reply.ok(json.holding(c.gifts().gift(s.userId(), id(r), body.requiredId("recipientAccountId"))));
    }

    private Reply windDownChoice(NativeRequest r, Session s) {
        JsonBody body = r.json().allowOnly(Set.of("choice"));
        WindDownChoices.Choice choice = enumValue(WindDownChoices.Choice.class, body.requiredString("choice", 32),
                "choice");
        long refunded = c.windDownChoices().choose(s.userId(), id(r), choice);
        return Reply.ok(new JsonObject().put("itemId", id(r)).put("choice", choice.name())
                .put("refundedMinor", Long.toString(refunded)));
    }

    private Reply export(NativeRequest r, Session s) {
        JsonBody body = r.json().allowOnly(Set.of("address"));
        return Reply.ok(CollectiblesJson.export(c.exports().export(s.userId(), id(r),
                body.requiredString("address", 42))));
    }

    // ---------------------------------------------------------------- plumbing

    private long knownItem(NativeRequest r) {
        long id = id(r);
        if (c.catalogue().item(id).isEmpty()) {
            throw refused(CollectiblesRefusal.UNKNOWN_ITEM);
        }
        return id;
    }

    private long minor(String currency, BigDecimal amount, String field) {
        Asset asset = c.currencies().byCode(currency)
                .orElseThrow(() -> refused(CollectiblesRefusal.CURRENCY_NOT_ALLOWED));
        try {
            long minor = asset.toMinor(amount);
            if (minor <= 0) {
                throw new NativeException(NativeError.INVALID_VALUE, field + " must be more than 0");
            }
            return minor;
        } catch (ArithmeticException e) {
            throw new NativeException(NativeError.INVALID_VALUE, field + ": at most " + asset.scale() + " decimals");
        }
    }

    private static long id(NativeRequest r) {
        return positive(r.pathId(), "id");
    }

    private static long positive(String text, String field) {
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new NativeException(NativeError.INVALID_VALUE, field + " must be a positive integer");
    }

    private static Instant instant(String text, String field) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new NativeException(NativeError.INVALID_VALUE, field + " must be an ISO-8601 instant");
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String text, String field) {
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw new NativeException(NativeError.INVALID_VALUE, field);
        }
    }

    private static CollectiblesException refused(CollectiblesRefusal refusal) {
        return new CollectiblesException(refusal);
    }

    private void add(NativeRoutes routes, HttpMethod method, String path, Access access, NativeRoutes.Handler h) {
        routes.add(method, path, access, guarded(h));
    }

    /** Turns the services' refusals into the API's refusals, code for code. */
    private static NativeRoutes.Handler guarded(NativeRoutes.Handler h) {
        return (request, session) -> {
            try {
                return h.handle(request, session);
            } catch (CollectiblesException e) {
                throw new NativeException(new RefusalCode(e.refusal()), e.detail());
            }
        };
    }
}
