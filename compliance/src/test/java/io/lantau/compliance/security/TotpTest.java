package io.lantau.compliance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {
    private static final byte[] SEED_SHA1 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED_SHA256 = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED_SHA512 = ("1234567890123456789012345678901234567890123456789012345678901234")
            .getBytes(StandardCharsets.US_ASCII);

    /** RFC 6238, Appendix B: every row of the table (8 digits, seeds of 20, 32 and 64 bytes). */
    @ParameterizedTest(name = "T={0} {2}")
    @CsvSource({
        "59,          94287082, HmacSHA1",
        "59,          46119246, HmacSHA256",
        "59,          90693936, HmacSHA512",
        "1111111109,  07081804, HmacSHA1",
        "1111111109,  68084774, HmacSHA256",
        "1111111109,  25091201, HmacSHA512",
        "1111111111,  14050471, HmacSHA1",
        "1111111111,  67062674, HmacSHA256",
        "1111111111,  99943326, HmacSHA512",
        "1234567890,  89005924, HmacSHA1",
        "1234567890,  91819424, HmacSHA256",
        "1234567890,  93441116, HmacSHA512",
        "2000000000,  69279037, HmacSHA1",
        "2000000000,  90698825, HmacSHA256",
        "2000000000,  38618901, HmacSHA512",
        "20000000000, 65353130, HmacSHA1",
        "20000000000, 77737706, HmacSHA256",
        "20000000000, 47863826, HmacSHA512"})
    void shouldMatchRfc6238AppendixBVectors(long unixSeconds, String expected, String algorithm) {
        byte[] seed = switch (algorithm) {
            case Totp.SHA1 -> SEED_SHA1;
            case Totp.SHA256 -> SEED_SHA256;
            default -> SEED_SHA512;
        };
        assertThat(Totp.code(seed, Totp.step(unixSeconds), 8, algorithm)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "T={0}")
    @CsvSource({"59, 287082", "1111111109, 081804", "1234567890, 005924", "20000000000, 353130"})
    void shouldGiveTheLastSixDigitsWhenSixAreAsked(long unixSeconds, String expected) {
        assertThat(Totp.code(SEED_SHA1, Totp.step(unixSeconds))).isEqualTo(expected);
    }

    /** RFC 4648 section 10. */
    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource({"'', ''", "f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB",
        "foobar, MZXW6YTBOI"})
    void shouldEncodeAndDecodeRfc4648Base32Vectors(String text, String base32) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        assertThat(Base32.encode(bytes)).isEqualTo(base32);
        assertThat(Base32.decode(base32)).isEqualTo(bytes);
        assertThat(Base32.decode(base32.toLowerCase() + "=".repeat((8 - base32.length() % 8) % 8))).isEqualTo(bytes);
    }

    @ParameterizedTest
    @CsvSource({"MZXW6YTB1", "M", "MZX", "MZXW6Y", "MZ=XW"})
    void shouldRefuseBase32OutsideTheAlphabetOrOfImpossibleLength(String text) {
        assertThatThrownBy(() -> Base32.decode(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "29, 0", "30, 1", "-1, -1"})
    void shouldFloorTimeToThirtySecondSteps(long unixSeconds, long step) {
        assertThat(Totp.step(unixSeconds)).isEqualTo(step);
    }
}
