package io.lantau.core.command;

/** Cancel every open order of an account, in one market or, with {@link #ALL_MARKETS}, in all. */
public record CancelAllOrders(long accountId, int marketId) implements Command {
    public static final int ALL_MARKETS = -1;
}
