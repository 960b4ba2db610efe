package io.lantau.compliance.admission;

import java.time.LocalDate;
import java.util.List;

/**
 * An asset put forward for admission.
 *
 * @param assetCode              the asset's code as in the core's configuration (e.g. {@code BTC}).
 * @param name                   its name.
 * @param tokenType              virtual asset or security token (HK-12 track-record rule).
 * @param issueDate              when it was first issued (HK-12: track record counts from here).
 * @param smartContractRelevant  whether it depends on smart contracts, so that an audit artefact is required (HK-11).
 * @param marketIds              the core markets whose base asset it is; committee decisions on retail access apply
 *                               to each.
 */
public record TokenApplication(
        String assetCode,
        String name,
        TokenType tokenType,
        LocalDate issueDate,
        boolean smartContractRelevant,
        List<Integer> marketIds) {

    public TokenApplication {
        marketIds = marketIds == null ? null : List.copyOf(marketIds);
    }
}
