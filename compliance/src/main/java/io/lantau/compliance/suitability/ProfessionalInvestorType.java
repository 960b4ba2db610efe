package io.lantau.compliance.suitability;

/** The kind of professional investor under Schedule 1 of the VATP Guidelines (HK-01). */
public enum ProfessionalInvestorType {
    /** An individual meeting the portfolio threshold (alone or with associates). */
    INDIVIDUAL,
    /** A corporation or partnership meeting the portfolio or total-assets threshold. */
    CORPORATE,
    /** An institution (bank, licensed corporation, insurer, scheme, government body …). */
    INSTITUTIONAL
}
