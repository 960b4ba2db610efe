package io.lantau.core;

/**
 * The outcome of a command: {@link #OK} or a rejection. Each rejection has a stable number (never reused, never
 * renumbered) and a human message. A rejected command changes no state.
 */
public enum ResultCode {
    OK(0, "OK"),

    UNKNOWN_MARKET(1001, "Unknown market."),
    UNKNOWN_ACCOUNT(1002, "Unknown account."),
    UNKNOWN_ASSET(1003, "Unknown asset."),
    ACCOUNT_EXISTS(1004, "An account with this id already exists."),
    INVALID_ACCOUNT_KIND(1005, "This account kind cannot be opened by command."),
    INVALID_FEE_TIER(1006, "Unknown fee tier."),
    ACCOUNT_CANNOT_TRADE(1007, "This account may not place orders."),

    INVALID_AMOUNT(1010, "Amount must be positive."),
    INVALID_PRICE(1011, "Price must be positive."),
    PRICE_ABOVE_MAX(1012, "Price is above the market's maximum."),
    INVALID_QUANTITY(1013, "Quantity must be positive."),
    QUANTITY_BELOW_MIN(1014, "Quantity is below the market's minimum."),
    QUANTITY_ABOVE_MAX(1015, "Quantity is above the market's maximum."),
    NOTIONAL_BELOW_MIN(1016, "Order value is below the market's minimum notional."),
    OVERFLOW(1017, "Value too large to represent."),
    INVALID_ORDER_PARAMETERS(1018, "This combination of order type, side, price, quantity and time in force is invalid."),
    INVALID_CLIENT_ORDER_ID(1019, "Client order id must be 1 to 36 characters."),
    DUPLICATE_CLIENT_ORDER_ID(1020, "An open order already has this client order id."),
    INVALID_ID(1021, "Ids must be positive."),
    INVALID_ARGUMENT(1022, "A required field is missing or invalid."),

    INSUFFICIENT_BALANCE(1030, "Account has insufficient balance for requested action."),

    MARKET_HALTED(1040, "Market is halted."),
    MARKET_CANCEL_ONLY(1041, "Market accepts cancels only."),

    WOULD_TAKE(1050, "Order would immediately match and take."),

    UNKNOWN_ORDER(1060, "Unknown order."),
    AMEND_NO_CHANGE(1061, "Amendment changes neither price nor quantity."),

    UNKNOWN_WITHDRAWAL(1070, "Unknown withdrawal."),
    WITHDRAWAL_NOT_PENDING(1071, "Withdrawal is no longer pending."),
    DUPLICATE_ID_MISMATCH(1072, "This id was already used for a different request."),

    ACCOUNT_NOT_ACTIVE(1080, "This account may not place orders in its current status."),
    NOT_RETAIL_ELIGIBLE(1081, "This market is not open to retail clients."),
    RETAIL_SELL_ONLY(1082, "Retail clients may only sell in this market."),
    EXPOSURE_LIMIT_EXCEEDED(1083, "The order would take the client's virtual-asset exposure past its limit."),
    NO_REFERENCE_PRICE(1084, "The asset has no reference price to value exposure with."),

    // Collectibles (issue 6, REGULATORY.md §B): 1100-1139.
    UNKNOWN_ITEM(1100, "Unknown item."),
    ITEM_EXISTS(1101, "An item with this id already exists."),
    DUPLICATE_CONTENT(1102, "An item with the same content hash already exists in this collection."),
    NOT_ITEM_OWNER(1103, "The account does not own this item."),
    ITEM_LOCKED(1104, "The item is locked."),
    ITEM_NOT_LOCKED(1105, "The item is not locked."),
    ITEM_BURNED(1106, "The item has been burned."),
    HOLDING_PERIOD_NOT_MET(1107, "The item has not been held for the required period."),
    INVALID_ROYALTY(1108, "Royalty must be 0 to 10000 basis points, and royalty plus fee at most 10000."),
    INVALID_FEE_RATE(1109, "Fee must be 0 to 10000 basis points."),
    SELF_TRANSFER(1110, "An item cannot go to the account that already owns it."),
    ACCOUNT_CANNOT_HOLD_ITEMS(1111, "This account cannot hold items."),
    INVALID_EDITION(1112, "Edition number must be positive."),
    INVALID_CONTENT_HASH(1113, "Content hash is missing or all zero."),
    UNKNOWN_HOLD(1114, "Unknown hold."),
    HOLD_NOT_OPEN(1115, "The hold was already used or released."),
    HOLD_MISMATCH(1116, "The hold belongs to another account or asset.");

    private final int code;
    private final String message;

    ResultCode(int code, String message) {
        this.code = code;
        this.message = message;
    }

    /** @return the stable number of this outcome. */
    public int code() {
        return code;
    }

    public String message() {
        return message;
    }

    public boolean isOk() {
        return this == OK;
    }

    private static final ResultCode[] BY_ORDINAL = values();

    /** @return the code with the given {@link #ordinal()}; used by codecs. */
    public static ResultCode ofOrdinal(int ordinal) {
        return BY_ORDINAL[ordinal];
    }
}
