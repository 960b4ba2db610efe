package io.lantau.custody.ledger;

import java.math.BigInteger;

/**
 * One movement to append to the custody ledger.
 *
 * @param accountId  the client account for {@link LedgerKind.Owner#CLIENT} kinds, else 0.
 * @param amountBase signed, in the chain's base units (wei, satoshi).
 * @param reference  unique per kind: appending the same (kind, reference) twice keeps the first.
 */
public record LedgerEntry(String chain, String asset, LedgerKind kind, long accountId, BigInteger amountBase,
        String reference) {
}
