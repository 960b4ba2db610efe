package io.lantau.gateway.nativeapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
    private final PasswordPolicy policy = PasswordPolicy.withShippedList(NativeApiSettings.DEFAULTS.passwords());

    private ErrorCode refusal(String password, String email) {
        NativeException e = catchThrowableOfType(NativeException.class, () -> policy.check(password, email));
        return e == null ? null : e.error();
    }

    @Test
    void shouldShipTheWholeBreachedList() {
        assertThat(policy.breachedCount()).isEqualTo(30_000);
    }

    @Test
    void shouldRefuseBreachedPasswordsWhateverTheirCase() {
        assertThat(refusal("qazwsxedcrfv", "a@example.com")).isEqualTo(NativeError.PASSWORD_BREACHED);
        assertThat(refusal("QazWsxEdcRfv", "a@example.com")).isEqualTo(NativeError.PASSWORD_BREACHED);
        assertThat(refusal("whosyourdaddy", "a@example.com")).isEqualTo(NativeError.PASSWORD_BREACHED);
    }

    @Test
    void shouldAcceptALongUnlistedPassphrase() {
        assertThatCode(() -> policy.check("violet-harbour-lantern-42", "a@example.com")).doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseTheEmailOrItsLocalPart() {
        assertThat(refusal("Someone.Long@Example.com", "someone.long@example.com"))
                .isEqualTo(NativeError.PASSWORD_MATCHES_EMAIL);
        assertThat(refusal("someone.longer", "someone.longer@example.com"))
                .isEqualTo(NativeError.PASSWORD_MATCHES_EMAIL);
    }

    @Test
    void shouldRefuseByLengthInCodePoints() {
        assertThat(refusal("\uD83D\uDE00".repeat(11), "a@example.com")).isEqualTo(NativeError.PASSWORD_TOO_SHORT);
        assertThat(refusal("\uD83D\uDE00".repeat(12), "a@example.com")).isNull();
        assertThat(refusal("y".repeat(129), "a@example.com")).isEqualTo(NativeError.PASSWORD_TOO_LONG);
    }
}
