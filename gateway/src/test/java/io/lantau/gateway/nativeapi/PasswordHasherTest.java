package io.lantau.gateway.nativeapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private static final NativeApiSettings.HashingCost CHEAP = new NativeApiSettings.HashingCost(64, 1, 1, 1);
    private final PasswordHasher hasher = new PasswordHasher(CHEAP, new SecureRandom());

    @Test
    void shouldEncodeArgon2idWithItsParametersAndSalt() {
        String hash = hasher.hash("violet-harbour-lantern-42");
        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=64,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(hasher.hash("violet-harbour-lantern-42")).isNotEqualTo(hash);
    }

    @Test
    void shouldHashAndVerifyAtTheDefaultCost() {
        PasswordHasher production = new PasswordHasher(NativeApiSettings.DEFAULT_HASHING, new SecureRandom());
        String hash = production.hash("violet-harbour-lantern-42");
        assertThat(hash).startsWith("$argon2id$v=19$m=47104,t=1,p=1$");
        assertThat(production.verify("violet-harbour-lantern-42", hash)).isTrue();
    }

    @Test
    void shouldVerifyOnlyTheSamePassword() {
        String hash = hasher.hash("violet-harbour-lantern-42");
        assertThat(hasher.verify("violet-harbour-lantern-42", hash)).isTrue();
        assertThat(hasher.verify("violet-harbour-lantern-43", hash)).isFalse();
        assertThat(hasher.verify("violet-harbour-lantern-42", "$argon2id$v=19$m=64,t=1,p=1$bad")).isFalse();
        assertThat(hasher.verify("violet-harbour-lantern-42", "plain")).isFalse();
    }

    @Test
    void shouldVerifyWhenTheSameTextIsTypedInAnotherUnicodeForm() {
        String composed = "caf\u00e9-au-lait-du-matin";
        String decomposed = "cafe\u0301-au-lait-du-matin";
        assertThat(hasher.verify(decomposed, hasher.hash(composed))).isTrue();
    }

    @Test
    void shouldVerifyHashesMadeByTheReferenceImplementation() {
        // Made with the reference C implementation's command line (Debian package argon2):
        // echo -n "violet-harbour-lantern-42" | argon2 somesaltsomesalt -id -t 1 -m 6 -p 1 -l 32 -e
        String reference = "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$"
                + "inQLDDWBJiPprupnxuIsYgKjMLNDcfre0h9lbO7mMmU";
        assertThat(hasher.verify("violet-harbour-lantern-42", reference)).isTrue();
        assertThat(hasher.verify("violet-harbour-lantern-43", reference)).isFalse();
        assertThat(hasher.needsRehash(reference)).isFalse();
    }

    @Test
    void shouldAskForRehashWhenTheCostChanged() {
        String old = hasher.hash("violet-harbour-lantern-42");
        PasswordHasher stronger = new PasswordHasher(new NativeApiSettings.HashingCost(128, 2, 1, 1),
                new SecureRandom());
        assertThat(hasher.needsRehash(old)).isFalse();
        assertThat(stronger.needsRehash(old)).isTrue();
        assertThat(stronger.verify("violet-harbour-lantern-42", old)).isTrue();
    }
}
