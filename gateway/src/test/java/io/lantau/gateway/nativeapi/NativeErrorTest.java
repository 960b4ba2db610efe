package io.lantau.gateway.nativeapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.compliance.security.SecurityRefusal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NativeErrorTest {
    /** The API answers a security refusal with the native error of the same name: each must exist, as a 4xx. */
    @ParameterizedTest
    @EnumSource(SecurityRefusal.class)
    void shouldHaveANativeErrorForEverySecurityRefusal(SecurityRefusal refusal) {
        NativeError error = NativeError.valueOf(refusal.name());
        assertThat(error.httpStatus()).isBetween(400, 499);
    }
}
