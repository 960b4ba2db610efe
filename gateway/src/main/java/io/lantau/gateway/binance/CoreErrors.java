package io.lantau.gateway.binance;

import io.lantau.core.ResultCode;

/** The core's rejections as Binance errors: Binance's code and exact message wherever Binance has one. */
public final class CoreErrors {
    private CoreErrors() {
    }

    /** @param cancel whether the command was a cancel (an unknown order is then -2011, not -2013). */
    public static BinanceError of(ResultCode code, boolean cancel) {
        return switch (code) {
            case OK -> throw new IllegalArgumentException("not an error");
            case UNKNOWN_MARKET -> BinanceError.BAD_SYMBOL;
            case UNKNOWN_ACCOUNT -> BinanceError.REJECTED_MBX_KEY;
            case ACCOUNT_CANNOT_TRADE -> BinanceError.ACCOUNT_CANNOT_TRADE;
            case INVALID_PRICE, PRICE_ABOVE_MAX -> BinanceError.PRICE_FILTER;
            case INVALID_QUANTITY, QUANTITY_BELOW_MIN, QUANTITY_ABOVE_MAX -> BinanceError.LOT_SIZE;
            case NOTIONAL_BELOW_MIN, OVERFLOW, INVALID_AMOUNT -> BinanceError.NOTIONAL;
            case INVALID_ORDER_PARAMETERS -> BinanceError.UNKNOWN_ORDER_COMPOSITION;
            case INVALID_CLIENT_ORDER_ID -> BinanceError.illegalChars("newClientOrderId");
            case DUPLICATE_CLIENT_ORDER_ID -> BinanceError.DUPLICATE_ORDER;
            case INSUFFICIENT_BALANCE -> BinanceError.INSUFFICIENT_BALANCE;
            case MARKET_HALTED, MARKET_CANCEL_ONLY -> BinanceError.MARKET_CLOSED;
            case WOULD_TAKE -> BinanceError.WOULD_TAKE;
            case UNKNOWN_ORDER -> cancel ? BinanceError.CANCEL_REJECTED : BinanceError.NO_SUCH_ORDER;
            default -> BinanceError.rejected(code.message());
        };
    }
}
