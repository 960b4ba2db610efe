package io.lantau.compliance.suitability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExposureLimitTest {

    @Test
    void shouldGiveThreeHundredThousandWhenNetWorthOneMillionAtHighTierWithNoOtherAssets() {
        // HK-04, the Matrixport / REGULATORY.md example, in HKD cents.
        assertThat(ExposureLimit.compute(1_000_000_00L, 30, 0)).isEqualTo(300_000_00L);
    }

    @Test
    void shouldSubtractOtherVirtualAssetsWhenDeclared() {
        assertThat(ExposureLimit.compute(1_000_000_00L, 30, 100_000_00L)).isEqualTo(200_000_00L);
    }

    @Test
    void shouldGiveZeroWhenOtherVirtualAssetsExceedTheAllowance() {
        assertThat(ExposureLimit.compute(1_000_000_00L, 10, 500_000_00L)).isZero();
    }

    @Test
    void shouldRoundDownWhenThePercentageLeavesAFraction() {
        assertThat(ExposureLimit.compute(333, 30, 0)).isEqualTo(99);
    }

    @Test
    void shouldRefuseWhenTheProductOverflowsOrAnInputIsNegative() {
        assertThatThrownBy(() -> ExposureLimit.compute(Long.MAX_VALUE / 10, 30, 0))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> ExposureLimit.compute(-1, 30, 0)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> ExposureLimit.compute(1, 30, -1)).isInstanceOf(ArithmeticException.class);
    }
}
