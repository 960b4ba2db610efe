package io.lantau.compliance.admission;

/**
 * The due-diligence factors of VATP Guidelines paragraph 7.6 (a)-(j) (HK-12). Every one needs a record before an
 * asset can be admitted.
 */
public enum DueDiligenceFactor {
    /** 7.6(a): background of the management or development team and key persons. */
    TEAM_BACKGROUND("7.6(a)"),
    /** 7.6(b): regulatory status in Hong Kong and elsewhere. */
    REGULATORY_STATUS("7.6(b)"),
    /** 7.6(c): supply, demand, maturity and liquidity, including the track record. */
    SUPPLY_DEMAND_MATURITY_LIQUIDITY("7.6(c)"),
    /** 7.6(d): technical aspects, including the security of its infrastructure and smart contracts. */
    TECHNICAL_ASPECTS("7.6(d)"),
    /** 7.6(e): development of the asset (roadmap, activity). */
    DEVELOPMENT("7.6(e)"),
    /** 7.6(f): market and governance risks. */
    MARKET_AND_GOVERNANCE_RISKS("7.6(f)"),
    /** 7.6(g): legal risks for the asset, its issuer and the operator. */
    LEGAL_RISKS("7.6(g)"),
    /** 7.6(h): indications of fraud or illegality, including reliance on a continuous inflow of funds. */
    FRAUD_OR_ILLEGALITY("7.6(h)"),
    /** 7.6(i): enforceability of any extrinsic rights the asset claims to confer. */
    EXTRINSIC_RIGHTS("7.6(i)"),
    /** 7.6(j): money-laundering and terrorist-financing risks. */
    ML_TF_RISKS("7.6(j)");

    private final String paragraph;

    DueDiligenceFactor(String paragraph) {
        this.paragraph = paragraph;
    }

    /** @return the guideline paragraph, e.g. {@code 7.6(c)}. */
    public String paragraph() {
        return paragraph;
    }
}
