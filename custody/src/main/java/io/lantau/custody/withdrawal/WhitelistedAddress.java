package io.lantau.custody.withdrawal;

import java.time.Instant;

/**
 * A destination a client proved to own (HK-18).
 *
 * @param usableFrom when the cool-down ends and withdrawals to it are allowed.
 */
public record WhitelistedAddress(long whitelistId, long accountId, String chain, String address, String label,
        String proofKind, Instant addedAt, Instant usableFrom) {
}
