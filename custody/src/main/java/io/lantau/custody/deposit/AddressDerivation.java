package io.lantau.custody.deposit;

/**
 * Derives the n-th deposit address of a chain from the platform's extended public key (the private keys live only in
 * the signer): {@code m/44'/60'/0'/0/n} for Ethereum. Deterministic and thread-safe.
 */
@FunctionalInterface
public interface AddressDerivation {
    String address(long index);
}
