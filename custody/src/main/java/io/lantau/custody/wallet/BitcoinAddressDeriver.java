package io.lantau.custody.wallet;

import org.bitcoinj.base.Address;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.base.SegwitAddress;
import org.bitcoinj.base.exceptions.AddressFormatException;
import org.bitcoinj.crypto.DeterministicKey;

/**
 * Native SegWit (P2WPKH, bech32) receive and change addresses below a BIP84 account public key (bitcoinj).
 * Thread-safe: the account key is immutable.
 */
public final class BitcoinAddressDeriver implements AddressDeriver {
    private final AccountKey account;
    private final BitcoinNetwork network;

    /**
     * @param account the BIP84 account key ({@code m/84'/0'/0'} on main net, {@code m/84'/1'/0'} elsewhere).
     * @throws IllegalArgumentException if the account path is not the network's BIP84 account path.
     */
    public BitcoinAddressDeriver(AccountKey account, BitcoinNetwork network) {
        if (!account.path().equals(AccountPaths.bitcoin(network))) {
            throw new IllegalArgumentException("a " + network.id() + " deposit account must be at "
                    + AccountKey.formatPath(AccountPaths.bitcoin(network)) + ", not "
                    + AccountKey.formatPath(account.path()));
        }
        this.account = account;
        this.network = network;
    }

    /** Parses {@code [fingerprint/84'/c'/0']xpub...} for {@code network}. */
    public static BitcoinAddressDeriver parse(String accountKey, BitcoinNetwork network) {
        return new BitcoinAddressDeriver(AccountKey.parse(accountKey, network), network);
    }

    @Override
    public String chain() {
        return "BTC";
    }

    @Override
    public String receiveAddress(int index) {
        return address(AccountPaths.RECEIVE, index).toString();
    }

    /** @return the change address at {@code index} (BIP44 chain 1), where withdrawals send their change. */
    public String changeAddress(int index) {
        return address(AccountPaths.CHANGE, index).toString();
    }

    /** @return the P2WPKH address of {@code chain/index} below the account. */
    public SegwitAddress address(int chain, int index) {
        return SegwitAddress.fromHash(network, publicKey(chain, index).getPubKeyHash());
    }

    /** @return the public key of {@code chain/index} below the account. */
    public DeterministicKey publicKey(int chain, int index) {
        return account.child(chain, index);
    }

    /** @return the account key (with its origin) the addresses come from. */
    public AccountKey account() {
        return account;
    }

    public BitcoinNetwork network() {
        return network;
    }

    @Override
    public String canonical(String address) {
        Address parsed;
        try {
            parsed = SegwitAddress.fromBech32(address.trim(), network);
        } catch (AddressFormatException e) {
            throw new IllegalArgumentException("not a " + network.id() + " bech32 address", e);
        }
        if (parsed.getOutputScriptType() != ScriptType.P2WPKH) {
            throw new IllegalArgumentException("deposit addresses are P2WPKH");
        }
        return parsed.toString();
    }

    @Override
    public String keyIdentity() {
        return account.format(network);
    }
}
