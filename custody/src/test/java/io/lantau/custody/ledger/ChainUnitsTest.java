package io.lantau.custody.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.compliance.profile.ProfileLoader;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Wei against the books' 8 decimals, and the custody section of every built-in profile. */
class ChainUnitsTest {
    final ChainUnits eth = ChainAsset.ETH.units();

    @Test
    void shouldConvertMinorUnitsToWeiExactly() {
        assertThat(eth.basePerMinor()).isEqualTo(BigInteger.TEN.pow(10));
        assertThat(eth.toBase(150_000_000L)).isEqualTo(new BigInteger("1500000000000000000"));
        assertThat(eth.toBase(Long.MAX_VALUE)).isEqualTo(BigInteger.valueOf(Long.MAX_VALUE)
                .multiply(BigInteger.TEN.pow(10)));
    }

    @Test
    void shouldCreditWholeMinorUnitsAndHoldDust() {
        ChainUnits.Split split = eth.split(new BigInteger("1234567891234567891"));
        assertThat(split.creditMinor()).isEqualTo(123_456_789L);
        assertThat(split.dustBase()).isEqualTo(new BigInteger("1234567891"));
        assertThat(eth.split(new BigInteger("9999999999")).creditMinor()).isZero();
    }

    @Test
    void shouldRefuseCreditPastLongRange() {
        BigInteger tooBig = BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE).multiply(eth.basePerMinor());
        assertThatThrownBy(() -> eth.split(tooBig)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void shouldBindCustodySectionOfEveryBuiltInProfile() {
        for (String id : ProfileLoader.BUILT_IN) {
            CustodySettings settings = CustodySettings.of(ProfileLoader.standard().loadBuiltIn(id));
            assertThat(settings.depositConfirmations()).isPositive();
            assertThat(settings.limits("ETH").accountDailyMinor()).isPositive();
            assertThat(settings.limits("BTC")).isNotNull();
        }
        CustodySettings hk = CustodySettings.of(ProfileLoader.standard().loadBuiltIn("HK_VATP"));
        assertThat(hk.withdrawalTotpRequired()).isTrue();
        assertThat(hk.newAddressCooldownHours()).isEqualTo(24);
    }
}
