package io.lantau.custody.deposit;

import java.util.OptionalLong;
import java.util.Set;

/**
 * The deposit address of each client on one chain: one per client, never shared, never reassigned. Implementations
 * are thread-safe.
 */
public interface DepositAddresses {

    /** @return the chain code these addresses are on. */
    String chain();

    /** @return the client's deposit address, assigned on first request and the same ever after. */
    String addressFor(long accountId);

    /** @return the client whose deposit address this is (any letter case), or empty if it is not one of ours. */
    OptionalLong accountOf(String address);

    /** @return every address assigned so far. */
    Set<String> all();
}
