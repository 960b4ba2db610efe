package io.lantau.custody.signer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A hot-to-cold sweep as the platform planned it (HK-16): the signer signs a transaction built from this and nothing
 * else, and only when its destination is the configured cold address (HK-17: client assets leave the hot wallet for
 * cold storage, never for anywhere else on a sweep).
 *
 * @param sweepId     the sweep's id ({@code custody_sweeps}); one id, one transaction.
 * @param chain       the chain code ({@code "ETH"}).
 * @param from        the hot wallet's address.
 * @param to          the cold address.
 * @param amountMinor what cold storage receives, in the asset's minor units.
 */
public record SweepInstruction(long sweepId, String chain, String from, String to, long amountMinor) {

    /**
     * @return the SHA-256 (lower-case hex) of the canonical instruction: a versioned line per field in a fixed order,
     *     addresses in lower case (a checksummed spelling of one address is the same address).
     */
    public String hash() {
        String canonical = "lantau-sweep-v1\n" + sweepId + "\n" + chain + "\n" + from.toLowerCase(Locale.ROOT) + "\n"
                + to.toLowerCase(Locale.ROOT) + "\n" + amountMinor + "\n";
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
