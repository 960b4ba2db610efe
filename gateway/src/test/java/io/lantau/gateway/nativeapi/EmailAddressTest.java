package io.lantau.gateway.nativeapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"Alice@Example.com", " alice@example.com ", "ALICE@EXAMPLE.COM"})
    void shouldNormaliseWhenOnlyCaseOrSpacesDiffer(String typed) {
        assertThat(EmailAddress.normalise(typed)).isEqualTo("alice@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"o'brien+tag@mail.example.co.uk", "a.b-c_d@xn--bcher-kva.example", "x@a1.io"})
    void shouldAcceptWhenAddressIsOrdinary(String typed) {
        assertThat(EmailAddress.normalise(typed)).isEqualTo(typed.toLowerCase());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "@example.com", "a@", "a@example", "a@@example.com", "a@b@example.com",
            ".a@example.com", "a.@example.com", "a..b@example.com", "a b@example.com", "\"a\"@example.com",
            "a@-example.com", "a@example-.com", "a@exa_mple.com", "a@example..com", "a@1.2.3.4", "ü@example.com",
            "a@bücher.example", "a\n@example.com"})
    void shouldRefuseWhenNotAnOrdinaryAddress(String typed) {
        assertThatThrownBy(() -> EmailAddress.normalise(typed)).isInstanceOf(NativeException.class)
                .extracting(e -> ((NativeException) e).error()).isEqualTo(NativeError.INVALID_EMAIL);
    }
}
