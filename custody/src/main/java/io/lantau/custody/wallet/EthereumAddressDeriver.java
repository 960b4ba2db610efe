package io.lantau.custody.wallet;

import java.util.Arrays;
import java.util.Locale;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.crypto.DeterministicKey;
import org.web3j.crypto.Keys;
import org.web3j.crypto.WalletUtils;
import org.web3j.utils.Numeric;

/**
 * EIP-55 checksummed Ethereum addresses below the BIP44 account public key {@code m/44'/60'/0'}: the child
 * {@code 0/i} is derived from the public key alone (bitcoinj's BIP32 public derivation, secp256k1 like Ethereum),
 * and the address is the last 20 bytes of keccak-256 of the uncompressed public key (web3j {@link Keys}).
 * Thread-safe.
 */
public final class EthereumAddressDeriver implements AddressDeriver {
    private final AccountKey account;

    /** @throws IllegalArgumentException if the account path is not {@code m/44'/60'/0'}. */
    public EthereumAddressDeriver(AccountKey account) {
        if (!account.path().equals(AccountPaths.ETHEREUM)) {
            throw new IllegalArgumentException("an Ethereum deposit account must be at m/44'/60'/0', not "
                    + AccountKey.formatPath(account.path()));
        }
        this.account = account;
    }

    /** Parses {@code [fingerprint/44'/60'/0']xpub...} (main-net version bytes, as wallets export them). */
    public static EthereumAddressDeriver parse(String accountKey) {
        return new EthereumAddressDeriver(AccountKey.parse(accountKey, BitcoinNetwork.MAINNET));
    }

    @Override
    public String chain() {
        return "ETH";
    }

    @Override
    public String receiveAddress(int index) {
        return addressOf(account.child(AccountPaths.RECEIVE, index));
    }

    /** @return the checksummed address of an secp256k1 public key. */
    public static String addressOf(DeterministicKey publicKey) {
        byte[] uncompressed = publicKey.getPubKeyPoint().getEncoded(false);
        byte[] xy = Arrays.copyOfRange(uncompressed, 1, uncompressed.length);
        return Keys.toChecksumAddress(Numeric.toHexString(Keys.getAddress(xy)));
    }

    public AccountKey account() {
        return account;
    }

    @Override
    public String canonical(String address) {
        String trimmed = address.trim();
        if (!WalletUtils.isValidAddress(trimmed) || !trimmed.startsWith("0x") || trimmed.length() != 42) {
            throw new IllegalArgumentException("not an Ethereum address");
        }
        String checksummed = Keys.toChecksumAddress(trimmed);
        String digits = trimmed.substring(2);
        boolean mixedCase = !digits.equals(digits.toLowerCase(Locale.ROOT))
                && !digits.equals(digits.toUpperCase(Locale.ROOT));
        if (mixedCase && !checksummed.equals(trimmed)) {
            // EIP-55: a mixed-case address is a checksum; a wrong one is a typo, not a different address.
            throw new IllegalArgumentException("the address's EIP-55 checksum is wrong");
        }
        return checksummed;
    }

    @Override
    public String keyIdentity() {
        return account.format(BitcoinNetwork.MAINNET);
    }
}
