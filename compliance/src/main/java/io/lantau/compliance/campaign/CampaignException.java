package io.lantau.compliance.campaign;

/** A refused campaign; {@link #refusal()} is the stable code. Nothing was stored. */
public final class CampaignException extends RuntimeException {
    private final CampaignRefusal refusal;

    public CampaignException(CampaignRefusal refusal, String detail) {
        super(refusal.name() + ": " + detail);
        this.refusal = refusal;
    }

    /** @return the stable code. */
    public CampaignRefusal refusal() {
        return refusal;
    }
}
