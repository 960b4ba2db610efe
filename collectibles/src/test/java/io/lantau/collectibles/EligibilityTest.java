package io.lantau.collectibles;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.compliance.profile.ProfileLoader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The mainland age gates (CN-05, CN-06): buyers 18+, gift recipients 14+, both real-name verified. */
class EligibilityTest {
    static final Clock NOW = Clock.fixed(Instant.parse("2026-06-15T12:00:00Z"), ZoneOffset.UTC);
    static final Map<Long, LocalDate> BORN = Map.of(
            1L, LocalDate.of(2008, 6, 15), // 18 today
            2L, LocalDate.of(2008, 6, 16), // 18 tomorrow
            3L, LocalDate.of(2012, 6, 15), // 14 today
            4L, LocalDate.of(2012, 6, 16)); // 14 tomorrow

    private final Eligibility cn = new Eligibility(CollectiblesSettings.of(ProfileLoader.standard()
            .loadBuiltIn("CN_DIGITAL_COLLECTIBLES")), id -> Optional.ofNullable(BORN.get(id))
            .map(d -> new Identities.VerifiedIdentity(id, d)), NOW);

    @Test
    void shouldLetOnlyVerifiedAdultsBuy() {
        assertThatCode(() -> cn.requireBuyer(1)).doesNotThrowAnyException();
        assertThatThrownBy(() -> cn.requireBuyer(2)).extracting(e -> ((CollectiblesException) e).refusal())
                .isEqualTo(CollectiblesRefusal.UNDER_AGE);
        assertThatThrownBy(() -> cn.requireBuyer(99)).extracting(e -> ((CollectiblesException) e).refusal())
                .isEqualTo(CollectiblesRefusal.REAL_NAME_REQUIRED);
    }

    @Test
    void shouldLetOnlyVerifiedRecipientsOfFourteenReceiveGifts() {
        assertThatCode(() -> cn.requireRecipient(3)).doesNotThrowAnyException();
        assertThatThrownBy(() -> cn.requireRecipient(4)).extracting(e -> ((CollectiblesException) e).refusal())
                .isEqualTo(CollectiblesRefusal.RECIPIENT_NOT_ELIGIBLE);
        assertThatThrownBy(() -> cn.requireRecipient(99)).extracting(e -> ((CollectiblesException) e).refusal())
                .isEqualTo(CollectiblesRefusal.RECIPIENT_NOT_ELIGIBLE);
    }
}
