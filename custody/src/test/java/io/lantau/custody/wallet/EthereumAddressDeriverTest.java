package io.lantau.custody.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.custody.cold.HdSeed;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.crypto.ChildNumber;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.MnemonicUtils;

/**
 * Ethereum deposit addresses from the account public key m/44'/60'/0' alone, checked against web3j's own private
 * BIP-32 derivation and the anvil/Hardhat mnemonic's published accounts.
 */
class EthereumAddressDeriverTest {
    private final HdSeed seed = HdSeed.fromMnemonic(TestVectors.ANVIL_MNEMONIC, "");
    private final EthereumAddressDeriver deriver = new EthereumAddressDeriver(seed.accountKey(AccountPaths.ETHEREUM));

    @Test
    void shouldDeriveTheAnvilAccountsFromTheAccountPublicKey() {
        assertThat(deriver.receiveAddress(0)).isEqualTo(TestVectors.ANVIL_ACCOUNT_0);
        assertThat(deriver.receiveAddress(1)).isEqualTo(TestVectors.ANVIL_ACCOUNT_1);
        assertThat(deriver.receiveAddress(2)).isEqualTo(TestVectors.ANVIL_ACCOUNT_2);
    }

    @Test
    void shouldAgreeWithWeb3jPrivateDerivationAtEveryIndex() {
        Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(TestVectors.ANVIL_MNEMONIC, ""));
        for (int i = 0; i < 25; i++) {
            int[] path = {44 | Bip32ECKeyPair.HARDENED_BIT, 60 | Bip32ECKeyPair.HARDENED_BIT,
                    Bip32ECKeyPair.HARDENED_BIT, 0, i};
            String expected = Credentials.create(Bip32ECKeyPair.deriveKeyPair(master, path)).getAddress();

            assertThat(deriver.receiveAddress(i)).isEqualToIgnoringCase(expected);
        }
    }

    @Test
    void shouldGiveTheSignerTheKeyOfTheDerivedAddress() {
        var path = deriver.account().pathOf(AccountPaths.RECEIVE, 5);

        assertThat(seed.ethereumCredentials(path).getAddress()).isEqualToIgnoringCase(deriver.receiveAddress(5));
        assertThat(path.get(4)).isEqualTo(new ChildNumber(5, false));
    }

    @Test
    void shouldRoundTripThroughTheXpubText() {
        String text = deriver.keyIdentity();

        assertThat(text).startsWith("[").contains("/44'/60'/0']xpub");
        assertThat(EthereumAddressDeriver.parse(text).receiveAddress(3)).isEqualTo(deriver.receiveAddress(3));
    }

    @Test
    void shouldRefuseAnAccountKeyOfAnotherPath() {
        assertThatThrownBy(() -> new EthereumAddressDeriver(seed.accountKey(AccountPaths.bitcoin(BitcoinNetwork.MAINNET))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("m/44'/60'/0'");
    }

    @Test
    void shouldCanonicaliseToTheChecksummedFormAndRefuseABadChecksum() {
        assertThat(deriver.canonical(TestVectors.ANVIL_ACCOUNT_0.toLowerCase())).isEqualTo(TestVectors.ANVIL_ACCOUNT_0);
        assertThat(deriver.canonical("0x" + TestVectors.ANVIL_ACCOUNT_0.substring(2).toUpperCase()))
                .isEqualTo(TestVectors.ANVIL_ACCOUNT_0);
        String badChecksum = "0xF39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
        assertThatThrownBy(() -> deriver.canonical(badChecksum)).hasMessageContaining("checksum");
        assertThatThrownBy(() -> deriver.canonical("0x1234")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> deriver.canonical("f39Fd6e51aad88F6F4ce6aB8827279cffFb92266"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
