package io.lantau.custody.withdrawal;

/**
 * Verifies that whoever controls an address signed a text (HK-18, SFC AML Guideline 12.10.6: the message-signing
 * test): Ethereum {@code personal_sign} ({@link EthereumPersonalSign}); a Bitcoin signed-message verifier can be
 * added for its chain. Stateless and thread-safe.
 */
public interface OwnershipProof {

    /** @return the chain code it verifies for. */
    String chain();

    /** @return whether {@code address} is well-formed for the chain. */
    boolean isValidAddress(String address);

    /** @return whether {@code signature} is the key of {@code address} signing exactly {@code message}. */
    boolean verify(String address, String message, String signature);

    /**
     * @return the text a client signs to prove they own {@code address} for their account: it names the platform, the
     *     account and the address, so a proof given for one account or address proves nothing for another.
     */
    static String challenge(long accountId, String chain, String address) {
        return "Lantau address ownership: I control " + chain + " address " + address.toLowerCase(java.util.Locale.ROOT)
                + " and allow withdrawals to it from Lantau account " + accountId + ".";
    }
}
