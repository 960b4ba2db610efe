package io.lantau.custody.cold;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * The offline signer's seed at rest (stand-in for an HSM's key store; REGULATORY.md HK-16, and HK-19's rule that no
 * single person can reach the whole seed). The seed is encrypted with AES-256-GCM under a random data key; the data
 * key is split into one XOR share per custodian (all shares are needed, any subset reveals nothing), and each share is
 * encrypted under a key stretched from that custodian's passphrase with scrypt. Unsealing needs every custodian's
 * passphrase: one custodian alone, or the file alone, yields nothing.
 *
 * <p>Immutable; the JSON form is what is written to the signer's disk.
 */
public final class SealedSeed {
    /** scrypt cost: 2^15 iterations of 1 MiB blocks (r = 8), about 0.1 s and 32 MiB per passphrase. */
    static final int SCRYPT_N = 1 << 15;
    private static final int SCRYPT_R = 8;
    private static final int SCRYPT_P = 1;
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String FORMAT = "lantau-sealed-seed-v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One custodian's share of the data key, sealed under their passphrase. */
    public record Share(String custodian, String salt, String nonce, String sealedShare) {
    }

    /** The stored form. */
    public record Stored(String format, int scryptN, List<Share> shares, String nonce, String sealedSeed) {
    }

    private final Stored stored;

    private SealedSeed(Stored stored) {
        this.stored = stored;
    }

    /**
     * Seals {@code seed} so that all of {@code passphrases}' custodians are needed to unseal it.
     *
     * @param passphrases custodian name to passphrase; at least two custodians (no single person may hold the seed).
     * @throws IllegalArgumentException with fewer than two custodians or an empty passphrase.
     */
    public static SealedSeed seal(HdSeed seed, Map<String, char[]> passphrases, SecureRandom random) {
        return seal(seed, passphrases, random, SCRYPT_N);
    }

    static SealedSeed seal(HdSeed seed, Map<String, char[]> passphrases, SecureRandom random, int scryptN) {
        if (passphrases.size() < 2) {
            throw new IllegalArgumentException("a seed is sealed under at least two custodians' passphrases");
        }
        byte[] dataKey = randomBytes(random, KEY_BYTES);
        byte[] remainder = dataKey.clone();
        List<Share> shares = new ArrayList<>();
        List<String> custodians = new ArrayList<>(passphrases.keySet());
        for (int i = 0; i < custodians.size(); i++) {
            String custodian = custodians.get(i);
            char[] passphrase = passphrases.get(custodian);
            if (custodian.isBlank() || passphrase == null || passphrase.length == 0) {
                throw new IllegalArgumentException("every custodian needs a name and a passphrase");
            }
            byte[] share;
            if (i == custodians.size() - 1) {
                share = remainder;
            } else {
                share = randomBytes(random, KEY_BYTES);
                xorInto(remainder, share);
            }
            byte[] salt = randomBytes(random, 16);
            byte[] nonce = randomBytes(random, NONCE_BYTES);
            byte[] kek = stretch(passphrase, salt, scryptN);
            shares.add(new Share(custodian, b64(salt), b64(nonce),
                    b64(gcm(Cipher.ENCRYPT_MODE, kek, nonce, aad(custodian), share))));
            Arrays.fill(kek, (byte) 0);
            Arrays.fill(share, (byte) 0);
        }
        byte[] nonce = randomBytes(random, NONCE_BYTES);
        byte[] plain = seed.seedBytes();
        byte[] sealed = gcm(Cipher.ENCRYPT_MODE, dataKey, nonce, FORMAT.getBytes(StandardCharsets.UTF_8), plain);
        Arrays.fill(plain, (byte) 0);
        Arrays.fill(dataKey, (byte) 0);
        return new SealedSeed(new Stored(FORMAT, scryptN, List.copyOf(shares), b64(nonce), b64(sealed)));
    }

    /**
     * @param passphrases every custodian's passphrase.
     * @return the seed.
     * @throws SealException if a custodian is missing, a passphrase is wrong, or the file was altered.
     */
    public HdSeed unseal(Map<String, char[]> passphrases) {
        byte[] dataKey = new byte[KEY_BYTES];
        for (Share share : stored.shares()) {
            char[] passphrase = passphrases.get(share.custodian());
            if (passphrase == null) {
                throw new SealException(SealException.Reason.CUSTODIAN_MISSING,
                        "custodian " + share.custodian() + " has not given a passphrase");
            }
            byte[] kek = stretch(passphrase, unb64(share.salt()), stored.scryptN());
            byte[] part;
            try {
                part = gcm(Cipher.DECRYPT_MODE, kek, unb64(share.nonce()), aad(share.custodian()),
                        unb64(share.sealedShare()));
            } catch (SealException e) {
                throw new SealException(SealException.Reason.WRONG_PASSPHRASE,
                        "custodian " + share.custodian() + "'s passphrase does not open their share");
            } finally {
                Arrays.fill(kek, (byte) 0);
            }
            xorInto(dataKey, part);
            Arrays.fill(part, (byte) 0);
        }
        byte[] seed = gcm(Cipher.DECRYPT_MODE, dataKey, unb64(stored.nonce()),
                FORMAT.getBytes(StandardCharsets.UTF_8), unb64(stored.sealedSeed()));
        Arrays.fill(dataKey, (byte) 0);
        try {
            return HdSeed.fromSeed(seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** @return the custodians whose passphrases unsealing needs. */
    public List<String> custodians() {
        return stored.shares().stream().map(Share::custodian).toList();
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws SealException if the text is not a sealed seed. */
    public static SealedSeed fromJson(String json) {
        try {
            Stored stored = JSON.readValue(json, Stored.class);
            if (!FORMAT.equals(stored.format()) || stored.shares() == null || stored.shares().size() < 2) {
                throw new SealException(SealException.Reason.CORRUPTED, "not a " + FORMAT + " file");
            }
            return new SealedSeed(stored);
        } catch (JsonProcessingException e) {
            throw new SealException(SealException.Reason.CORRUPTED, "not a sealed seed file");
        }
    }

    private static byte[] stretch(char[] passphrase, byte[] salt, int n) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        try {
            return SCrypt.generate(bytes, salt, n, SCRYPT_R, SCRYPT_P, KEY_BYTES);
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (encoded.hasArray()) {
                Arrays.fill(encoded.array(), (byte) 0);
            }
        }
    }

    private static byte[] gcm(int mode, byte[] key, byte[] nonce, byte[] aad, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new SealException(SealException.Reason.CORRUPTED, "authentication failed");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    private static byte[] aad(String custodian) {
        return (FORMAT + "/" + custodian).getBytes(StandardCharsets.UTF_8);
    }

    private static void xorInto(byte[] target, byte[] other) {
        for (int i = 0; i < target.length; i++) {
            target[i] ^= other[i];
        }
    }

    private static byte[] randomBytes(SecureRandom random, int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] unb64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new SealException(SealException.Reason.CORRUPTED, "a field is not base64");
        }
    }
}
