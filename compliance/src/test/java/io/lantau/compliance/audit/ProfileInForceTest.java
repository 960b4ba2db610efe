package io.lantau.compliance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.compliance.profile.JurisdictionProfile;
import io.lantau.compliance.profile.ProfileLoader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProfileInForceTest extends AuditEngineTestBase {
    private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

    @Test
    void shouldRecordProfileOnlyWhenItChanged() {
        AuditTrail trail = new AuditTrail(database.dataSource());
        JurisdictionProfile hk = ProfileLoader.standard().load("HK_VATP");
        JurisdictionProfile open = ProfileLoader.standard().load("OPEN");

        AuditRecord first = ProfileInForce.record(trail, hk, NOW, AuditEntry.SYSTEM);
        AuditRecord again = ProfileInForce.record(trail, hk, NOW.plusSeconds(60), AuditEntry.SYSTEM);
        AuditRecord changed = ProfileInForce.record(trail, open, NOW.plusSeconds(120), "staff:3");

        assertThat(first.kind()).isEqualTo("PROFILE_PARAMETER_CHANGE");
        assertThat(first.subject()).isEqualTo("profile:HK_VATP");
        assertThat(first.details()).contains(hk.fingerprint());
        assertThat(again).isNull();
        assertThat(changed.sequence()).isEqualTo(2);
        assertThat(changed.actor()).isEqualTo("staff:3");
    }
}
