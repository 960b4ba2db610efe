package io.lantau.gateway.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets at rest (API key secrets, later KYC documents) with AES-256-GCM under a key derived from the
 * master key. Each ciphertext is {@code [12-byte nonce][ciphertext with tag]}; tampering fails decryption. The master
 * key comes from configuration and is never logged.
 */
public final class SecretCipher {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** @param masterKey the configured master key (any length; at least 16 characters is required). */
    public SecretCipher(String masterKey) {
        if (masterKey == null || masterKey.length() < 16) {
            throw new IllegalArgumentException("the master key must have at least 16 characters");
        }
        try {
            byte[] derived = MessageDigest.getInstance("SHA-256")
                    .digest(("lantau-secrets-v1:" + masterKey).getBytes(StandardCharsets.UTF_8));
            this.key = new SecretKeySpec(derived, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] encrypt(byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws IllegalArgumentException if the ciphertext was altered or made under another master key. */
    public byte[] decrypt(byte[] ciphertext) {
        if (ciphertext == null || ciphertext.length <= NONCE_BYTES) {
            throw new IllegalArgumentException("not a sealed secret");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, ciphertext, 0, NONCE_BYTES));
            return cipher.doFinal(ciphertext, NONCE_BYTES, ciphertext.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the sealed secret does not open under this master key", e);
        }
    }
}
