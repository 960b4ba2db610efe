package io.lantau.core.command;

/**
 * Credit an account. Idempotent by {@code depositId}: a repeat returns the first result and changes nothing.
 *
 * @param depositId   positive id from custody (chain transaction and output, bank reference, demo faucet).
 * @param amountMinor positive amount in the asset's minor unit.
 */
public record Deposit(long depositId, long accountId, int assetId, long amountMinor) implements Command {
}
