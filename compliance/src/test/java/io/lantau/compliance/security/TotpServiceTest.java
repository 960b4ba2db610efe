package io.lantau.compliance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TotpServiceTest extends SecurityEngineTestBase {
    /** Reversible and visibly not the plaintext; the production sealer is the gateway's AES-GCM cipher. */
    static final SecretSealer TEST_SEALER = new SecretSealer() {
        @Override
        public byte[] seal(byte[] plaintext) {
            byte[] out = Arrays.copyOf(plaintext, plaintext.length + 1);
            for (int i = 0; i < plaintext.length; i++) {
                out[i] ^= 0x5A;
            }
            out[plaintext.length] = 0x7F;
            return out;
        }

        @Override
        public byte[] open(byte[] sealed) {
            if (sealed.length == 0 || sealed[sealed.length - 1] != 0x7F) {
                throw new IllegalArgumentException("not sealed");
            }
            byte[] out = Arrays.copyOf(sealed, sealed.length - 1);
            for (int i = 0; i < out.length; i++) {
                out[i] ^= 0x5A;
            }
            return out;
        }
    };

    private TotpService totp;
    private long alice;
    private long bob;

    @BeforeEach
    void setUp() {
        totp = new TotpService(database.dataSource(), TEST_SEALER, new SecureRandom(), clock);
        alice = user("alice@example.com");
        bob = user("bob@example.com");
    }

    private String codeAt(byte[] secret, Instant at) {
        return Totp.code(secret, Totp.step(at.getEpochSecond()));
    }

    private byte[] enrolAndConfirm(long userId) {
        TotpEnrolment enrolment = totp.enrol(userId, "alice@example.com");
        byte[] secret = Base32.decode(enrolment.secret());
        totp.confirm(userId, codeAt(secret, clock.instant()));
        return secret;
    }

    private static void assertRefused(ThrowingCallable call, SecurityRefusal refusal) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SecurityRefusedException.class,
                e -> assertThat(e.refusal()).isEqualTo(refusal));
    }

    @Test
    void shouldIssueA160BitSecretAndAnOtpauthUriWhenEnrolling() {
        TotpEnrolment enrolment = totp.enrol(alice, "alice+x@example.com");

        assertThat(enrolment.secret()).matches("[A-Z2-7]{32}");
        assertThat(enrolment.uri()).isEqualTo("otpauth://totp/Lantau:alice%2Bx@example.com?secret="
                + enrolment.secret() + "&issuer=Lantau&algorithm=SHA1&digits=6&period=30");
        assertThat(enrolment.toString()).doesNotContain(enrolment.secret());
        assertThat(totp.status(alice)).isEqualTo(TotpStatus.PENDING);
        assertThat(totp.status(bob)).isEqualTo(TotpStatus.NONE);
    }

    @Test
    void shouldStoreTheSecretSealed() throws Exception {
        byte[] secret = Base32.decode(totp.enrol(alice, "alice@example.com").secret());
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT secret_ciphertext FROM totp_credentials")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBytes(1)).isEqualTo(TEST_SEALER.seal(secret)).isNotEqualTo(secret);
        }
    }

    @Test
    void shouldActivateWhenConfirmedWithACurrentCode() {
        enrolAndConfirm(alice);

        assertThat(totp.status(alice)).isEqualTo(TotpStatus.ACTIVE);
        assertRefused(() -> totp.enrol(alice, "alice@example.com"), SecurityRefusal.TOTP_ALREADY_ENABLED);
    }

    @Test
    void shouldStayPendingWhenConfirmedWithAWrongCode() {
        byte[] secret = Base32.decode(totp.enrol(alice, "alice@example.com").secret());
        String right = codeAt(secret, clock.instant());
        String wrong = right.equals("000000") ? "000001" : "000000";

        assertRefused(() -> totp.confirm(alice, wrong), SecurityRefusal.TOTP_CODE_INVALID);
        assertRefused(() -> totp.confirm(alice, "12345"), SecurityRefusal.TOTP_CODE_INVALID);
        assertRefused(() -> totp.confirm(alice, "12345a"), SecurityRefusal.TOTP_CODE_INVALID);
        assertThat(totp.status(alice)).isEqualTo(TotpStatus.PENDING);
        assertRefused(() -> totp.confirm(bob, right), SecurityRefusal.TOTP_NOT_ENROLLED);
    }

    @Test
    void shouldInvalidateTheOldSecretWhenEnrollingAgainBeforeConfirming() {
        byte[] first = Base32.decode(totp.enrol(alice, "alice@example.com").secret());
        byte[] second = Base32.decode(totp.enrol(alice, "alice@example.com").secret());
        assertThat(second).isNotEqualTo(first);

        assertRefused(() -> totp.confirm(alice, codeAt(first, clock.instant())), SecurityRefusal.TOTP_CODE_INVALID);
        totp.confirm(alice, codeAt(second, clock.instant()));
        assertThat(totp.status(alice)).isEqualTo(TotpStatus.ACTIVE);
    }

    @Test
    void shouldAcceptCodesOfTheStepBeforeAndAfterButNotFurther() {
        byte[] secret = enrolAndConfirm(alice);
        clock.advance(Duration.ofMinutes(5));
        Instant now = clock.instant();

        assertRefused(() -> totp.verify(alice, codeAt(secret, now.minusSeconds(60))),
                SecurityRefusal.TOTP_CODE_INVALID);
        assertRefused(() -> totp.verify(alice, codeAt(secret, now.plusSeconds(60))),
                SecurityRefusal.TOTP_CODE_INVALID);
        totp.verify(alice, codeAt(secret, now.minusSeconds(30)));
        totp.verify(alice, codeAt(secret, now));
        totp.verify(alice, codeAt(secret, now.plusSeconds(30)));
    }

    @Test
    void shouldRefuseACodeUsedAlreadyWithinItsWindow() {
        byte[] secret = enrolAndConfirm(alice);
        clock.advance(Duration.ofSeconds(30));
        String code = codeAt(secret, clock.instant());
        totp.verify(alice, code);

        assertRefused(() -> totp.verify(alice, code), SecurityRefusal.TOTP_CODE_REUSED);
        clock.advance(Duration.ofSeconds(30));
        assertRefused(() -> totp.verify(alice, code), SecurityRefusal.TOTP_CODE_REUSED);
        clock.advance(Duration.ofSeconds(30));
        assertRefused(() -> totp.verify(alice, code), SecurityRefusal.TOTP_CODE_INVALID);
    }

    @Test
    void shouldRefuseTheConfirmationCodeAtSignIn() {
        byte[] secret = enrolAndConfirm(alice);

        assertRefused(() -> totp.verify(alice, codeAt(secret, clock.instant())), SecurityRefusal.TOTP_CODE_REUSED);
        assertRefused(() -> totp.verify(alice, codeAt(secret, clock.instant().minusSeconds(30))),
                SecurityRefusal.TOTP_CODE_REUSED);
    }

    @Test
    void shouldRefuseAnExpiredCode() {
        byte[] secret = enrolAndConfirm(alice);
        String code = codeAt(secret, clock.instant().plusSeconds(30));
        clock.advance(Duration.ofSeconds(120));

        assertRefused(() -> totp.verify(alice, code), SecurityRefusal.TOTP_CODE_INVALID);
    }

    @Test
    void shouldNotAcceptOneUsersCodeForAnother() {
        byte[] aliceSecret = enrolAndConfirm(alice);
        byte[] bobSecret = enrolAndConfirm(bob);
        clock.advance(Duration.ofSeconds(60));
        String aliceCode = codeAt(aliceSecret, clock.instant());
        String bobCode = codeAt(bobSecret, clock.instant());
        org.junit.jupiter.api.Assumptions.assumeFalse(aliceCode.equals(bobCode));

        assertRefused(() -> totp.verify(bob, aliceCode), SecurityRefusal.TOTP_CODE_INVALID);
        totp.verify(alice, aliceCode);
    }

    @Test
    void shouldRefuseVerificationWhileOnlyPending() {
        byte[] secret = Base32.decode(totp.enrol(alice, "alice@example.com").secret());

        assertRefused(() -> totp.verify(alice, codeAt(secret, clock.instant())), SecurityRefusal.TOTP_NOT_ENROLLED);
    }
}
