package io.lantau.core;

import io.lantau.core.command.BurnItem;
import io.lantau.core.command.Command;
import io.lantau.core.command.GiftItem;
import io.lantau.core.command.HoldFunds;
import io.lantau.core.command.LockItem;
import io.lantau.core.command.MintItem;
import io.lantau.core.command.MintItemForPayment;
import io.lantau.core.command.ReleaseHold;
import io.lantau.core.command.SetAccountStatus;
import io.lantau.core.command.SettleItemSale;
import io.lantau.core.command.TransferItem;
import io.lantau.core.command.UnlockItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random collectibles commands for the property tests, mixed into {@link CommandGenerator}'s trading stream: mints
 * (some duplicates of id or content), drop purchases, transfers, gifts with holding periods, listing and export locks,
 * burns, sales at prices near and above what the buyer has, offers (holds) used, released and reused, and wrong
 * owners, accounts and ids. It reads the venue to name real items and their owners most of the time.
 */
final class ItemCommandGenerator {
    private static final int[] BPS = {0, 0, 1, 250, 500, 1_000, 3_333, 9_999, 10_000, 10_001, -1};

    private final Random random;
    private final Venue venue;
    private final long[] accounts;
    private final int assetCount;
    private final List<Long> holdIds = new ArrayList<>();
    private final List<SettleItemSale> sales = new ArrayList<>();
    private final List<Command> mints = new ArrayList<>();
    private long nextItemId = 1;
    private long nextSaleId = 1;
    private long nextHoldId = 1;

    ItemCommandGenerator(Random random, Venue venue, long[] accounts) {
        this.random = random;
        this.venue = venue;
        this.accounts = accounts;
        this.assetCount = venue.config().assets().size();
    }

    Command next() {
        int roll = random.nextInt(100);
        long id = item();
        if (roll < 15 || nextItemId < 4) {
            return mint();
        } else if (roll < 22) {
            return purchase();
        } else if (roll < 32) {
            return new TransferItem(id, ownerOf(id), account());
        } else if (roll < 42) {
            return new GiftItem(id, ownerOf(id), account(), random.nextInt(3) == 0 ? 0 : 1_000L * random.nextInt(3_000));
        } else if (roll < 50) {
            return new LockItem(id, ownerOf(id), random.nextInt(10) == 0 ? null
                    : ItemLockPurpose.values()[random.nextInt(ItemLockPurpose.values().length)]);
        } else if (roll < 56) {
            return new UnlockItem(id, ownerOf(id));
        } else if (roll < 60) {
            return new BurnItem(id, ownerOf(id));
        } else if (roll < 82) {
            return sale();
        } else if (roll < 90) {
            return hold();
        } else if (roll < 93) {
            // CN-05: only ACTIVE accounts give, receive, buy or sell items; mostly set back to ACTIVE.
            AccountStatus status = random.nextInt(6) != 0 ? AccountStatus.ACTIVE
                    : AccountStatus.values()[random.nextInt(AccountStatus.values().length)];
            return new SetAccountStatus(accounts[random.nextInt(accounts.length)], status);
        }
        long holdId = holdIds.isEmpty() || random.nextInt(10) == 0 ? 1 + random.nextInt(50)
                : holdIds.get(random.nextInt(holdIds.size()));
        return new ReleaseHold(holdId);
    }

    private MintItem mintItem() {
        long id = random.nextInt(15) == 0 ? 1 + random.nextInt((int) nextItemId) : nextItemId++;
        long collection = 1 + random.nextInt(3);
        // A small pool of contents, so that duplicates within a collection happen.
        ContentHash hash = random.nextInt(30) == 0 ? null : new ContentHash(random.nextInt(40), 7, 7, 7);
        long creator = random.nextInt(4) == 0 ? 0 : account();
        int royalty = BPS[random.nextInt(BPS.length - 2)];
        long edition = random.nextInt(25) == 0 ? 0 : id;
        return new MintItem(id, collection, account(), edition, hash, creator, royalty, random.nextInt(4));
    }

    private Command mint() {
        if (!mints.isEmpty() && random.nextInt(15) == 0) {
            return mints.get(random.nextInt(mints.size())); // a retry
        }
        MintItem mint = mintItem();
        mints.add(mint);
        return mint;
    }

    private Command purchase() {
        if (!mints.isEmpty() && random.nextInt(15) == 0) {
            return mints.get(random.nextInt(mints.size()));
        }
        MintItem mint = mintItem();
        int asset = random.nextInt(assetCount);
        long price = price(mint.ownerAccountId(), asset);
        long hold = random.nextInt(4) == 0 ? holdOrGarbage() : 0;
        MintItemForPayment purchase = new MintItemForPayment(mint, account(), asset, price, BPS[random.nextInt(6)],
                hold);
        mints.add(purchase);
        return purchase;
    }

    private Command sale() {
        if (!sales.isEmpty() && random.nextInt(12) == 0) {
            return sales.get(random.nextInt(sales.size())); // a retry
        }
        long itemId = item();
        ItemView item = venue.item(itemId);
        long seller = ownerOf(itemId);
        long buyer = account();
        int asset = random.nextInt(assetCount);
        long royaltyAccount = item != null && random.nextBoolean() ? item.creatorAccountId() : account();
        int royaltyBps = random.nextInt(10) == 0 ? BPS[random.nextInt(BPS.length)] : BPS[random.nextInt(6)];
        int feeBps = random.nextInt(10) == 0 ? BPS[random.nextInt(BPS.length)] : BPS[random.nextInt(5)];
        long hold = random.nextInt(3) == 0 ? holdOrGarbage() : 0;
        long saleId = random.nextInt(20) == 0 && nextSaleId > 1 ? 1 + random.nextInt((int) nextSaleId) : nextSaleId++;
        SettleItemSale sale = new SettleItemSale(saleId, itemId, seller, buyer, asset, price(buyer, asset),
                royaltyAccount, royaltyBps, feeBps, hold);
        sales.add(sale);
        return sale;
    }

    private Command hold() {
        long account = account();
        int asset = random.nextInt(assetCount);
        long available = venue.availableMinor(account, asset);
        long amount = random.nextInt(10) == 0 ? available + 1 : Math.max(1, available / (2 + random.nextInt(50)));
        long id = random.nextInt(12) == 0 && !holdIds.isEmpty() ? holdIds.get(random.nextInt(holdIds.size()))
                : nextHoldId++;
        holdIds.add(id);
        return new HoldFunds(id, account, asset, amount);
    }

    private long holdOrGarbage() {
        if (holdIds.isEmpty() || random.nextInt(8) == 0) {
            return random.nextInt(3) - 1;
        }
        return holdIds.get(random.nextInt(holdIds.size()));
    }

    /** A price the buyer can usually pay, sometimes exactly all it has, sometimes more. */
    private long price(long buyer, int asset) {
        long available = venue.availableMinor(buyer, asset);
        return switch (random.nextInt(12)) {
            case 0 -> available;
            case 1 -> available + 1;
            case 2 -> random.nextInt(3) - 1;
            case 3 -> 1 + random.nextInt(10_000);
            default -> Math.max(1, available / (2 + random.nextInt(200)));
        };
    }

    /** @return mostly a live item, sometimes a burned or unknown one, now and then a bad id. */
    private long item() {
        if (random.nextInt(25) == 0) {
            return random.nextInt(3) - 1;
        }
        long id = 1 + random.nextInt((int) nextItemId);
        for (int tries = 0; tries < 4 && random.nextInt(6) != 0; tries++) {
            ItemView item = venue.item(id);
            if (item != null && !item.burned()) {
                break;
            }
            id = 1 + random.nextInt((int) nextItemId);
        }
        return id;
    }

    /** @return mostly the item's real owner (burned items included), sometimes anyone. */
    private long ownerOf(long itemId) {
        ItemView item = venue.item(itemId);
        return item != null && random.nextInt(8) != 0 ? item.ownerAccountId() : account();
    }

    private long account() {
        int roll = random.nextInt(30);
        if (roll == 0) {
            return io.lantau.core.config.StandardMarkets.FEE_ACCOUNT_ID;
        }
        if (roll == 1) {
            return 999;
        }
        return accounts[random.nextInt(accounts.length)];
    }
}
