package io.lantau.custody.cold;

/**
 * A transaction handed to the offline signer.
 *
 * @param purpose         what it is for, e.g. {@code "cold-to-hot top-up 42"}; shown to the signing officers.
 * @param exportedPayload the PSBT (base64) or the Ethereum export (JSON) that was handed over.
 * @param expectedSigner  BTC: the master key fingerprint; ETH: the cold address.
 * @param signedTxid      the id of the imported signed transaction, or null while it is {@code EXPORTED}.
 */
public record ColdSigningRequest(long id, String chain, String purpose, String exportedPayload,
        String expectedSigner, Status status, String signedTxid) {

    public enum Status {
        EXPORTED, SIGNED
    }
}
