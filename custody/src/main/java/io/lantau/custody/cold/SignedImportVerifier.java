package io.lantau.custody.cold;

/** Checks that a signed payload is the exported transaction, correctly signed; one implementation per chain. */
interface SignedImportVerifier {

    /**
     * @param exported       what the platform exported (stored, not supplied by the operator).
     * @param expectedSigner the chain-specific signer identity recorded with the export.
     * @param signed         the payload the offline signer returned.
     * @return the network transaction to broadcast.
     * @throws ColdSigningException with the code of the first difference or failure found.
     */
    SignedTransaction verify(String exported, String expectedSigner, String signed);
}
