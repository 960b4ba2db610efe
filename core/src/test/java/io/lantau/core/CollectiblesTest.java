package io.lantau.core;

import static io.lantau.core.Desk.ALICE;
import static io.lantau.core.Desk.BOB;
import static io.lantau.core.Desk.CAROL;
import static io.lantau.core.Desk.FEE;
import static io.lantau.core.Desk.HKD;
import static io.lantau.core.Desk.MAKER;
import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.core.command.BurnItem;
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
import io.lantau.core.event.BalanceChanged;
import io.lantau.core.event.CoreEvent;
import io.lantau.core.event.FundsHeld;
import io.lantau.core.event.HoldReleased;
import io.lantau.core.event.ItemLocked;
import io.lantau.core.event.ItemMinted;
import io.lantau.core.event.ItemSold;
import io.lantau.core.event.ItemTransferred;
import io.lantau.core.event.ItemUnlocked;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Collectible ownership in the core (issue 6, REGULATORY.md §B, SEMANTICS.md "Collectibles"), against the engine with
 * both books and the reference exchange.
 */
@ParameterizedClass
@MethodSource("io.lantau.core.Desk#kinds")
class CollectiblesTest {
    /** Seconds of command time, as the desk stamps one second per command. */
    private static final long SECOND = 1_000_000_000L;
    private static final long COLLECTION = 7;
    private static final ContentHash HASH_A = hash(0xA);
    private static final ContentHash HASH_B = hash(0xB);

    @Parameter
    Venue.Kind kind;

    private Desk desk;

    @BeforeEach
    void setUp() {
        desk = new Desk(kind).withTraders();
        desk.fund(BOB, HKD, 1_000_000);
    }

    private static ContentHash hash(long seed) {
        return new ContentHash(seed, ~seed, seed * 31, 17);
    }

    private static MintItem mint(long itemId, long owner, ContentHash hash) {
        return new MintItem(itemId, COLLECTION, owner, itemId, hash, CAROL, 500, 1);
    }

    private void ok(io.lantau.core.command.Command command) {
        assertThat(desk.apply(command)).as("%s: %s", command, desk.events()).isEqualTo(ResultCode.OK);
    }

    @Test
    void shouldMintItemToItsOwnerWithMetadataAndMintProvenance() {
        ok(mint(1, ALICE, HASH_A));

        long t = desk.timestamp();
        assertThat(desk.events()).containsExactly(
                new ItemMinted(desk.sequence(), t, 1, COLLECTION, 1, HASH_A, CAROL, 500, 1),
                new ItemTransferred(desk.sequence(), t, 1, 0, ALICE, ItemTransferKind.MINT));
        assertThat(desk.venue.item(1)).isEqualTo(new ItemView(1, COLLECTION, 1, HASH_A, CAROL, 500, 1, ALICE, null,
                false, t, ItemTransferKind.MINT, t));
    }

    @Test
    void shouldTreatIdenticalMintRepeatAsNoOpAndRefuseAnotherMintUnderTheSameId() {
        ok(mint(1, ALICE, HASH_A));
        String digest = desk.venue.stateDigest();

        ok(mint(1, ALICE, HASH_A));

        assertThat(desk.events()).isEmpty();
        assertThat(desk.venue.stateDigest()).isEqualTo(digest);
        desk.assertRejected(mint(1, BOB, HASH_B), ResultCode.ITEM_EXISTS);
    }

    @Test
    void shouldRefuseSecondItemWithSameContentHashInOneCollection() { // CN-02
        ok(mint(1, ALICE, HASH_A));

        desk.assertRejected(mint(2, BOB, HASH_A), ResultCode.DUPLICATE_CONTENT);
        ok(new MintItem(3, COLLECTION + 1, BOB, 1, HASH_A, 0, 0, 0));
    }

    @Test
    void shouldRefuseInvalidMints() {
        ok(mint(1, ALICE, HASH_A));
        desk.assertRejected(mint(0, ALICE, HASH_B), ResultCode.INVALID_ID);
        desk.assertRejected(new MintItem(2, 0, ALICE, 1, HASH_B, 0, 0, 0), ResultCode.INVALID_ID);
        desk.assertRejected(mint(2, 999, HASH_B), ResultCode.UNKNOWN_ACCOUNT);
        desk.assertRejected(mint(2, FEE, HASH_B), ResultCode.ACCOUNT_CANNOT_HOLD_ITEMS);
        desk.assertRejected(new MintItem(2, COLLECTION, ALICE, 0, HASH_B, 0, 0, 0), ResultCode.INVALID_EDITION);
        desk.assertRejected(new MintItem(2, COLLECTION, ALICE, 2, null, 0, 0, 0), ResultCode.INVALID_CONTENT_HASH);
        desk.assertRejected(new MintItem(2, COLLECTION, ALICE, 2, new ContentHash(0, 0, 0, 0), 0, 0, 0),
                ResultCode.INVALID_CONTENT_HASH);
        desk.assertRejected(new MintItem(2, COLLECTION, ALICE, 2, HASH_B, CAROL, 10_001, 0),
                ResultCode.INVALID_ROYALTY);
        desk.assertRejected(new MintItem(2, COLLECTION, ALICE, 2, HASH_B, CAROL, -1, 0), ResultCode.INVALID_ROYALTY);
        desk.assertRejected(new MintItem(2, COLLECTION, ALICE, 2, HASH_B, 999, 0, 0), ResultCode.UNKNOWN_ACCOUNT);
        desk.assertRejected(new MintItemForPayment(null, CAROL, HKD, 100, 0, 0), ResultCode.INVALID_ARGUMENT);
        ok(new SetAccountStatus(ALICE, AccountStatus.PENDING_KYC));
        desk.assertRejected(mint(2, ALICE, HASH_B), ResultCode.ACCOUNT_NOT_ACTIVE); // CN-05
    }

    @Test
    void shouldTransferGiftAndBurnWithOneOwnerAtEveryStep() {
        ok(mint(1, ALICE, HASH_A));
        ok(new TransferItem(1, ALICE, BOB));
        assertThat(desk.only(ItemTransferred.class))
                .isEqualTo(new ItemTransferred(desk.sequence(), desk.timestamp(), 1, ALICE, BOB,
                        ItemTransferKind.TRANSFER));
        ok(new GiftItem(1, BOB, MAKER, 0));
        assertThat(desk.only(ItemTransferred.class).kind()).isEqualTo(ItemTransferKind.GIFT);
        assertThat(desk.venue.item(1).ownerAccountId()).isEqualTo(MAKER);
        assertThat(desk.venue.item(1).acquiredKind()).isEqualTo(ItemTransferKind.GIFT);

        ok(new BurnItem(1, MAKER));

        assertThat(desk.events()).containsExactly(new ItemTransferred(desk.sequence(), desk.timestamp(), 1, MAKER, 0,
                ItemTransferKind.BURN));
        assertThat(desk.venue.item(1).burned()).isTrue();
        desk.assertRejected(new TransferItem(1, MAKER, ALICE), ResultCode.ITEM_BURNED);
        desk.assertRejected(new BurnItem(1, MAKER), ResultCode.ITEM_BURNED);
        desk.assertRejected(mint(2, ALICE, HASH_A), ResultCode.DUPLICATE_CONTENT); // a burned hash stays used
    }

    @Test
    void shouldRefuseGiftBeforeTheHoldingPeriodAndAcceptItAtItsEnd() { // CN-06
        ok(mint(1, ALICE, HASH_A));
        long mintedAt = desk.timestamp();
        long period = 3 * SECOND;

        desk.assertRejected(new GiftItem(1, ALICE, BOB, period), ResultCode.HOLDING_PERIOD_NOT_MET);
        desk.assertRejected(new GiftItem(1, ALICE, BOB, period), ResultCode.HOLDING_PERIOD_NOT_MET);
        assertThat(desk.timestamp() - mintedAt).isEqualTo(2 * SECOND);
        ok(new GiftItem(1, ALICE, BOB, period)); // exactly three seconds after the mint
        assertThat(desk.venue.item(1).acquiredAtNanos()).isEqualTo(mintedAt + period);

        // The recipient's own period starts at the gift: one nanosecond short is refused.
        desk.assertRejected(new GiftItem(1, BOB, ALICE, SECOND + 1), ResultCode.HOLDING_PERIOD_NOT_MET);
        desk.assertRejected(new GiftItem(1, BOB, ALICE, -1), ResultCode.INVALID_ARGUMENT);
        ok(new GiftItem(1, BOB, ALICE, 3 * SECOND));
    }

    @Test
    void shouldRefuseTransfersThatBreakOwnershipRules() {
        ok(mint(1, ALICE, HASH_A));
        desk.assertRejected(new TransferItem(0, ALICE, BOB), ResultCode.INVALID_ID);
        desk.assertRejected(new TransferItem(9, ALICE, BOB), ResultCode.UNKNOWN_ITEM);
        desk.assertRejected(new TransferItem(1, BOB, CAROL), ResultCode.NOT_ITEM_OWNER);
        desk.assertRejected(new GiftItem(1, BOB, CAROL, 0), ResultCode.NOT_ITEM_OWNER);
        desk.assertRejected(new TransferItem(1, ALICE, 999), ResultCode.UNKNOWN_ACCOUNT);
        desk.assertRejected(new TransferItem(1, ALICE, FEE), ResultCode.ACCOUNT_CANNOT_HOLD_ITEMS);
        desk.assertRejected(new TransferItem(1, ALICE, ALICE), ResultCode.SELF_TRANSFER);
        ok(new SetAccountStatus(BOB, AccountStatus.SUSPENDED));
        desk.assertRejected(new GiftItem(1, ALICE, BOB, 0), ResultCode.ACCOUNT_NOT_ACTIVE); // CN-05: recipient
        ok(new SetAccountStatus(BOB, AccountStatus.ACTIVE));
        ok(new SetAccountStatus(ALICE, AccountStatus.RESTRICTED));
        desk.assertRejected(new GiftItem(1, ALICE, BOB, 0), ResultCode.ACCOUNT_NOT_ACTIVE);
    }

    @Test
    void shouldFreezeExportedItemUntilUnlocked() {
        ok(mint(1, ALICE, HASH_A));
        ok(new LockItem(1, ALICE, ItemLockPurpose.EXPORT));
        assertThat(desk.events()).containsExactly(new ItemLocked(desk.sequence(), desk.timestamp(), 1, ALICE,
                ItemLockPurpose.EXPORT));
        assertThat(desk.venue.item(1).lockPurpose()).isEqualTo(ItemLockPurpose.EXPORT);

        desk.assertRejected(new TransferItem(1, ALICE, BOB), ResultCode.ITEM_LOCKED);
        desk.assertRejected(new GiftItem(1, ALICE, BOB, 0), ResultCode.ITEM_LOCKED);
        desk.assertRejected(new BurnItem(1, ALICE), ResultCode.ITEM_LOCKED);
        desk.assertRejected(new LockItem(1, ALICE, ItemLockPurpose.LISTING), ResultCode.ITEM_LOCKED);
        desk.assertRejected(sale(1, 1, ALICE, BOB, 1000, 0, 0), ResultCode.ITEM_LOCKED);
        desk.assertRejected(new UnlockItem(1, BOB), ResultCode.NOT_ITEM_OWNER);
        desk.assertRejected(new LockItem(1, ALICE, null), ResultCode.INVALID_ARGUMENT);

        ok(new UnlockItem(1, ALICE));

        assertThat(desk.events()).containsExactly(new ItemUnlocked(desk.sequence(), desk.timestamp(), 1, ALICE,
                ItemLockPurpose.EXPORT));
        desk.assertRejected(new UnlockItem(1, ALICE), ResultCode.ITEM_NOT_LOCKED);
        ok(new TransferItem(1, ALICE, BOB));
    }

    private static SettleItemSale sale(long saleId, long itemId, long seller, long buyer, long price, int royaltyBps,
            int feeBps) {
        return new SettleItemSale(saleId, itemId, seller, buyer, HKD, price, CAROL, royaltyBps, feeBps, 0);
    }

    @Test
    void shouldSettleSaleItemAgainstFundsWithRoyaltyRoundedDownAndFeeRoundedUp() {
        ok(mint(1, ALICE, HASH_A));
        ok(new LockItem(1, ALICE, ItemLockPurpose.LISTING));
        long bob = desk.available(BOB, HKD);

        // 10 001 cents: royalty 5 % = 500.05 → 500, fee 2.5 % = 250.025 → 251, seller 9 250.
        ok(sale(1, 1, ALICE, BOB, 10_001, 500, 250));

        long seq = desk.sequence();
        long t = desk.timestamp();
        assertThat(desk.events()).containsExactly(
                new ItemUnlocked(seq, t, 1, ALICE, ItemLockPurpose.LISTING),
                new ItemTransferred(seq, t, 1, ALICE, BOB, ItemTransferKind.SALE),
                new ItemSold(seq, t, 1, 1, ALICE, BOB, HKD, 10_001, 9_250, CAROL, 500, 251, 0),
                new BalanceChanged(seq, t, BOB, HKD, bob - 10_001, 0, BalanceChangeReason.ITEM_PAYMENT),
                new BalanceChanged(seq, t, ALICE, HKD, 9_250, 0, BalanceChangeReason.ITEM_PAYMENT),
                new BalanceChanged(seq, t, CAROL, HKD, 500, 0, BalanceChangeReason.ROYALTY),
                new BalanceChanged(seq, t, FEE, HKD, 251, 0, BalanceChangeReason.FEE));
        assertThat(desk.venue.item(1).ownerAccountId()).isEqualTo(BOB);
        assertThat(desk.venue.item(1).locked()).isFalse();
        assertThat(desk.venue.totalHeldMinor(HKD)).isEqualTo(desk.venue.netDepositsMinor(HKD));
    }

    @Test
    void shouldTreatRepeatedSaleAsNoOpAndRefuseAnotherSaleUnderItsId() {
        ok(mint(1, ALICE, HASH_A));
        ok(sale(1, 1, ALICE, BOB, 1_000, 0, 0));
        ok(sale(1, 1, ALICE, BOB, 1_000, 0, 0));
        assertThat(desk.events()).isEmpty();
        assertThat(desk.available(ALICE, HKD)).isEqualTo(1_000);
        desk.assertRejected(sale(1, 1, BOB, ALICE, 1_000, 0, 0), ResultCode.DUPLICATE_ID_MISMATCH);
    }

    @Test
    void shouldRefuseSaleWithoutMovingItemOrFundsWhenAnyPartFails() {
        ok(mint(1, ALICE, HASH_A));
        long all = desk.available(BOB, HKD);
        desk.assertRejected(sale(1, 1, ALICE, BOB, all + 1, 0, 0), ResultCode.INSUFFICIENT_BALANCE);
        desk.assertRejected(sale(0, 1, ALICE, BOB, 100, 0, 0), ResultCode.INVALID_ID);
        desk.assertRejected(sale(1, 2, ALICE, BOB, 100, 0, 0), ResultCode.UNKNOWN_ITEM);
        desk.assertRejected(sale(1, 1, BOB, CAROL, 100, 0, 0), ResultCode.NOT_ITEM_OWNER);
        desk.assertRejected(sale(1, 1, ALICE, ALICE, 100, 0, 0), ResultCode.SELF_TRANSFER);
        desk.assertRejected(sale(1, 1, ALICE, 999, 100, 0, 0), ResultCode.UNKNOWN_ACCOUNT);
        desk.assertRejected(sale(1, 1, ALICE, BOB, 0, 0, 0), ResultCode.INVALID_PRICE);
        desk.assertRejected(new SettleItemSale(1, 1, ALICE, BOB, 9, 100, CAROL, 0, 0, 0), ResultCode.UNKNOWN_ASSET);
        desk.assertRejected(sale(1, 1, ALICE, BOB, 100, 0, 10_001), ResultCode.INVALID_FEE_RATE);
        desk.assertRejected(sale(1, 1, ALICE, BOB, 100, 9_000, 1_001), ResultCode.INVALID_ROYALTY);
        desk.assertRejected(sale(1, 1, ALICE, BOB, 100, -1, 0), ResultCode.INVALID_ROYALTY);
        desk.assertRejected(new SettleItemSale(1, 1, ALICE, BOB, HKD, 100, 999, 100, 0, 0), ResultCode.UNKNOWN_ACCOUNT);
        desk.assertRejected(new SettleItemSale(1, 1, ALICE, BOB, HKD, 100, FEE, 100, 0, 0),
                ResultCode.INVALID_ARGUMENT);
        desk.assertRejected(new SettleItemSale(1, 1, ALICE, BOB, HKD, 100, CAROL, 0, 0, 5), ResultCode.UNKNOWN_HOLD);
        assertThat(desk.venue.item(1).ownerAccountId()).isEqualTo(ALICE);
    }

    @Test
    void shouldPayFromOfferHoldAndReleaseItsUnusedRest() {
        ok(mint(1, ALICE, HASH_A));
        long bob = desk.available(BOB, HKD);
        ok(new HoldFunds(40, BOB, HKD, 5_000));
        assertThat(desk.events()).containsExactly(
                new FundsHeld(desk.sequence(), desk.timestamp(), 40, BOB, HKD, 5_000),
                new BalanceChanged(desk.sequence(), desk.timestamp(), BOB, HKD, bob - 5_000, 5_000,
                        BalanceChangeReason.HOLD_PLACED));
        desk.assertRejected(new SettleItemSale(1, 1, ALICE, BOB, HKD, 5_001, CAROL, 0, 0, 40),
                ResultCode.INSUFFICIENT_BALANCE);
        desk.assertRejected(new SettleItemSale(1, 1, ALICE, CAROL, HKD, 100, CAROL, 0, 0, 40),
                ResultCode.HOLD_MISMATCH);

        ok(new SettleItemSale(1, 1, ALICE, BOB, HKD, 4_000, CAROL, 0, 100, 40));

        assertThat(desk.available(BOB, HKD)).isEqualTo(bob - 4_000);
        assertThat(desk.locked(BOB, HKD)).isZero();
        assertThat(desk.available(ALICE, HKD)).isEqualTo(3_960);
        assertThat(desk.available(FEE, HKD)).isEqualTo(40);
        desk.assertRejected(new ReleaseHold(40), ResultCode.HOLD_NOT_OPEN);
        desk.assertRejected(new ReleaseHold(41), ResultCode.UNKNOWN_HOLD);
    }

    @Test
    void shouldReleaseHoldOnceAndRefuseHoldsBeyondAvailable() {
        long bob = desk.available(BOB, HKD);
        desk.assertRejected(new HoldFunds(1, BOB, HKD, bob + 1), ResultCode.INSUFFICIENT_BALANCE);
        desk.assertRejected(new HoldFunds(0, BOB, HKD, 1), ResultCode.INVALID_ID);
        ok(new HoldFunds(1, BOB, HKD, 700));
        desk.assertRejected(new HoldFunds(1, BOB, HKD, 701), ResultCode.DUPLICATE_ID_MISMATCH);

        ok(new ReleaseHold(1));

        assertThat(desk.events()).containsExactly(
                new HoldReleased(desk.sequence(), desk.timestamp(), 1, BOB, HKD, 700),
                new BalanceChanged(desk.sequence(), desk.timestamp(), BOB, HKD, bob, 0,
                        BalanceChangeReason.HOLD_RELEASED));
        ok(new ReleaseHold(1));
        assertThat(desk.events()).isEmpty();
    }

    @Test
    void shouldMintForPaymentAtomicallyWithFeeOutOfThePrice() {
        MintItem item = mint(1, BOB, HASH_A);
        long bob = desk.available(BOB, HKD);
        desk.assertRejected(new MintItemForPayment(item, CAROL, HKD, bob + 1, 0, 0), ResultCode.INSUFFICIENT_BALANCE);
        assertThat(desk.venue.item(1)).isNull();
        desk.assertRejected(new MintItemForPayment(item, BOB, HKD, 100, 0, 0), ResultCode.SELF_TRANSFER);
        desk.assertRejected(new MintItemForPayment(item, FEE, HKD, 100, 0, 0), ResultCode.INVALID_ARGUMENT);

        MintItemForPayment purchase = new MintItemForPayment(item, CAROL, HKD, 8_888, 1_000, 0);
        ok(purchase);

        long seq = desk.sequence();
        long t = desk.timestamp();
        List<CoreEvent> events = desk.events();
        assertThat(events).containsExactly(
                new ItemMinted(seq, t, 1, COLLECTION, 1, HASH_A, CAROL, 500, 1),
                new ItemTransferred(seq, t, 1, 0, BOB, ItemTransferKind.MINT),
                new ItemSold(seq, t, 0, 1, CAROL, BOB, HKD, 8_888, 7_999, 0, 0, 889, 0),
                new BalanceChanged(seq, t, BOB, HKD, bob - 8_888, 0, BalanceChangeReason.ITEM_PAYMENT),
                new BalanceChanged(seq, t, CAROL, HKD, 7_999, 0, BalanceChangeReason.ITEM_PAYMENT),
                new BalanceChanged(seq, t, FEE, HKD, 889, 0, BalanceChangeReason.FEE));
        ok(purchase); // a retry charges nothing
        assertThat(desk.events()).isEmpty();
        assertThat(desk.available(BOB, HKD)).isEqualTo(bob - 8_888);
        desk.assertRejected(mint(1, BOB, HASH_A), ResultCode.ITEM_EXISTS);
    }

    @Test
    void shouldShowEveryOwnerInTheItemsTransferHistory() {
        List<ItemTransferred> history = new java.util.ArrayList<>();
        desk.fund(ALICE, HKD, 900);
        ok(new MintItemForPayment(mint(1, BOB, HASH_A), CAROL, HKD, 1_000, 100, 0));
        history.addAll(desk.events(ItemTransferred.class));
        ok(new LockItem(1, BOB, ItemLockPurpose.LISTING));
        ok(sale(1, 1, BOB, ALICE, 900, 500, 250));
        history.addAll(desk.events(ItemTransferred.class));
        ok(new GiftItem(1, ALICE, MAKER, 0));
        history.addAll(desk.events(ItemTransferred.class));
        ok(new BurnItem(1, MAKER));
        history.addAll(desk.events(ItemTransferred.class));

        assertThat(history).extracting(ItemTransferred::fromAccountId, ItemTransferred::toAccountId,
                ItemTransferred::kind).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0L, BOB, ItemTransferKind.MINT),
                        org.assertj.core.groups.Tuple.tuple(BOB, ALICE, ItemTransferKind.SALE),
                        org.assertj.core.groups.Tuple.tuple(ALICE, MAKER, ItemTransferKind.GIFT),
                        org.assertj.core.groups.Tuple.tuple(MAKER, 0L, ItemTransferKind.BURN));
    }

    @Test
    void shouldRefundAtCostAndBurnWithSaleBackToTheIssuer() { // CN-10: wind-down, refund at the original price
        ok(new MintItemForPayment(mint(1, BOB, HASH_A), CAROL, HKD, 5_000, 0, 0));
        long bob = desk.available(BOB, HKD);
        ok(new SettleItemSale(1, 1, BOB, CAROL, HKD, 5_000, 0, 0, 0, 0));
        ok(new BurnItem(1, CAROL));

        assertThat(desk.available(BOB, HKD)).isEqualTo(bob + 5_000);
        assertThat(desk.available(CAROL, HKD)).isZero();
        assertThat(desk.venue.item(1).burned()).isTrue();
    }
}
