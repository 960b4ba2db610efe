package io.lantau.custody.reserves;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.Locale;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * Ethereum's personal_sign (EIP-191 {@code "\x19Ethereum Signed Message:\n" + length} prefix): recovers the signing
 * key with web3j's {@link Sign#signedPrefixedMessageToKey} and compares its address. The signature is the usual 65
 * bytes r ‖ s ‖ v in hex, v being 27/28 (or 0/1). Stateless, thread-safe.
 */
public final class EthereumControlProofVerifier implements ControlProofVerifier {
    private static final int SIGNATURE_BYTES = 65;

    @Override
    public String chain() {
        return "ETH";
    }

    @Override
    public boolean proves(String address, String message, String signature) {
        if (address == null || message == null || signature == null
                || !address.matches("0x[0-9a-fA-F]{40}") || !signature.matches("(0x)?[0-9a-fA-F]{130}")) {
            return false;
        }
        byte[] bytes = Numeric.hexStringToByteArray(signature);
        byte v = bytes[SIGNATURE_BYTES - 1];
        if (v == 0 || v == 1) {
            v += 27;
        }
        if (v != 27 && v != 28) {
            return false;
        }
        Sign.SignatureData data = new Sign.SignatureData(v, Arrays.copyOfRange(bytes, 0, 32),
                Arrays.copyOfRange(bytes, 32, 64));
        try {
            BigInteger key = Sign.signedPrefixedMessageToKey(message.getBytes(StandardCharsets.UTF_8), data);
            return ("0x" + Keys.getAddress(key)).equals(address.toLowerCase(Locale.ROOT));
        } catch (SignatureException | RuntimeException e) {
            // web3j reports a signature that recovers no key (r or s zero or out of range) with plain exceptions.
            return false;
        }
    }
}
