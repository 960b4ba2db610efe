package io.lantau.collectibles;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.compliance.profile.ProfileLoader;
import org.junit.jupiter.api.Test;

/** Each built-in profile's {@code collectibles} section binds, and carries the rules REGULATORY.md §B asks for. */
class CollectiblesSettingsTest {

    private static CollectiblesSettings of(String id) {
        return CollectiblesSettings.of(ProfileLoader.standard().loadBuiltIn(id));
    }

    @Test
    void shouldCarryTheMainlandRules() {
        CollectiblesSettings cn = of("CN_DIGITAL_COLLECTIBLES");

        assertThat(cn.secondaryMarket()).isFalse(); // CN-03
        assertThat(cn.exportToPublicChain()).isFalse(); // CN-07
        assertThat(cn.allowedCurrencies()).containsExactly("CNY"); // CN-04
        for (Category c : Category.values()) {
            assertThat(cn.allows(c)).as(c.name()).isEqualTo(!c.financial()); // CN-01
        }
        assertThat(cn.realNameRequired()).isTrue(); // CN-05
        assertThat(cn.giftHoldingDays()).isEqualTo(180); // CN-06 (Jingtan 2022)
        assertThat(cn.recipientHoldingDays()).isEqualTo(730);
        assertThat(cn.recipientMinimumAgeYears()).isEqualTo(14);
    }

    @Test
    void shouldOpenTheMarketUnderHkAndOpen() {
        for (String id : new String[] {"HK_VATP", "OPEN"}) {
            CollectiblesSettings s = of(id);
            assertThat(s.secondaryMarket()).isTrue();
            assertThat(s.exportToPublicChain()).isTrue();
            assertThat(s.forbiddenCategories()).isEmpty();
            assertThat(s.platformFeeBps() + s.maxRoyaltyBps()).isLessThanOrEqualTo(10_000);
        }
    }
}
