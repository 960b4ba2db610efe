package io.lantau.custody.signer;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A private key encrypted at rest for two operators together (HK-19: no single person can use the key): AES-256-GCM
 * under a key-encryption key that is SHA-256 over both operators' PBKDF2-HMAC-SHA256 derived keys (each with its own
 * salt), taken in operator-id order. Neither secret alone, nor one operator's secret given twice, opens it; a wrong
 * secret or any change to the stored text fails GCM's authentication. The operator ids and the address are bound as
 * associated data. The text form ({@link #encode()}) holds no secret. Immutable.
 */
public final class SealedKey {
    private static final String VERSION = "v1";
    private static final int ITERATIONS = 120_000;
    private static final int SALT_BYTES = 16;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final String address;
    private final String operatorA;
    private final byte[] saltA;
    private final String operatorB;
    private final byte[] saltB;
    private final byte[] iv;
    private final byte[] ciphertext;

    private SealedKey(String address, String operatorA, byte[] saltA, String operatorB, byte[] saltB, byte[] iv,
            byte[] ciphertext) {
        this.address = address;
        this.operatorA = operatorA;
        this.saltA = saltA;
        this.operatorB = operatorB;
        this.saltB = saltB;
        this.iv = iv;
        this.ciphertext = ciphertext;
    }

    /**
     * Seals {@code privateKey} for two distinct operators.
     *
     * @param address the key's address (bound to the ciphertext; shown without unsealing).
     */
    public static SealedKey seal(byte[] privateKey, String address, OperatorSecret first, OperatorSecret second,
            SecureRandom random) {
        OperatorSecret[] pair = ordered(first, second);
        byte[] saltA = new byte[SALT_BYTES];
        byte[] saltB = new byte[SALT_BYTES];
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(saltA);
        random.nextBytes(saltB);
        random.nextBytes(iv);
        SealedKey header = new SealedKey(address, pair[0].operatorId(), saltA, pair[1].operatorId(), saltB, iv, null);
        byte[] kek = header.kek(pair[0], pair[1]);
        try {
            Cipher cipher = header.cipher(Cipher.ENCRYPT_MODE, kek);
            return new SealedKey(address, header.operatorA, saltA, header.operatorB, saltB, iv,
                    cipher.doFinal(privateKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JRE", e);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    /**
     * @return the private key; the caller wipes it after use.
     * @throws SignerRefusedException {@code OPERATORS_NOT_DISTINCT} for one operator twice, {@code UNSEAL_FAILED}
     *                                for other operators than the sealed-for pair or a wrong secret.
     */
    public byte[] open(OperatorSecret first, OperatorSecret second) {
        OperatorSecret[] pair = ordered(first, second);
        if (!pair[0].operatorId().equals(operatorA) || !pair[1].operatorId().equals(operatorB)) {
            throw new SignerRefusedException(SignerRefusedException.Reason.UNSEAL_FAILED,
                    "the key is sealed for other operators");
        }
        byte[] kek = kek(pair[0], pair[1]);
        try {
            return cipher(Cipher.DECRYPT_MODE, kek).doFinal(ciphertext);
        } catch (GeneralSecurityException e) {
            throw new SignerRefusedException(SignerRefusedException.Reason.UNSEAL_FAILED, "a secret is wrong");
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    /** @return the address of the sealed key. */
    public String address() {
        return address;
    }

    /** @return the storable text: version, address, both operators with their salts, IV and ciphertext. */
    public String encode() {
        return String.join(":", VERSION, address, operatorA, B64.encodeToString(saltA), operatorB,
                B64.encodeToString(saltB), B64.encodeToString(iv), B64.encodeToString(ciphertext));
    }

    /** @throws IllegalArgumentException if {@code text} is not a sealed key's {@link #encode()}. */
    public static SealedKey decode(String text) {
        String[] p = text.split(":", -1);
        if (p.length != 8 || !p[0].equals(VERSION)) {
            throw new IllegalArgumentException("not a sealed key");
        }
        return new SealedKey(p[1], p[2], B64D.decode(p[3]), p[4], B64D.decode(p[5]), B64D.decode(p[6]),
                B64D.decode(p[7]));
    }

    private static OperatorSecret[] ordered(OperatorSecret first, OperatorSecret second) {
        if (first.operatorId().equals(second.operatorId())) {
            throw new SignerRefusedException(SignerRefusedException.Reason.OPERATORS_NOT_DISTINCT,
                    "one operator cannot stand for two");
        }
        if (first.operatorId().contains(":") || second.operatorId().contains(":")) {
            throw new IllegalArgumentException("operator ids cannot contain ':'");
        }
        return first.operatorId().compareTo(second.operatorId()) < 0
                ? new OperatorSecret[] {first, second} : new OperatorSecret[] {second, first};
    }

    private byte[] kek(OperatorSecret a, OperatorSecret b) {
        byte[] ka = pbkdf2(a.secret(), saltA);
        byte[] kb = pbkdf2(b.secret(), saltB);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("lantau-hot-signer-kek".getBytes(StandardCharsets.US_ASCII));
            sha.update(ka);
            sha.update(kb);
            return sha.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        } finally {
            Arrays.fill(ka, (byte) 0);
            Arrays.fill(kb, (byte) 0);
        }
    }

    private static byte[] pbkdf2(char[] secret, byte[] salt) {
        PBEKeySpec spec = new PBEKeySpec(secret, salt, ITERATIONS, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is part of every JRE", e);
        } finally {
            spec.clearPassword();
        }
    }

    private Cipher cipher(int mode, byte[] kek) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD((VERSION + ":" + address + ":" + operatorA + ":" + operatorB)
                .getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
