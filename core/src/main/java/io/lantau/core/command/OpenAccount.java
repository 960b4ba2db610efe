package io.lantau.core.command;

import io.lantau.core.AccountKind;

/**
 * Open an account with zero balances.
 *
 * @param accountId positive id chosen by the caller (the user store).
 * @param kind      CLIENT or OPERATOR; the FEE account is opened by the core itself.
 * @param feeTier   index into the fee schedule.
 */
public record OpenAccount(long accountId, AccountKind kind, int feeTier) implements Command {
}
