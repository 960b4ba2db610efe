package io.lantau.core;

/**
 * A copy of one collectible's state in the core.
 *
 * @param ownerAccountId   its single owner; for a burned item, the owner that burned it.
 * @param lockPurpose      why it is locked, or {@code null} if it is not.
 * @param acquiredAtNanos  command timestamp at which the current owner got it (the start of the holding period).
 * @param acquiredKind     how the current owner got it (MINT, TRANSFER, GIFT or SALE; BURN once burned), so that a
 *                         service can choose which holding period applies (CN-06: a gift's recipient holds longer).
 * @param flags            the issuing service's bits (for example AI-generated content), stored, not interpreted.
 */
public record ItemView(long itemId, long collectionId, long editionNumber, ContentHash contentHash,
        long creatorAccountId, int royaltyBps, int flags, long ownerAccountId, ItemLockPurpose lockPurpose,
        boolean burned, long acquiredAtNanos, ItemTransferKind acquiredKind, long mintedAtNanos) {

    public boolean locked() {
        return lockPurpose != null;
    }
}
