package io.lantau.compliance.onboarding;

import io.lantau.store.EngineTestBase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.ZoneOffset;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessLogTest extends EngineTestBase {
    private AccessLog log;

    @BeforeEach
    void setUp() {
        log = new AccessLog(database.dataSource(), Clock.fixed(Harness.NOW, ZoneOffset.UTC));
    }

    private static void assertRefused(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OnboardingException.class,
                e -> assertThat(e.code()).isEqualTo(OnboardingRefusal.INVALID_ACCESS_RECORD));
    }

    @Test
    void shouldRecordIpDeviceTimeAndGeolocationOfLoginsOrdersAndWithdrawals() {
        AccessRecord login = log.record(1001, AccessAction.LOGIN, "203.0.113.7", "ios-5F2C", "HK", "session-1");
        log.record(1001, AccessAction.ORDER, "2001:db8::1", "ios-5F2C", "HK", "order-77");
        log.record(1002, AccessAction.LOGIN, "198.51.100.1", "web-AB", "GB", null);
        log.record(1001, AccessAction.WITHDRAWAL, "203.0.113.7", "ios-5F2C", AccessLog.UNKNOWN_COUNTRY, "wd-3");

        assertThat(login.occurredAt()).isEqualTo(Harness.NOW);
        assertThat(log.byAccount(1001, 10)).extracting(AccessRecord::action).containsExactly(AccessAction.WITHDRAWAL,
                AccessAction.ORDER, AccessAction.LOGIN);
        assertThat(log.byAccount(1001, 10).getLast()).isEqualTo(login);
        assertThat(log.byAccount(1001, 10)).allSatisfy(r -> {
            assertThat(r.ip()).isNotBlank();
            assertThat(r.deviceId()).isNotBlank();
            assertThat(r.geoCountry()).hasSize(2);
            assertThat(r.occurredAt()).isEqualTo(Harness.NOW);
        });
        assertThat(log.byAccount(1001, 1)).hasSize(1);
        assertThat(log.byAccount(1002, 10)).singleElement().satisfies(r -> assertThat(r.reference()).isNull());
    }

    @Test
    void shouldRefuseARecordWithoutIpDeviceOrGeolocation() {
        assertRefused(() -> log.record(1001, AccessAction.LOGIN, null, "d", "HK", null));
        assertRefused(() -> log.record(1001, AccessAction.LOGIN, "1.2.3.4", " ", "HK", null));
        assertRefused(() -> log.record(1001, AccessAction.LOGIN, "1.2.3.4", "d", null, null));
        assertRefused(() -> log.record(1001, AccessAction.LOGIN, "1.2.3.4", "d", "Hong Kong", null));
        assertRefused(() -> log.record(1001, null, "1.2.3.4", "d", "HK", null));

        assertThat(log.byAccount(1001, 10)).isEmpty();
    }
}
