package io.lantau.core.command;

import io.lantau.core.RetailAccess;

/** What retail clients may do in a market (HK-10, HK-14): the admission committee's decision. */
public record SetRetailAccess(int marketId, RetailAccess access) implements Command {
}
