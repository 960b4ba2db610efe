package io.lantau.core.command;

import io.lantau.core.ContentHash;

/**
 * Create a unique collectible owned by {@code ownerAccountId}, with no payment (an airdrop, an issuer's own copy).
 * Idempotent by {@code itemId}: an identical repeat returns OK and changes nothing; any other mint under a used id is
 * {@code ITEM_EXISTS}. CN-02: an edition number and the media's SHA-256 make each item unique; a second item with the
 * same content hash in one collection is {@code DUPLICATE_CONTENT}.
 *
 * @param itemId           positive id chosen by the collectibles service.
 * @param collectionId     positive id of the collection in the collectibles service.
 * @param editionNumber    positive, the item's number within its collection.
 * @param contentHash      SHA-256 of the media, not all zero.
 * @param creatorAccountId the creator's account (royalties are usually paid there), or 0 when there is no royalty.
 * @param royaltyBps       the creator's royalty on resales, 0..10 000 basis points; recorded for the services.
 * @param flags            the service's bits (e.g. AI-generated), stored and reported, not interpreted by the core.
 */
public record MintItem(long itemId, long collectionId, long ownerAccountId, long editionNumber,
        ContentHash contentHash, long creatorAccountId, int royaltyBps, int flags) implements Command {
}
