package io.lantau.custody.withdrawal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SignatureException;
import java.util.Arrays;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.crypto.WalletUtils;
import org.web3j.utils.Numeric;

/**
 * Ethereum {@code personal_sign} (EIP-191 version 0x45) proofs: a 65-byte signature {@code r || s || v} in hex,
 * recovered with web3j's {@link Sign#signedPrefixedMessageToKey}; {@code v} of 0 or 1 is taken as 27 or 28.
 */
public final class EthereumPersonalSign implements OwnershipProof {

    @Override
    public String chain() {
        return "ETH";
    }

    @Override
    public boolean isValidAddress(String address) {
        return address != null && address.length() == 42 && address.startsWith("0x")
                && WalletUtils.isValidAddress(address);
    }

    @Override
    public boolean verify(String address, String message, String signature) {
        if (!isValidAddress(address) || signature == null) {
            return false;
        }
        byte[] bytes;
        try {
            bytes = Numeric.hexStringToByteArray(signature);
        } catch (RuntimeException e) {
            return false;
        }
        if (bytes.length != 65) {
            return false;
        }
        byte v = bytes[64];
        if (v < 27) {
            v += 27;
        }
        if (v != 27 && v != 28) {
            return false;
        }
        Sign.SignatureData data = new Sign.SignatureData(v, Arrays.copyOfRange(bytes, 0, 32),
                Arrays.copyOfRange(bytes, 32, 64));
        try {
            BigInteger key = Sign.signedPrefixedMessageToKey(message.getBytes(StandardCharsets.UTF_8), data);
            return ("0x" + Keys.getAddress(key)).equalsIgnoreCase(address);
        } catch (SignatureException | RuntimeException e) {
            return false;
        }
    }
}
