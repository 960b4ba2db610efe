package io.lantau.collectibles;

import io.lantau.core.command.BurnItem;
import io.lantau.core.command.SettleItemSale;
import io.lantau.core.config.Asset;
import io.lantau.store.DuplicateKeyException;
import io.lantau.store.Jdbc;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A holder's choice per item once the platform winds down (CN-10): {@code KEEP_VIEW_ONLY} (the item stays, and
 * nothing can move it any more, since every sale and gift is refused during wind-down) or {@code REFUND_AT_COST}:
 * the issuer buys the item back at its cost in one {@code SettleItemSale} (no royalty, no fee: the holder gets
 * exactly what was paid, never money from nowhere) and then burns it. One choice per item. Thread-safe.
 */
public final class WindDownChoices {
    /** The holder's choice. */
    public enum Choice {
        KEEP_VIEW_ONLY,
        REFUND_AT_COST
    }

    private final DataSource dataSource;
    private final Catalogue catalogue;
    private final Holdings holdings;
    private final Currencies currencies;
    private final WindDown windDown;
    private final CoreItems core;
    private final Clock clock;

    public WindDownChoices(DataSource dataSource, Catalogue catalogue, Holdings holdings, Currencies currencies,
            WindDown windDown, CoreItems core, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource);
        this.catalogue = Objects.requireNonNull(catalogue);
        this.holdings = Objects.requireNonNull(holdings);
        this.currencies = Objects.requireNonNull(currencies);
        this.windDown = Objects.requireNonNull(windDown);
        this.core = Objects.requireNonNull(core);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Records the holder's choice and, for a refund, settles it. Refusals: not winding down, not the holder, locked,
     * already chosen, the issuer cannot pay (INSUFFICIENT_BALANCE, nothing changes).
     *
     * @return the amount refunded in minor units of the cost currency (0 for KEEP_VIEW_ONLY or a free item).
     */
    public long choose(long holderId, long itemId, Choice choice) {
        if (!windDown.active()) {
            throw new CollectiblesException(CollectiblesRefusal.NOT_WOUND_DOWN);
        }
        Holding h = holdings.requireOwner(holderId, itemId);
        if (h.lockReason() != null) {
            throw new CollectiblesException(CollectiblesRefusal.ITEM_LOCKED);
        }
        long refund = choice == Choice.REFUND_AT_COST ? h.costMinor() : 0;
        try {
            Jdbc.inTransaction(dataSource, "record wind-down choice", c -> {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO coll_wind_down_choices (item_id,"
                        + " account_id, choice, refunded_minor, at) VALUES (?, ?, ?, ?, ?)")) {
                    s.setLong(1, itemId);
                    s.setLong(2, holderId);
                    s.setString(3, choice.name());
                    s.setLong(4, refund);
                    Jdbc.setInstant(s, 5, clock.instant());
                    return s.executeUpdate();
                }
            });
        } catch (DuplicateKeyException e) {
            throw new CollectiblesException(CollectiblesRefusal.ALREADY_DECIDED);
        }
        if (choice == Choice.REFUND_AT_COST) {
            long issuer = catalogue.collection(catalogue.item(itemId).orElseThrow().collectionId()).orElseThrow()
                    .issuerAccountId();
            try {
                if (refund > 0 && issuer != holderId) {
                    Asset asset = currencies.byCode(h.costCurrency()).orElseThrow();
                    core.sendOrRefuse(new SettleItemSale(core.nextId("REFUND"), itemId, holderId, issuer,
                            asset.assetId(), refund, 0, 0, 0, 0));
                    core.sendOrRefuse(new BurnItem(itemId, issuer));
                } else {
                    core.sendOrRefuse(new BurnItem(itemId, holderId));
                }
            } catch (CollectiblesException e) {
                forget(itemId);
                throw e;
            }
        }
        return refund;
    }

    private void forget(long itemId) {
        Jdbc.inTransaction(dataSource, "undo wind-down choice", c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM coll_wind_down_choices WHERE item_id = ?")) {
                s.setLong(1, itemId);
                return s.executeUpdate();
            }
        });
    }
}
