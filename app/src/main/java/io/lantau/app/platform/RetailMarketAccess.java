package io.lantau.app.platform;

import io.lantau.compliance.admission.TokenAdmissionService;
import io.lantau.compliance.admission.TokenRecord;
import io.lantau.core.RetailAccess;
import io.lantau.core.command.SetRetailAccess;
import io.lantau.core.config.CoreConfig;
import io.lantau.core.config.MarketSpec;
import io.lantau.store.dispatch.CommandSubmitter;
import java.util.Optional;

/**
 * Retail access fails closed (HK-10: retail may trade only eligible large-cap virtual assets the platform admitted):
 * under a profile with retail gates, every market whose base asset has no token-admission committee decision yet is
 * NOT_ELIGIBLE for retail clients; the committee's decisions ({@link TokenAdmissionService#decide}) and the operator
 * ({@code POST /admin/retail-access}) open markets. Professional investors are not affected. Sent when a platform
 * starts for the first time; afterwards the journal keeps what was decided.
 */
final class RetailMarketAccess {
    private RetailMarketAccess() {
    }

    /** @return how many commands were sent. */
    static int closeUndecidedMarkets(CoreConfig config, TokenAdmissionService admission, CommandSubmitter submitter) {
        int sent = 0;
        for (MarketSpec m : config.markets()) {
            Optional<TokenRecord> token = admission.find(m.base().code());
            boolean decided = token.isPresent() && token.get().lastDecisionAt() != null
                    && token.get().marketIds().contains(m.marketId());
            if (!decided && submitter.submit(new SetRetailAccess(m.marketId(), RetailAccess.NOT_ELIGIBLE),
                    record -> { })) {
                sent++;
            }
        }
        return sent;
    }
}
