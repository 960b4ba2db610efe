package io.lantau.collectibles;

import io.lantau.core.command.GiftItem;
import java.time.Duration;
import java.util.Objects;

/**
 * Gifts (CN-06): no price, ever. Where the profile allows gifts at all, the sender must be verified (CN-05) and
 * have held the item for {@code giftHoldingDays} — or {@code recipientHoldingDays} if it came to the sender as a
 * gift — the recipient must be verified and of the recipient age, and the item may go through at most
 * {@code maxGiftsPerItem} gifts. The holding period is enforced by the core on the command's timestamp
 * ({@code GiftItem.minHoldNanos}); the read model only lets the service refuse early with the same answer.
 * Thread-safe.
 */
public final class GiftService {
    private final CollectiblesSettings settings;
    private final Holdings holdings;
    private final Eligibility eligibility;
    private final WindDown windDown;
    private final CoreItems core;

    public GiftService(CollectiblesSettings settings, Holdings holdings, Identities identities, WindDown windDown,
            CoreItems core, java.time.Clock clock) {
        this.settings = Objects.requireNonNull(settings);
        this.holdings = Objects.requireNonNull(holdings);
        this.eligibility = new Eligibility(settings, identities, clock);
        this.windDown = Objects.requireNonNull(windDown);
        this.core = Objects.requireNonNull(core);
    }

    /**
     * Gives the item to {@code recipientId}. Refusals in order: gifts disabled, wind-down, not the holder, the
     * recipient is the sender, locked, gift limit, sender not verified, recipient not eligible, holding period
     * (from the core).
     */
    public Holding gift(long senderId, long itemId, long recipientId) {
        if (!settings.giftingAllowed()) {
            throw new CollectiblesException(CollectiblesRefusal.FEATURE_DISABLED_IN_JURISDICTION, "no gifts (CN-06)");
        }
        windDown.requireNotWoundDown();
        Holding h = holdings.requireOwner(senderId, itemId);
        if (recipientId == senderId) {
            throw new CollectiblesException(CollectiblesRefusal.INVALID_ARGUMENT, "recipient: another account");
        }
        if (h.lockReason() != null) {
            throw new CollectiblesException(CollectiblesRefusal.ITEM_LOCKED);
        }
        if (settings.maxGiftsPerItem() > 0 && h.gifts() >= settings.maxGiftsPerItem()) {
            throw new CollectiblesException(CollectiblesRefusal.GIFT_LIMIT_REACHED);
        }
        eligibility.requireSender(senderId);
        eligibility.requireRecipient(recipientId);
        int days = "GIFT".equals(h.acquiredHow()) ? settings.recipientHoldingDays() : settings.giftHoldingDays();
        core.sendOrRefuse(new GiftItem(itemId, senderId, recipientId, Duration.ofDays(days).toNanos()));
        return holdings.holding(itemId).orElseThrow();
    }
}
