package io.lantau.custody.travelrule;

import java.time.Instant;

/**
 * The travel-rule data kept for one transfer (HK-22: collected, retained and sent with the transfer).
 *
 * @param transferRef the transfer's reference: the withdrawal id for an outgoing one, {@code chain:txid:output} for
 *                    an incoming one.
 * @param valueMinor  its value in the valuation currency, or null if it had no price.
 * @param ivms101     the IVMS 101 JSON ({@link Ivms101.Payload}), exactly as sent.
 */
public record TravelRuleRecord(long id, Direction direction, String transferRef, long accountId, int assetId,
        long amountMinor, Long valueMinor, String valuationCurrency, String ivms101, Instant recordedAt) {
}
