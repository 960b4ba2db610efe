package io.lantau.store.history;

/**
 * A trade seen from one side of it, for myTrades. A self-trade (both orders of the account) appears twice, once as
 * taker and once as maker, as on Binance.
 *
 * @param trade the trade.
 * @param maker whether the account was the maker in it.
 */
public record AccountTrade(TradeRecord trade, boolean maker) {

    /** @return the account's order in the trade. */
    public long orderId() {
        return maker ? trade.makerOrderId() : trade.takerOrderId();
    }

    /** @return whether the account bought. */
    public boolean buyer() {
        return maker == trade.isBuyerMaker();
    }

    /** @return the fee the account paid for it, quote minor units. */
    public long feeMinor() {
        return maker ? trade.makerFeeMinor() : trade.takerFeeMinor();
    }
}
