package io.lantau.custody.wallet;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bitcoinj.base.Network;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.bitcoinj.crypto.HDPath;

/**
 * An account-level extended public key with its origin, written as in output descriptors (BIP-380 key origin):
 * {@code [d34db33f/84'/0'/0']xpub6C...}. The master key fingerprint and the path are what a PSBT's BIP32-derivation
 * fields need so that the offline signer can find the private key of each input (BIP-174).
 *
 * <p>Refuses an extended PRIVATE key: the platform side must never hold one (HK-16, cold storage), and refuses a key
 * whose depth disagrees with its stated path.
 *
 * @param masterFingerprint the first 4 bytes of HASH160 of the master public key, as an unsigned big-endian int.
 * @param path              the hardened account path, e.g. {@code m/84'/0'/0'}.
 * @param key               the public-only account key.
 */
public record AccountKey(int masterFingerprint, HDPath path, DeterministicKey key) {
    private static final Pattern ORIGIN = Pattern.compile("\\[([0-9a-fA-F]{8})((?:/\\d+['h]?)+)](\\w+)");

    public AccountKey {
        if (!key.isPubKeyOnly()) {
            throw new IllegalArgumentException("an account key on the platform side must be public only");
        }
        if (key.getDepth() != path.size()) {
            throw new IllegalArgumentException("the key's depth " + key.getDepth() + " does not match the path " + path);
        }
    }

    /**
     * Parses {@code [fingerprint/path]xpub}.
     *
     * @param network the network whose version bytes the extended key must carry (xpub/zpub for main net, tpub/vpub
     *                for test networks).
     * @throws IllegalArgumentException if the text is not a public account key with its origin.
     */
    public static AccountKey parse(String text, Network network) {
        Matcher m = ORIGIN.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected [fingerprint/path]xpub");
        }
        int fingerprint = (int) Long.parseLong(m.group(1), 16);
        HDPath path = parsePath(m.group(2));
        DeterministicKey key;
        try {
            key = DeterministicKey.deserializeB58(m.group(3), network);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an extended key of network " + network.id(), e);
        }
        return new AccountKey(fingerprint, path, key);
    }

    /**
     * Writes the key as {@code [fingerprint/path]xpub} (xpub/tpub version bytes; the script type is implied by the
     * path's purpose).
     */
    public String format(Network network) {
        return "[" + fingerprintHex() + formatPath(path).substring(1) + "]" + key.serializePubB58(network);
    }

    /** @return the master fingerprint as 8 lower-case hex digits. */
    public String fingerprintHex() {
        return HexFormat.of().toHexDigits(masterFingerprint);
    }

    /** @return the public key at {@code chain/index} below the account (non-hardened public derivation). */
    public DeterministicKey child(int chain, int index) {
        if (chain < 0 || index < 0) {
            throw new IllegalArgumentException("non-hardened chain and index only: " + chain + "/" + index);
        }
        return HDKeyDerivation.deriveChildKey(HDKeyDerivation.deriveChildKey(key, new ChildNumber(chain, false)),
                new ChildNumber(index, false));
    }

    /** @return the full path from the master key of {@code chain/index}. */
    public HDPath pathOf(int chain, int index) {
        return path.extend(new ChildNumber(chain, false), new ChildNumber(index, false));
    }

    /** @return {@code path} as {@code m/84'/0'/0'/0/5}. */
    public static String formatPath(List<ChildNumber> path) {
        StringBuilder text = new StringBuilder("m");
        for (ChildNumber n : path) {
            text.append('/').append(n.num()).append(n.isHardened() ? "'" : "");
        }
        return text.toString();
    }

    /** Parses {@code /84'/0'/0'} (a leading {@code m} allowed; {@code h} or {@code '} marks a hardened step). */
    public static HDPath parsePath(String text) {
        String body = text.startsWith("m") ? text.substring(1) : text;
        List<ChildNumber> steps = new ArrayList<>();
        for (String step : body.split("/")) {
            if (step.isEmpty()) {
                continue;
            }
            boolean hardened = step.endsWith("'") || step.endsWith("h") || step.endsWith("H");
            long n = Long.parseLong(hardened ? step.substring(0, step.length() - 1) : step);
            if (n < 0 || n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("path step out of range: " + step);
            }
            steps.add(new ChildNumber((int) n, hardened));
        }
        return HDPath.M(steps);
    }
}
