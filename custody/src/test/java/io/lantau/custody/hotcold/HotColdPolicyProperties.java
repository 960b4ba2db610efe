package io.lantau.custody.hotcold;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.compliance.profile.ProfileLoader;
import io.lantau.custody.ledger.CustodySettings;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** HK-16 under the HK_VATP profile: at least 98 % of each client asset cold, at most 2 % hot. */
class HotColdPolicyProperties {
    static final HotColdPolicy HK = new HotColdPolicy(ProfileLoader.standard().loadBuiltIn("HK_VATP")
            .section(CustodySettings.SECTION, CustodySettings.class));

    @Property
    void afterTheSweepAtLeastNinetyEightPercentIsCold(@ForAll @LongRange(min = 0, max = 4_000_000_000_000_000L) long hot,
            @ForAll @LongRange(min = 0, max = 4_000_000_000_000_000L) long cold) {
        long sweep = HK.sweepMinor(hot, cold);
        long hotAfter = hot - sweep;
        long coldAfter = cold + sweep;

        assertThat(HK.breached(hotAfter, coldAfter)).isFalse();
        assertThat(java.math.BigInteger.valueOf(coldAfter).multiply(java.math.BigInteger.valueOf(100)))
                .isGreaterThanOrEqualTo(java.math.BigInteger.valueOf(hotAfter + coldAfter)
                        .multiply(java.math.BigInteger.valueOf(98)));
        assertThat(sweep > 0).isEqualTo(HK.breached(hot, cold));
    }

    @Property
    void theHotWalletNeverReleasesMoreThanItsCapOrItsBalance(@ForAll @LongRange(min = 0, max = 1L << 60) long hot,
            @ForAll @LongRange(min = 0, max = 1L << 60) long cold) {
        long releasable = HK.releasableMinor(hot, cold);

        assertThat(releasable).isBetween(0L, hot);
        assertThat(releasable).isLessThanOrEqualTo(HK.maxHotMinor(hot + cold));
    }

    @Example
    void capRoundsDownSoTheRuleIsNeverRelaxed() {
        assertThat(HK.maxHotMinor(10_000)).isEqualTo(200);
        assertThat(HK.maxHotMinor(149)).isEqualTo(2);
        assertThat(HK.maxHotMinor(49)).isZero();
        assertThat(HK.breached(201, 9_799)).isTrue();
        assertThat(HK.breached(200, 9_800)).isFalse();
        assertThat(HK.sweepMinor(1_000, 9_000)).isEqualTo(800);
        assertThat(HK.releasableMinor(1_000, 9_000)).isEqualTo(200);
        assertThat(HK.releasableMinor(150, 9_850)).isEqualTo(150);
    }
}
