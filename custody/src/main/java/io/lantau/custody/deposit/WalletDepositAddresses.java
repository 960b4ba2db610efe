package io.lantau.custody.deposit;

import io.lantau.custody.wallet.DepositAddressBook;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One chain's view of the wallet's {@link DepositAddressBook}: addresses derived from the platform's extended public
 * key, one per client, stored so that the mapping both ways survives restarts. Thread-safe.
 */
public final class WalletDepositAddresses implements DepositAddresses {
    private final DepositAddressBook book;
    private final String chain;

    public WalletDepositAddresses(DepositAddressBook book, String chain) {
        this.book = book;
        this.chain = chain;
    }

    @Override
    public String chain() {
        return chain;
    }

    @Override
    public String addressFor(long accountId) {
        return book.addressFor(accountId, chain).address();
    }

    @Override
    public OptionalLong accountOf(String address) {
        return book.byAddress(chain, address).map(a -> OptionalLong.of(a.accountId())).orElse(OptionalLong.empty());
    }

    @Override
    public Set<String> all() {
        return book.addresses(chain);
    }
}
