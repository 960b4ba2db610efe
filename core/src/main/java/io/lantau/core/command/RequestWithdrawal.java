package io.lantau.core.command;

/**
 * Lock an amount for a withdrawal; {@link SettleWithdrawal} removes it from the ledger, {@link RevertWithdrawal}
 * returns it. Idempotent by {@code withdrawalId}.
 */
public record RequestWithdrawal(long withdrawalId, long accountId, int assetId, long amountMinor) implements Command {
}
