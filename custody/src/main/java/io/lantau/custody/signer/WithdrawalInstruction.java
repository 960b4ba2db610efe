package io.lantau.custody.signer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What a client instructed, as approved (HK-18): the signer signs a transaction built from this and nothing else.
 *
 * @param amountMinor what the destination receives, in the asset's minor units.
 * @param feeMinor    the client's withdrawal fee, taken with the amount.
 */
public record WithdrawalInstruction(long withdrawalId, long accountId, String chain, String asset,
        String destination, long amountMinor, long feeMinor) {

    /**
     * @return the SHA-256 (lower-case hex) of the canonical instruction: a versioned line per field in a fixed order,
     *     the destination in lower case (a checksummed spelling of one address is the same destination).
     */
    public String hash() {
        String canonical = "lantau-withdrawal-v1\n" + withdrawalId + "\n" + accountId + "\n" + chain + "\n" + asset
                + "\n" + destination.toLowerCase(Locale.ROOT) + "\n" + amountMinor + "\n" + feeMinor + "\n";
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
