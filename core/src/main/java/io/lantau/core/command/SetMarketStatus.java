package io.lantau.core.command;

import io.lantau.core.MarketStatus;

/** Change whether a market trades, accepts cancels only, or is halted. Resting orders stay in every case. */
public record SetMarketStatus(int marketId, MarketStatus status) implements Command {
}
