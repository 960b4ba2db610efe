package io.lantau.custody.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The core ids custody uses, derived deterministically so that a retry (after a crash, a rescan or a repeated client
 * request) sends the core the same id and the core's idempotency makes it a no-op: the first 63 bits of SHA-256 over
 * a labelled text, never 0. Collisions between different inputs are as unlikely as a 63-bit hash collision; the core
 * answers {@code DUPLICATE_ID_MISMATCH} if one ever happens, and nothing is credited twice. Stateless.
 */
public final class CustodyIds {
    private CustodyIds() {
    }

    /** @return the core deposit id of one on-chain output: {@code (chain, txid, outputIndex)}. */
    public static long depositId(String chain, String txid, int outputIndex) {
        return id("deposit|" + chain + "|" + txid + "|" + outputIndex);
    }

    /** @return the core withdrawal id of a client's request: {@code (chain, accountId, requestId)}. */
    public static long withdrawalId(String chain, long accountId, String requestId) {
        return id("withdrawal|" + chain + "|" + accountId + "|" + requestId);
    }

    private static long id(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            long id = ByteBuffer.wrap(digest).getLong() & Long.MAX_VALUE;
            return id == 0 ? 1 : id;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
