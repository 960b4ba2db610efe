package io.lantau.custody.cold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.custody.wallet.TestVectors;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The signer's seed at rest: encrypted, and openable only with every custodian's passphrase (REGULATORY.md HK-16;
 * HK-19's rule that no single person can reach the whole seed).
 */
class SealedSeedTest {
    /** A low scrypt cost keeps the test quick; production uses {@link SealedSeed#SCRYPT_N}. */
    private static final int TEST_N = 1 << 10;
    private final HdSeed seed = HdSeed.fromMnemonic(TestVectors.BIP84_MNEMONIC, "");
    private final SecureRandom random = new SecureRandom();

    @Test
    void shouldOpenWithEveryCustodiansPassphraseAndGiveBackTheSameKeys() {
        SealedSeed sealed = SealedSeed.seal(seed, passphrases("alice-pass", "bob-pass"), random, TEST_N);

        HdSeed opened = SealedSeed.fromJson(sealed.toJson()).unseal(passphrases("alice-pass", "bob-pass"));

        assertThat(opened.masterFingerprint()).isEqualTo(seed.masterFingerprint());
        assertThat(sealed.custodians()).containsExactly("alice", "bob");
    }

    @Test
    void shouldNotOpenWithOneCustodianAlone() {
        SealedSeed sealed = SealedSeed.seal(seed, passphrases("alice-pass", "bob-pass"), random, TEST_N);

        assertThatThrownBy(() -> sealed.unseal(Map.of("alice", "alice-pass".toCharArray())))
                .isInstanceOf(SealException.class)
                .satisfies(e -> assertThat(((SealException) e).reason()).isEqualTo(SealException.Reason.CUSTODIAN_MISSING));
    }

    @Test
    void shouldNotOpenWithAWrongPassphrase() {
        SealedSeed sealed = SealedSeed.seal(seed, passphrases("alice-pass", "bob-pass"), random, TEST_N);

        assertThatThrownBy(() -> sealed.unseal(passphrases("alice-pass", "guess")))
                .satisfies(e -> assertThat(((SealException) e).reason()).isEqualTo(SealException.Reason.WRONG_PASSPHRASE));
    }

    @Test
    void shouldRefuseASingleCustodianSeal() {
        assertThatThrownBy(() -> SealedSeed.seal(seed, Map.of("alice", "p".toCharArray()), random, TEST_N))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two custodians");
    }

    @Test
    void shouldDetectAnAlteredFileAndNeverStoreTheSeedInTheClear() {
        SealedSeed sealed = SealedSeed.seal(seed, passphrases("alice-pass", "bob-pass"), random, TEST_N);
        String json = sealed.toJson();
        String seedHex = HexFormat.of().formatHex(seed.seedBytes());

        assertThat(json).doesNotContain(seedHex).doesNotContain("alice-pass").doesNotContain("abandon");
        String ciphertext = json.replaceAll(".*\"sealedSeed\":\"([^\"]+)\".*", "$1");
        char flipped = ciphertext.charAt(0) == 'A' ? 'B' : 'A';
        String altered = json.replace(ciphertext, flipped + ciphertext.substring(1));
        assertThatThrownBy(() -> SealedSeed.fromJson(altered).unseal(passphrases("alice-pass", "bob-pass")))
                .satisfies(e -> assertThat(((SealException) e).reason()).isEqualTo(SealException.Reason.CORRUPTED));
        assertThatThrownBy(() -> SealedSeed.fromJson("{}"))
                .satisfies(e -> assertThat(((SealException) e).reason()).isEqualTo(SealException.Reason.CORRUPTED));
    }

    @Test
    void shouldSignWithTheUnsealedSeed() {
        SealedSeed sealed = SealedSeed.seal(seed, passphrases("alice-pass", "bob-pass"), random, TEST_N);

        try (ColdSigner signer = ColdSigner.unseal(sealed, passphrases("alice-pass", "bob-pass"))) {
            assertThat(signer.ethereumAddress(io.lantau.custody.wallet.AccountKey.parsePath("m/44'/60'/0'/0/0")))
                    .isEqualTo(new ColdSigner(seed).ethereumAddress(
                            io.lantau.custody.wallet.AccountKey.parsePath("m/44'/60'/0'/0/0")));
        }
    }

    @Test
    void shouldGenerateAFreshSeedWhoseWordsGiveItBack() {
        HdSeed.Generated generated = HdSeed.generate(random);
        HdSeed other = HdSeed.generate(random).seed();

        assertThat(generated.words()).hasSize(24);
        assertThat(HdSeed.fromMnemonic(String.join(" ", generated.words()), "").masterFingerprint())
                .isEqualTo(generated.seed().masterFingerprint());
        assertThat(other.masterFingerprint()).isNotEqualTo(generated.seed().masterFingerprint());
        assertThat(generated.toString()).doesNotContain(generated.words().get(0) + " ");
    }

    private static Map<String, char[]> passphrases(String alice, String bob) {
        Map<String, char[]> map = new LinkedHashMap<>();
        map.put("alice", alice.toCharArray());
        map.put("bob", bob.toCharArray());
        return map;
    }
}
