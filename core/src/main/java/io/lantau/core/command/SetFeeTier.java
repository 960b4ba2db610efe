package io.lantau.core.command;

/** Move an account to another fee tier; applies to fills from now on (locks of open orders are not recomputed). */
public record SetFeeTier(long accountId, int feeTier) implements Command {
}
