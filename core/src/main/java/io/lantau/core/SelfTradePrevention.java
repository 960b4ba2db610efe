package io.lantau.core;

/**
 * What happens when a taker would match a resting order of its own account (Binance's modes). The taker's mode
 * decides.
 */
public enum SelfTradePrevention {
    /** Use the market's default mode. */
    MARKET_DEFAULT,
    /** Allow the self-trade. */
    NONE,
    /** The taker's remainder expires; the resting order stays. */
    EXPIRE_TAKER,
    /** The resting order expires; the taker goes on matching. */
    EXPIRE_MAKER,
    /** Both expire. */
    EXPIRE_BOTH
}
