package io.lantau.compliance.admission;

import java.util.List;

/** A refused admission-register request; {@link #refusal()} is the stable code. Nothing was changed. */
public final class AdmissionException extends RuntimeException {
    private final AdmissionRefusal refusal;
    private final List<AdmissionRefusal> blockers;

    public AdmissionException(AdmissionRefusal refusal, String detail) {
        this(refusal, List.of(refusal), detail);
    }

    /** For a refused admission: {@code blockers} lists every rule that blocks it, {@code refusal} the first. */
    public AdmissionException(AdmissionRefusal refusal, List<AdmissionRefusal> blockers, String detail) {
        super(refusal.name() + ": " + detail);
        this.refusal = refusal;
        this.blockers = List.copyOf(blockers);
    }

    /** @return the stable code. */
    public AdmissionRefusal refusal() {
        return refusal;
    }

    /** @return every rule that refused the request (several may block an admission at once). */
    public List<AdmissionRefusal> blockers() {
        return blockers;
    }
}
