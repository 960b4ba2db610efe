package io.lantau.core.command;

import io.lantau.core.AccountStatus;

/** Move an account to another life-cycle status; only ACTIVE accounts may place or amend orders. */
public record SetAccountStatus(long accountId, AccountStatus status) implements Command {
}
