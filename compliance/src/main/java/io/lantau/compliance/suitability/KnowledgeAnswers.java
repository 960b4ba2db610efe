package io.lantau.compliance.suitability;

import java.util.List;
import java.util.Map;

/**
 * A retail client's answers to the virtual-asset knowledge assessment (HK-02): the test answers and the structured
 * evidence the SFC's criteria ask about, with their follow-up details. Kept as submitted, as the audit record.
 *
 * @param questionBankVersion the version of the question bank the client answered; must be the one in force.
 * @param testAnswers         question id to chosen option id, one for every question of the bank.
 * @param training            (a) training or courses on virtual assets; empty if none.
 * @param workExperience      (b) current or previous work experience; empty if none.
 * @param tradingExperience   (c) prior virtual-asset trading; empty if none.
 */
public record KnowledgeAnswers(
        String questionBankVersion,
        Map<String, String> testAnswers,
        List<Training> training,
        List<WorkExperience> workExperience,
        List<TradingExperience> tradingExperience) {

    public KnowledgeAnswers {
        testAnswers = testAnswers == null ? Map.of() : Map.copyOf(testAnswers);
        training = training == null ? List.of() : List.copyOf(training);
        workExperience = workExperience == null ? List.of() : List.copyOf(workExperience);
        tradingExperience = tradingExperience == null ? List.of() : List.copyOf(tradingExperience);
    }

    /** Who gave a course (the SFC's follow-up question on the provider). */
    public enum ProviderType {
        PLATFORM_OPERATOR,
        UNIVERSITY,
        PROFESSIONAL_BODY,
        ONLINE_COURSE,
        OTHER
    }

    /** The business of an employer (the SFC's follow-up question on the employer). */
    public enum EmployerType {
        VIRTUAL_ASSET_PLATFORM,
        VIRTUAL_ASSET_ISSUER_OR_DEVELOPER,
        FINANCIAL_INSTITUTION_VIRTUAL_ASSETS,
        FINANCIAL_INSTITUTION_OTHER,
        OTHER;

        /** @return true if the work deals with virtual assets. */
        public boolean virtualAssetRelated() {
            return this == VIRTUAL_ASSET_PLATFORM || this == VIRTUAL_ASSET_ISSUER_OR_DEVELOPER
                    || this == FINANCIAL_INSTITUTION_VIRTUAL_ASSETS;
        }
    }

    /** How often the client traded. */
    public enum Frequency {
        LESS_THAN_MONTHLY,
        MONTHLY,
        WEEKLY,
        DAILY
    }

    /**
     * A course on virtual assets.
     *
     * @param topics the areas covered (e.g. "blockchain basics", "custody and private keys"); at least one.
     */
    public record Training(ProviderType providerType, String providerName, List<String> topics, int completedYear) {
        public Training {
            topics = topics == null ? List.of() : List.copyOf(topics);
        }
    }

    /** A job, with the employer's business and the client's role in it. */
    public record WorkExperience(EmployerType employerType, String employerName, String role, int months) {
    }

    /**
     * Prior virtual-asset trading.
     *
     * @param assets       the virtual assets traded (e.g. "BTC", "ETH").
     * @param volumeMinor  the total traded, in the valuation currency's minor units.
     * @param frequency    how often.
     * @param periodMonths over how many months.
     */
    public record TradingExperience(List<String> assets, long volumeMinor, Frequency frequency, int periodMonths) {
        public TradingExperience {
            assets = assets == null ? List.of() : List.copyOf(assets);
        }
    }
}
