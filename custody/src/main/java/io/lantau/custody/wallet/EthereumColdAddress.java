package io.lantau.custody.wallet;

import org.bitcoinj.base.BitcoinNetwork;

/**
 * The Ethereum cold-storage address hot-to-cold sweeps pay to (HK-16): the first receive address ({@code 0/0}) of the
 * cold account {@code m/44'/60'/1'}, derived from that account's extended public key alone; its private key stays
 * with the offline cold signer. Stateless.
 */
public final class EthereumColdAddress {
    private EthereumColdAddress() {
    }

    /**
     * @return the EIP-55 checksummed cold address of the account.
     * @throws IllegalArgumentException if the account is not at {@code m/44'/60'/1'}.
     */
    public static String of(AccountKey coldAccount) {
        if (!coldAccount.path().equals(AccountPaths.ETHEREUM_COLD)) {
            throw new IllegalArgumentException("an Ethereum cold account must be at m/44'/60'/1', not "
                    + AccountKey.formatPath(coldAccount.path()));
        }
        return EthereumAddressDeriver.addressOf(coldAccount.child(AccountPaths.RECEIVE, 0));
    }

    /** @return the cold address of {@code [fingerprint/44'/60'/1']xpub...} (main-net version bytes). */
    public static String of(String coldAccountKey) {
        return of(AccountKey.parse(coldAccountKey, BitcoinNetwork.MAINNET));
    }
}
