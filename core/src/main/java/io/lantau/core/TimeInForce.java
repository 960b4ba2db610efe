package io.lantau.core;

/** How long the unfilled part of a limit order lives. */
public enum TimeInForce {
    /** Good till canceled: the remainder rests. */
    GTC,
    /** Immediate or cancel: the remainder expires. */
    IOC,
    /** Fill or kill: fills completely at once or expires having changed nothing. */
    FOK
}
