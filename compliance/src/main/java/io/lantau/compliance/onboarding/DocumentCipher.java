package io.lantau.compliance.onboarding;

/**
 * Seals KYC data at rest: authenticated encryption under the platform's master key. The wiring implements it with
 * the gateway's {@code SecretCipher} (AES-256-GCM, random nonce per call), so the same plaintext seals differently
 * each time. Thread-safe.
 */
public interface DocumentCipher {

    /** @return the sealed bytes. */
    byte[] encrypt(byte[] plaintext);

    /** @throws IllegalArgumentException if the bytes were altered or sealed under another key. */
    byte[] decrypt(byte[] ciphertext);
}
