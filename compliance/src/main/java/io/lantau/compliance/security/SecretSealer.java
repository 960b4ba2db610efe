package io.lantau.compliance.security;

/**
 * Encrypts secrets at rest (the TOTP shared secrets): the gateway's {@code SecretCipher} (AES-256-GCM under the master
 * key) in production. Implementations are thread-safe; tampering must fail {@link #open}.
 */
public interface SecretSealer {
    /** @return the sealed form of {@code plaintext}, safe to store. */
    byte[] seal(byte[] plaintext);

    /** @return the plaintext; throws {@link IllegalArgumentException} if it does not open. */
    byte[] open(byte[] sealed);
}
