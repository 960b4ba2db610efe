package io.lantau.core;

import io.lantau.core.command.Command;
import io.lantau.core.command.MintItem;

/** One collectible's mutable state in the core; changed only by {@link Collectibles} on the core thread. */
final class Item {
    /** The accepted {@code MintItem} or {@code MintItemForPayment}, so that an identical repeat is recognised. */
    final Command origin;
    final MintItem mint;
    final long mintedAtNanos;
    long ownerAccountId;
    ItemLockPurpose lock;
    boolean burned;
    long acquiredAtNanos;
    ItemTransferKind acquiredKind;

    Item(Command origin, MintItem mint, long mintedAtNanos) {
        this.origin = origin;
        this.mint = mint;
        this.mintedAtNanos = mintedAtNanos;
    }

    ItemView view() {
        return new ItemView(mint.itemId(), mint.collectionId(), mint.editionNumber(), mint.contentHash(),
                mint.creatorAccountId(), mint.royaltyBps(), mint.flags(), ownerAccountId, lock, burned,
                acquiredAtNanos, acquiredKind, mintedAtNanos);
    }
}
