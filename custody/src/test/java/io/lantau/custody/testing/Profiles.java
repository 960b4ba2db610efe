package io.lantau.custody.testing;

import io.lantau.compliance.profile.ProfileLoader;
import io.lantau.custody.ledger.CustodySettings;
import java.util.Map;

/** The built-in profiles' custody sections, and variants of them for tests that need one threshold moved. */
public final class Profiles {
    private Profiles() {
    }

    public static CustodySettings hongKong() {
        return CustodySettings.of(ProfileLoader.standard().loadBuiltIn("HK_VATP"));
    }

    public static CustodySettings open() {
        return CustodySettings.of(ProfileLoader.standard().loadBuiltIn("OPEN"));
    }

    /** @return {@code base} with the ETH limits replaced. */
    public static CustodySettings withEthLimits(CustodySettings base, CustodySettings.WithdrawalLimits eth) {
        return new CustodySettings(base.minColdPercent(), base.maxHotPercent(), base.depositConfirmations(),
                base.newAddressCooldownHours(), base.withdrawalConfirmations(), base.withdrawalTotpRequired(),
                Map.of("ETH", eth, "BTC", base.limits("BTC")));
    }
}
