package io.lantau.gateway.compliance;

import io.lantau.compliance.admission.TokenAdmissionService;
import io.lantau.compliance.admission.TokenRecord;
import io.lantau.compliance.profile.JurisdictionProfile;
import io.lantau.gateway.nativeapi.EndpointGroup;
import io.lantau.gateway.nativeapi.NativeRequest;
import io.lantau.gateway.nativeapi.NativeRoutes;
import io.lantau.gateway.nativeapi.NativeRoutes.Access;
import io.lantau.gateway.nativeapi.Reply;
import io.lantau.store.account.Session;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * {@code GET /profile} (public): the jurisdiction profile in force, as clients need it (DESIGN.md section 5: the rules
 * are data and visible): its id, name, valuation currency and fingerprint, the client-facing parameters (TOTP
 * required, HK-29; blocked residencies, HK-06; the retail gates, HK-02 .. HK-04, HK-08; the exposure tiers, HK-04; the
 * incentives allowed to retail, HK-05), the assets retail may trade now (HK-10, HK-14), and the whole profile.
 */
public final class ProfileEndpoints implements EndpointGroup {
    private final JurisdictionProfile profile;
    private final TokenAdmissionService admission;

    /** @param admission the token admission register, for the assets open to retail. */
    public ProfileEndpoints(JurisdictionProfile profile, TokenAdmissionService admission) {
        this.profile = Objects.requireNonNull(profile);
        this.admission = Objects.requireNonNull(admission);
    }

    @Override
    public void register(NativeRoutes routes) {
        new ComplianceRoutes(routes).add(HttpMethod.GET, "/profile", Access.PUBLIC, this::profile);
    }

    /**
     * → 200 {@code {id, name, valuationCurrency, fingerprint, totpRequired, kycRequired, blockedResidencies,
     * minimumAgeYears, retail: {gates, knowledgeQuestionBankVersion, knowledgePassMarkPercent,
     * riskQuestionnaireVersion, tierExposurePercent, disclosureVersion, allowedIncentives, eligibleAssets, sellOnlyAssets},
     * profile}}.
     */
    Reply profile(NativeRequest request, Session session) {
        JsonObject all = new JsonObject(profile.json());
        JsonObject onboarding = all.getJsonObject("onboarding", new JsonObject());
        JsonObject suitability = all.getJsonObject("suitability", new JsonObject());
        JsonArray eligible = new JsonArray();
        JsonArray sellOnly = new JsonArray();
        for (TokenRecord token : admission.list()) {
            switch (token.retailAccess()) {
                case ELIGIBLE -> eligible.add(token.assetCode());
                case SELL_ONLY -> sellOnly.add(token.assetCode());
                default -> {
                }
            }
        }
        JsonObject retail = new JsonObject()
                .put("gates", suitability.getBoolean("retailGates", false))
                .put("knowledgeQuestionBankVersion", suitability.getString("knowledgeQuestionBankVersion"))
                .put("knowledgePassMarkPercent", suitability.getInteger("knowledgePassMarkPercent"))
                .put("riskQuestionnaireVersion", suitability.getString("riskQuestionnaireVersion"))
                .put("tierExposurePercent", suitability.getJsonObject("tierExposurePercent", new JsonObject()))
                .put("disclosureVersion", suitability.getString("disclosureVersion"))
                .put("allowedIncentives", all.getJsonObject("incentives", new JsonObject())
                        .getJsonArray("retailAllowedRewards", new JsonArray()))
                .put("eligibleAssets", eligible)
                .put("sellOnlyAssets", sellOnly);
        return Reply.ok(new JsonObject()
                .put("id", profile.id())
                .put("name", profile.name())
                .put("valuationCurrency", profile.valuationCurrency())
                .put("fingerprint", profile.fingerprint())
                .put("totpRequired", all.getJsonObject("accounts", new JsonObject()).getBoolean("totpRequired", false))
                .put("kycRequired", onboarding.getBoolean("kycRequired", false))
                .put("blockedResidencies", onboarding.getJsonArray("blockedResidencies", new JsonArray()))
                .put("minimumAgeYears", onboarding.getInteger("minimumAgeYears"))
                .put("retail", retail)
                .put("profile", all));
    }
}
