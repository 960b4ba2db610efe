package io.lantau.gateway.compliance;

import io.lantau.compliance.admission.AdmissionException;
import io.lantau.compliance.campaign.CampaignException;
import io.lantau.compliance.onboarding.OnboardingException;
import io.lantau.compliance.screening.ScreeningException;
import io.lantau.compliance.suitability.SuitabilityException;
import io.lantau.gateway.nativeapi.NativeRoutes;
import io.lantau.gateway.nativeapi.Reply;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * {@link NativeRoutes} for the compliance endpoint groups: every handler added here answers a service's refusal
 * exception as a native API refusal ({@code {"code", "message"}}) with the refusal's name as the code and the status
 * of {@link RefusalStatuses}. A refusal changes nothing: the services check before they write.
 */
final class ComplianceRoutes {
    private final NativeRoutes routes;

    ComplianceRoutes(NativeRoutes routes) {
        this.routes = routes;
    }

    void add(HttpMethod method, String path, NativeRoutes.Access access, NativeRoutes.Handler handler) {
        add(method, path, access, 0, handler);
    }

    void add(HttpMethod method, String path, NativeRoutes.Access access, int maxBodyBytes,
            NativeRoutes.Handler handler) {
        routes.add(method, path, access, maxBodyBytes, (request, session) -> {
            try {
                return handler.handle(request, session);
            } catch (OnboardingException e) {
                JsonObject extra = new JsonObject();
                if (!e.missingGates().isEmpty()) {
                    extra.put("missing", names(e.missingGates()));
                }
                return Reply.error(RefusalStatuses.codeOf(e.code(), e.getMessage()), extra);
            } catch (SuitabilityException e) {
                return Reply.error(RefusalStatuses.codeOf(e.code(), e.getMessage()), new JsonObject());
            } catch (ScreeningException e) {
                return Reply.error(RefusalStatuses.codeOf(e.refusal(), e.getMessage()), new JsonObject());
            } catch (AdmissionException e) {
                // An admission may be blocked by several rules at once (HK-11, HK-12): name them all.
                return Reply.error(RefusalStatuses.codeOf(e.refusal(), e.getMessage()),
                        new JsonObject().put("blockers", names(e.blockers())));
            } catch (CampaignException e) {
                return Reply.error(RefusalStatuses.codeOf(e.refusal(), e.getMessage()), new JsonObject());
            }
        });
    }

    static JsonArray names(Iterable<? extends Enum<?>> values) {
        JsonArray array = new JsonArray();
        values.forEach(v -> array.add(v.name()));
        return array;
    }
}
