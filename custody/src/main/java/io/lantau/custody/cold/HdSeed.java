package io.lantau.custody.cold;

import io.lantau.custody.wallet.AccountKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.bitcoinj.crypto.HDPath;
import org.bitcoinj.crypto.MnemonicCode;
import org.bitcoinj.crypto.MnemonicException;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;

/**
 * A BIP-39 seed and the BIP-32 keys below it: the secret the offline signer holds (stand-in for an HSM, HK-16/HK-19).
 * Bitcoin keys are derived with bitcoinj, Ethereum keys with web3j's {@link Bip32ECKeyPair}; both are plain BIP-32 on
 * secp256k1, so the platform can derive the same public keys and addresses from the account's extended public key.
 *
 * <p>Not thread-safe to close while in use; {@link #close()} overwrites the seed bytes.
 */
public final class HdSeed implements AutoCloseable {
    private final byte[] seed;
    private final DeterministicKey master;

    private HdSeed(byte[] seed) {
        this.seed = seed;
        this.master = HDKeyDerivation.createMasterPrivateKey(seed);
    }

    /**
     * @param mnemonic   a BIP-39 English mnemonic (its checksum is checked).
     * @param passphrase the optional BIP-39 passphrase, empty for none.
     * @throws IllegalArgumentException if the mnemonic is not valid BIP-39.
     */
    public static HdSeed fromMnemonic(String mnemonic, String passphrase) {
        List<String> words = Arrays.asList(mnemonic.trim().split("\\s+"));
        try {
            MnemonicCode.INSTANCE.check(words);
        } catch (MnemonicException e) {
            throw new IllegalArgumentException("not a valid BIP-39 mnemonic", e);
        }
        return new HdSeed(MnemonicCode.toSeed(words, passphrase));
    }

    /**
     * Generates a new seed from 256 bits of {@code random} entropy, as a key ceremony (or the embedded demo set-up)
     * does: the BIP-39 words of that entropy go to the custodians' paper backups, the seed into a {@link SealedSeed}.
     *
     * @return the words (24) and the seed they stand for.
     */
    public static Generated generate(SecureRandom random) {
        byte[] entropy = new byte[32];
        random.nextBytes(entropy);
        List<String> words = MnemonicCode.INSTANCE.toMnemonic(entropy);
        Arrays.fill(entropy, (byte) 0);
        return new Generated(List.copyOf(words), new HdSeed(MnemonicCode.toSeed(words, "")));
    }

    /**
     * A newly generated seed.
     *
     * @param words the BIP-39 mnemonic: secret; for the custodians' backups only, never logged or stored online.
     */
    public record Generated(List<String> words, HdSeed seed) {
        @Override
        public String toString() {
            return "Generated[24 words, seed " + Integer.toHexString(seed.masterFingerprint()) + "]";
        }
    }

    /** @param seed a 16 to 64 byte BIP-32 seed (copied). */
    public static HdSeed fromSeed(byte[] seed) {
        if (seed.length < 16 || seed.length > 64) {
            throw new IllegalArgumentException("a BIP-32 seed has 16 to 64 bytes");
        }
        return new HdSeed(seed.clone());
    }

    /** @return a copy of the seed bytes, to seal them at rest. */
    byte[] seedBytes() {
        return seed.clone();
    }

    /** @return the master key's fingerprint (BIP-32), as PSBT key origins name it. */
    public int masterFingerprint() {
        return master.getFingerprint();
    }

    /** @return the public-only account key at the hardened {@code accountPath}, with its origin: what the platform holds. */
    public AccountKey accountKey(HDPath accountPath) {
        DeterministicKey account = privateKey(accountPath);
        // Through the serialised form, as the platform will read it: public only, with depth and parent fingerprint.
        String xpub = account.serializePubB58(BitcoinNetwork.MAINNET);
        return new AccountKey(masterFingerprint(), HDPath.M(accountPath.list()),
                DeterministicKey.deserializeB58(xpub, BitcoinNetwork.MAINNET));
    }

    /** @return the private key at {@code path} from the master. */
    public DeterministicKey privateKey(List<ChildNumber> path) {
        DeterministicKey key = master;
        for (ChildNumber step : path) {
            key = HDKeyDerivation.deriveChildKey(key, step);
        }
        return key;
    }

    /** @return the Ethereum signing credentials at {@code path} (web3j BIP-32 derivation). */
    public Credentials ethereumCredentials(List<ChildNumber> path) {
        Bip32ECKeyPair key = Bip32ECKeyPair.generateKeyPair(seed);
        int[] steps = path.stream().mapToInt(ChildNumber::i).toArray();
        return Credentials.create(Bip32ECKeyPair.deriveKeyPair(key, steps));
    }

    @Override
    public void close() {
        Arrays.fill(seed, (byte) 0);
    }
}
