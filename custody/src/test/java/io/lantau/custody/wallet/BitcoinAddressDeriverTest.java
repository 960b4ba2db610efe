package io.lantau.custody.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.custody.cold.HdSeed;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.crypto.DeterministicKey;
import org.junit.jupiter.api.Test;

/** BIP-84 deposit addresses from an account public key only (REGULATORY.md HK-16: the platform holds no private key). */
class BitcoinAddressDeriverTest {
    private final HdSeed seed = HdSeed.fromMnemonic(TestVectors.BIP84_MNEMONIC, "");

    @Test
    void shouldExportTheBip84AccountPublicKeyOfTheTestVector() {
        AccountKey account = seed.accountKey(AccountPaths.bitcoin(BitcoinNetwork.MAINNET));

        DeterministicKey published = DeterministicKey.deserializeB58(TestVectors.BIP84_ACCOUNT_ZPUB,
                BitcoinNetwork.MAINNET);
        assertThat(account.key().getPubKeyPoint()).isEqualTo(published.getPubKeyPoint());
        assertThat(account.key().getChainCode()).isEqualTo(published.getChainCode());
        assertThat(account.key().getParentFingerprint()).isEqualTo(published.getParentFingerprint());
        assertThat(account.key().getDepth()).isEqualTo(3);
        assertThat(account.key().isPubKeyOnly()).isTrue();
    }

    @Test
    void shouldDeriveTheBip84TestVectorAddressesFromThePublishedZpub() {
        AccountKey account = AccountKey.parse("[73c5da0a/84'/0'/0']" + TestVectors.BIP84_ACCOUNT_ZPUB,
                BitcoinNetwork.MAINNET);
        BitcoinAddressDeriver deriver = new BitcoinAddressDeriver(account, BitcoinNetwork.MAINNET);

        assertThat(deriver.receiveAddress(0)).isEqualTo(TestVectors.BIP84_RECEIVE_0);
        assertThat(deriver.receiveAddress(1)).isEqualTo(TestVectors.BIP84_RECEIVE_1);
        assertThat(deriver.changeAddress(0)).isEqualTo(TestVectors.BIP84_CHANGE_0);
        assertThat(seed.masterFingerprint()).isEqualTo(account.masterFingerprint());
    }

    @Test
    void shouldDeriveTheSameAddressesFromTheXpubAsFromThePrivateKeys() {
        BitcoinAddressDeriver deriver = new BitcoinAddressDeriver(
                seed.accountKey(AccountPaths.bitcoin(BitcoinNetwork.REGTEST)), BitcoinNetwork.REGTEST);

        for (int i = 0; i < 20; i++) {
            var privateKey = seed.privateKey(deriver.account().pathOf(AccountPaths.RECEIVE, i));
            assertThat(deriver.receiveAddress(i))
                    .isEqualTo(privateKey.toAddress(ScriptType.P2WPKH, BitcoinNetwork.REGTEST).toString())
                    .startsWith("bcrt1q");
        }
    }

    @Test
    void shouldRoundTripTheAccountKeyWithItsOrigin() {
        AccountKey account = seed.accountKey(AccountPaths.bitcoin(BitcoinNetwork.TESTNET));
        String text = account.format(BitcoinNetwork.TESTNET);

        assertThat(text).startsWith("[73c5da0a/84'/1'/0']tpub");
        AccountKey parsed = AccountKey.parse(text, BitcoinNetwork.TESTNET);
        assertThat(new BitcoinAddressDeriver(parsed, BitcoinNetwork.TESTNET).receiveAddress(7))
                .isEqualTo(new BitcoinAddressDeriver(account, BitcoinNetwork.TESTNET).receiveAddress(7));
    }

    @Test
    void shouldRefuseAnExtendedPrivateKey() {
        String xprv = seed.privateKey(AccountPaths.bitcoin(BitcoinNetwork.MAINNET))
                .serializePrivB58(BitcoinNetwork.MAINNET);

        assertThatThrownBy(() -> AccountKey.parse("[73c5da0a/84'/0'/0']" + xprv, BitcoinNetwork.MAINNET))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("public only");
    }

    @Test
    void shouldRefuseAnAccountOfAnotherPurposeOrCoin() {
        AccountKey mainnetAccount = seed.accountKey(AccountPaths.bitcoin(BitcoinNetwork.MAINNET));

        assertThatThrownBy(() -> new BitcoinAddressDeriver(mainnetAccount, BitcoinNetwork.REGTEST))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("m/84'/1'/0'");
        assertThatThrownBy(() -> new BitcoinAddressDeriver(seed.accountKey(AccountPaths.ETHEREUM),
                BitcoinNetwork.MAINNET)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldCanonicaliseOnlyP2wpkhAddressesOfItsNetwork() {
        BitcoinAddressDeriver deriver = new BitcoinAddressDeriver(
                seed.accountKey(AccountPaths.bitcoin(BitcoinNetwork.MAINNET)), BitcoinNetwork.MAINNET);

        assertThat(deriver.canonical(TestVectors.BIP84_RECEIVE_0.toUpperCase())).isEqualTo(TestVectors.BIP84_RECEIVE_0);
        String regtestAddress = new BitcoinAddressDeriver(seed.accountKey(AccountPaths.bitcoin(BitcoinNetwork.REGTEST)),
                BitcoinNetwork.REGTEST).receiveAddress(0);
        assertThatThrownBy(() -> deriver.canonical(regtestAddress)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> deriver.canonical("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"))
                .isInstanceOf(IllegalArgumentException.class);
        // A P2WSH (32-byte program) address is valid bech32 but not a deposit address type.
        assertThatThrownBy(() -> deriver.canonical(
                "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("P2WPKH");
    }
}
