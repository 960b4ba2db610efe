package io.lantau.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.core.command.Command;
import io.lantau.core.command.MintItemForPayment;
import io.lantau.core.command.SettleItemSale;
import io.lantau.core.event.CoreEvent;
import io.lantau.core.event.ItemSold;
import io.lantau.core.event.ItemTransferred;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The collectibles invariants of the property tests (issue 6), checked against the engine after a command: one owner
 * per item, provenance equal to state, and sales that move item and payment together with every minor unit accounted
 * for. Amounts are recomputed here with {@link BigInteger}, from SEMANTICS.md, not from the engine's arithmetic.
 */
final class ItemInvariants {
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);

    private final ExchangeCore core;
    private final Map<Long, Long> provenance;

    ItemInvariants(Venue engine, Map<Long, Long> provenance) {
        this.core = ((Venue.EngineVenue) engine).core();
        this.provenance = provenance;
    }

    /**
     * Every item the events ever minted: burned, or owned by exactly the account its last transfer names, an existing
     * account that is not the fee account; and the per-account lists hold each live item exactly once.
     */
    void checkOwnership(String where) {
        int live = 0;
        for (Map.Entry<Long, Long> e : provenance.entrySet()) {
            ItemView item = core.item(e.getKey());
            assertThat(item).as("item %d exists, %s", e.getKey(), where).isNotNull();
            if (e.getValue() == -1) {
                assertThat(item.burned()).as("item %d burned, %s", e.getKey(), where).isTrue();
                continue;
            }
            live++;
            assertThat(item.burned()).as("item %d live, %s", e.getKey(), where).isFalse();
            assertThat(item.ownerAccountId()).as("owner of item %d is its provenance's last, %s", e.getKey(), where)
                    .isEqualTo(e.getValue());
            assertThat(core.hasAccount(item.ownerAccountId())).as(where).isTrue();
            assertThat(item.ownerAccountId()).as(where).isNotEqualTo(core.config().feeAccountId());
        }
        assertThat(core.itemCount()).as("items minted, %s", where).isEqualTo(provenance.size());
        Set<Long> listed = new HashSet<>();
        for (long account : core.accountIds()) {
            for (ItemView item : core.itemsOf(account)) {
                assertThat(item.ownerAccountId()).as(where).isEqualTo(account);
                assertThat(listed.add(item.itemId())).as("item %d listed once, %s", item.itemId(), where).isTrue();
            }
        }
        assertThat(listed).as("live items, %s", where).hasSize(live);
    }

    /**
     * A sale (or drop purchase) that moved its item paid exactly its price, split as the written rounding says, and
     * changed no other balance; one that did not move an item moved no money; no other command sells anything.
     */
    void checkSale(Command command, ResultCode code, List<CoreEvent> events, Map<Long, Long> ownersBefore,
            Map<Long, List<Long>> before, Map<Long, List<Long>> after, String where) {
        List<ItemSold> sold = events.stream().filter(ItemSold.class::isInstance).map(ItemSold.class::cast).toList();
        List<ItemTransferred> moved = events.stream().filter(ItemTransferred.class::isInstance)
                .map(ItemTransferred.class::cast).toList();
        boolean paying = command instanceof SettleItemSale || command instanceof MintItemForPayment;
        if (!paying || code != ResultCode.OK || events.isEmpty()) {
            assertThat(sold).as("no payment without a sale, " + where).isEmpty();
            assertThat(moved).as("no sale transfer, " + where).noneMatch(t -> t.kind() == ItemTransferKind.SALE);
            if (paying) {
                assertThat(moved).as("a refused or repeated sale moves no item, " + where).isEmpty();
                assertThat(after).as("a refused or repeated sale moves no money, " + where).isEqualTo(before);
            }
            return;
        }
        assertThat(sold).as("exactly one payment, " + where).hasSize(1);
        assertThat(moved).as("exactly one item moved, " + where).hasSize(1);
        ItemSold s = sold.get(0);
        ItemTransferred t = moved.get(0);
        assertThat(t.itemId()).as(where).isEqualTo(s.itemId());
        assertThat(t.toAccountId()).as("the payer gets the item, " + where).isEqualTo(s.buyerAccountId());
        if (command instanceof SettleItemSale sale) {
            assertThat(t.kind()).as(where).isEqualTo(ItemTransferKind.SALE);
            assertThat(t.fromAccountId()).as("the seller owned it, " + where)
                    .isEqualTo(ownersBefore.get(sale.itemId())).isEqualTo(sale.sellerAccountId());
            checkSplit(s, sale.priceMinor(), sale.royaltyBps(), sale.feeBps(), sale.royaltyAccountId(), where);
        } else {
            MintItemForPayment purchase = (MintItemForPayment) command;
            assertThat(t.kind()).as(where).isEqualTo(ItemTransferKind.MINT);
            checkSplit(s, purchase.priceMinor(), 0, purchase.feeBps(), 0, where);
        }
        Map<Long, Long> expected = new HashMap<>();
        expected.merge(s.buyerAccountId(), -s.priceMinor(), Long::sum);
        expected.merge(s.sellerAccountId(), s.sellerProceedsMinor(), Long::sum);
        expected.merge(s.royaltyAccountId(), s.royaltyMinor(), Long::sum);
        expected.merge(core.config().feeAccountId(), s.feeMinor(), Long::sum);
        int assets = core.config().assets().size();
        for (long account : after.keySet()) {
            for (int a = 0; a < assets; a++) {
                long held = after.get(account).get(2 * a) + after.get(account).get(2 * a + 1)
                        - before.get(account).get(2 * a) - before.get(account).get(2 * a + 1);
                long want = a == s.assetId() ? expected.getOrDefault(account, 0L) : 0;
                assertThat(held).as("change of account %d in asset %d, %s", account, a, where).isEqualTo(want);
            }
        }
    }

    private static void checkSplit(ItemSold s, long price, int royaltyBps, int feeBps, long royaltyAccount,
            String where) {
        BigInteger p = BigInteger.valueOf(price);
        BigInteger royalty = p.multiply(BigInteger.valueOf(royaltyBps)).divide(TEN_THOUSAND);
        BigInteger[] fee = p.multiply(BigInteger.valueOf(feeBps)).divideAndRemainder(TEN_THOUSAND);
        assertThat(s.priceMinor()).as(where).isEqualTo(price);
        assertThat(s.royaltyMinor()).as("royalty rounds down, " + where).isEqualTo(royalty.longValueExact());
        assertThat(s.feeMinor()).as("fee rounds up, " + where)
                .isEqualTo(fee[0].longValueExact() + (fee[1].signum() > 0 ? 1 : 0));
        assertThat(s.sellerProceedsMinor() + s.royaltyMinor() + s.feeMinor()).as("split adds up, " + where)
                .isEqualTo(price);
        assertThat(s.sellerProceedsMinor()).as(where).isNotNegative();
        assertThat(s.royaltyAccountId()).as(where).isEqualTo(royaltyBps > 0 ? royaltyAccount : 0);
    }
}
