package io.lantau.core.command;

import io.lantau.core.InvestorClass;

/**
 * Classify an account (HK-01) and set its virtual-asset exposure limit (HK-04).
 *
 * @param exposureLimitMinor the most its virtual-asset holdings plus open buy orders may be worth, in the minor units
 *                           that reference prices are quoted in; ignored for professional investors; ≥ 0.
 */
public record SetInvestorProfile(long accountId, InvestorClass investorClass, long exposureLimitMinor)
        implements Command {
}
