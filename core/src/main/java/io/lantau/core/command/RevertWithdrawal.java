package io.lantau.core.command;

/** The withdrawal failed or was refused: its locked amount returns to available. A repeat returns the first result. */
public record RevertWithdrawal(long withdrawalId) implements Command {
}
