package io.lantau.custody.cold;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the platform hands the offline signer for an Ethereum transaction: the unsigned EIP-1559 transaction as hex
 * RLP (web3j {@code TransactionEncoder}), the cold address it spends from and that address's derivation path, so the
 * signer can find the key and check it is the right one.
 *
 * @param unsignedHex 0x-prefixed unsigned typed transaction ({@code 0x02 || rlp([...])}).
 * @param from        the EIP-55 address that must sign.
 * @param path        the signer's derivation path of {@code from}, e.g. {@code m/44'/60'/1'/0/0}.
 */
public record EthereumColdExport(String unsignedHex, String from, String path) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @return the export as one line of JSON, the form stored and carried to the signer. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws IllegalArgumentException if the text is not an export. */
    public static EthereumColdExport fromJson(String json) {
        try {
            EthereumColdExport export = JSON.readValue(json, EthereumColdExport.class);
            if (export.unsignedHex == null || export.from == null || export.path == null) {
                throw new IllegalArgumentException("an Ethereum export needs unsignedHex, from and path");
            }
            return export;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an Ethereum cold export", e);
        }
    }
}
