package io.lantau.custody.btc;

/**
 * A key-value pair of a type this codec does not interpret, kept as hex so that it survives a decode and re-encode
 * (BIP-174: an updater or signer must not drop what it does not understand).
 */
public record UnknownEntry(String keyHex, String valueHex) {
}
