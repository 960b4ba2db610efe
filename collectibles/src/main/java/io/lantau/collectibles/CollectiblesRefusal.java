package io.lantau.collectibles;

/**
 * Why the collectibles services refused a request: a stable code (never renamed or reused), the HTTP status the API
 * answers with and a human message. Each refusal changes no state.
 */
public enum CollectiblesRefusal {
    ISSUER_NOT_VERIFIED(403, "the issuer is not verified (KYC approved and staff-verified issuer required)"),
    IP_AUTHORISATION_MISSING(403, "no approved IP authorisation for the work"),
    CATEGORY_FORBIDDEN(403, "this category may not be issued under the profile in force (CN-01)"),
    CURRENCY_NOT_ALLOWED(403, "this currency may not be used for prices or payment under the profile in force"),
    FEATURE_DISABLED_IN_JURISDICTION(403, "this feature is disabled under the profile in force"),
    REAL_NAME_REQUIRED(403, "real-name verification is required"),
    UNDER_AGE(403, "below the minimum age under the profile in force"),
    DUPLICATE_CONTENT(409, "an item with the same content hash exists in the collection (CN-02)"),
    DUPLICATE_EDITION(409, "an item with this edition number exists in the collection"),
    FRACTIONAL_NOT_ALLOWED(400, "an item is unique: quantity must be 1 (CN-02)"),
    MEDIA_NOT_FOUND(404, "no media with that hash"),
    UNKNOWN_ISSUER(404, "no such issuer"),
    UNKNOWN_AUTHORISATION(404, "no such IP authorisation"),
    UNKNOWN_COLLECTION(404, "no such collection"),
    UNKNOWN_ITEM(404, "no such item"),
    UNKNOWN_DROP(404, "no such drop"),
    UNKNOWN_LISTING(404, "no such listing"),
    UNKNOWN_OFFER(404, "no such offer"),
    NOT_OWNER(403, "you do not hold this item"),
    NOT_YOUR_COLLECTION(403, "you are not this collection's issuer"),
    ALREADY_DECIDED(409, "already decided"),
    INVALID_ARGUMENT(400, "invalid argument"),
    AI_DECLARATION_REQUIRED(400, "an AI-generated item must declare its tool and creator"),
    LIKENESS_RIGHTS_REQUIRED(400, "a digital human must carry its likeness-rights record"),
    DROP_NOT_OPEN(409, "the drop is not open for entries"),
    DROP_NOT_CLOSED(409, "the drop has not ended yet"),
    DROP_ALREADY_DRAWN(409, "the drop has been drawn"),
    NOT_ALLOWLISTED(403, "not on the drop's allowlist"),
    BUYER_CAP_EXCEEDED(409, "more than the per-buyer cap"),
    SEED_MISMATCH(400, "the revealed seed does not match its commitment"),
    INSUFFICIENT_BALANCE(409, "insufficient balance"),
    ITEM_LOCKED(409, "the item is locked (listed, exported or wound down)"),
    LISTING_NOT_ACTIVE(409, "the listing is not active"),
    OFFER_NOT_ACTIVE(409, "the offer is not active"),
    OWN_ITEM(409, "you cannot buy your own item"),
    HOLDING_PERIOD(409, "the holding period has not passed (CN-06)"),
    GIFT_LIMIT_REACHED(409, "the item may not be gifted again (CN-06)"),
    RECIPIENT_NOT_ELIGIBLE(403, "the recipient is not eligible (real-name verified and of age, CN-05/CN-06)"),
    WOUND_DOWN(409, "the platform is winding down: no new issuance or sales (CN-10)"),
    NOT_WOUND_DOWN(409, "the platform is not winding down"),
    ADDRESS_NOT_WHITELISTED(403, "the address is not on your withdrawal whitelist"),
    ALREADY_EXPORTED(409, "the item is on chain"),
    NOT_EXPORTED(409, "the item is not on chain"),
    CORE_REJECTED(409, "the core refused the command"),
    CORE_UNAVAILABLE(503, "the core is not answering; try again"),
    CHAIN_UNAVAILABLE(503, "the public chain did not accept the transaction; nothing changed, try again");

    private final int httpStatus;
    private final String message;

    CollectiblesRefusal(int httpStatus, String message) {
        this.httpStatus = httpStatus;
        this.message = message;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String message() {
        return message;
    }
}
