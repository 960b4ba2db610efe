package io.lantau.core.command;

/** The withdrawal left the platform: its locked amount leaves the ledger. A repeat returns the first result. */
public record SettleWithdrawal(long withdrawalId) implements Command {
}
