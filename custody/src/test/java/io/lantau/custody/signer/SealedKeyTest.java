package io.lantau.custody.signer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** HK-19: the hot key is encrypted at rest and only two distinct operators together can unseal it. */
class SealedKeyTest {
    static final OperatorSecret ALICE = new OperatorSecret("alice", "alice-long-secret".toCharArray());
    static final OperatorSecret BOB = new OperatorSecret("bob", "bob-long-secret!!".toCharArray());
    static final OperatorSecret CAROL = new OperatorSecret("carol", "carol-long-secret".toCharArray());
    static final byte[] KEY = new byte[32];

    static {
        new SecureRandom().nextBytes(KEY);
    }

    private static void assertRefused(Runnable r, SignerRefusedException.Reason reason) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(SignerRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void shouldOpenWithBothOperatorsInEitherOrderAfterStorage() {
        SealedKey sealed = SealedKey.decode(SealedKey.seal(KEY, "0xabc", ALICE, BOB, new SecureRandom()).encode());
        assertThat(sealed.open(ALICE, BOB)).isEqualTo(KEY);
        assertThat(sealed.open(BOB, ALICE)).isEqualTo(KEY);
        assertThat(sealed.encode()).doesNotContain(Base64.getEncoder().encodeToString(KEY))
                .doesNotContain("alice-long-secret");
    }

    @Test
    void shouldRefuseOneOperatorTwiceAWrongSecretOrAnotherOperator() {
        SealedKey sealed = SealedKey.seal(KEY, "0xabc", ALICE, BOB, new SecureRandom());
        OperatorSecret aliceAgain = new OperatorSecret("alice", "bob-long-secret!!".toCharArray());
        OperatorSecret wrongBob = new OperatorSecret("bob", "not-bobs-secret!!".toCharArray());

        assertRefused(() -> sealed.open(ALICE, aliceAgain), SignerRefusedException.Reason.OPERATORS_NOT_DISTINCT);
        assertRefused(() -> sealed.open(ALICE, wrongBob), SignerRefusedException.Reason.UNSEAL_FAILED);
        assertRefused(() -> sealed.open(ALICE, CAROL), SignerRefusedException.Reason.UNSEAL_FAILED);
        assertRefused(() -> SealedKey.seal(KEY, "0xabc", ALICE, aliceAgain, new SecureRandom()),
                SignerRefusedException.Reason.OPERATORS_NOT_DISTINCT);
    }

    @Test
    void shouldRefuseTamperedCiphertextOrAddress() {
        String text = SealedKey.seal(KEY, "0xabc", ALICE, BOB, new SecureRandom()).encode();
        String otherAddress = text.replace(":0xabc:", ":0xdef:");
        String[] parts = text.split(":");
        byte[] ct = Base64.getDecoder().decode(parts[7]);
        ct[0] ^= 1;
        parts[7] = Base64.getEncoder().encodeToString(ct);
        String flipped = String.join(":", parts);

        assertRefused(() -> SealedKey.decode(otherAddress).open(ALICE, BOB),
                SignerRefusedException.Reason.UNSEAL_FAILED);
        assertRefused(() -> SealedKey.decode(flipped).open(ALICE, BOB), SignerRefusedException.Reason.UNSEAL_FAILED);
    }

    @Test
    void shouldChangeInstructionHashWhenAnyFieldChanges() {
        WithdrawalInstruction base = new WithdrawalInstruction(1, 1001, "ETH", "ETH", "0xAbC", 100, 5);
        assertThat(base.hash()).hasSize(64)
                .isEqualTo(new WithdrawalInstruction(1, 1001, "ETH", "ETH", "0xabc", 100, 5).hash());
        assertThat(new WithdrawalInstruction(1, 1001, "ETH", "ETH", "0xabd", 100, 5).hash()).isNotEqualTo(base.hash());
        assertThat(new WithdrawalInstruction(1, 1001, "ETH", "ETH", "0xabc", 101, 5).hash()).isNotEqualTo(base.hash());
        assertThat(new WithdrawalInstruction(2, 1001, "ETH", "ETH", "0xabc", 100, 5).hash()).isNotEqualTo(base.hash());
        assertThat(new WithdrawalInstruction(1, 1002, "ETH", "ETH", "0xabc", 100, 5).hash()).isNotEqualTo(base.hash());
    }
}
