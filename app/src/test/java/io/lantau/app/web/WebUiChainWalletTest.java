package io.lantau.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.lantau.app.web.WebUiFixture.screenshot;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.lantau.app.platform.CustodyConfig;
import io.lantau.app.platform.CustodyWiring;
import io.lantau.app.platform.PlatformHarness;
import io.lantau.custody.chain.TxStatus;
import io.lantau.custody.eth.EthFees;
import io.lantau.custody.eth.EthereumAdapter;
import io.lantau.custody.ledger.LedgerEntry;
import io.lantau.custody.ledger.LedgerKind;
import io.lantau.testsupport.AnvilNode;
import io.vertx.core.json.JsonArray;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * The wallet's on-chain forms against a real local Ethereum node (anvil) under the OPEN profile: the client deposits
 * to the address the page shows, whitelists a destination with the ownership signature made in "their own wallet"
 * (personal_sign, here web3j's) and pasted into the page (HK-18), a wrong signature is refused, and a withdrawal
 * requested with the form is broadcast, its on-chain state and transaction shown in the list.
 */
class WebUiChainWalletTest {
    private static final Credentials FUNDED = Credentials.create(AnvilNode.FUNDED_PRIVATE_KEY);

    @Test
    void theClientWhitelistsAProvenAddressAndWithdrawsOnChainFromTheWallet(@TempDir Path dir) throws Exception {
        try (AnvilNode node = AnvilNode.start()) {
            EthereumAdapter chain = EthereumAdapter.connect(node.rpcUrl());
            try (PlatformHarness harness = new PlatformHarness(dir, PlatformHarness.openDefaults()
                    .withCustody(CustodyConfig.defaults().withEthereum(node.rpcUrl(), null, chain.tipHeight())));
                    Chromium chromium = new Chromium()) {
                Page page = chromium.page(false);
                WebUiFixture.signUp(page, harness, WebUiFixture.newEmail());
                page.navigate(harness.baseUrl() + "/#/wallet");
                page.locator("#deposit-asset").selectOption("ETH");
                String depositAddress = page.locator("#deposit-address").textContent().trim();
                send(chain, depositAddress, new BigInteger("1000000000000000000"));
                // The platform's float on its hot wallet for gas (house funds, recorded as such).
                CustodyWiring custody = harness.platform().parts().custody;
                BigInteger float_ = new BigInteger("2000000000000000000");
                String funding = send(chain, custody.hotWalletAddress(), float_);
                custody.ledger().append(new LedgerEntry("ETH", "ETH", LedgerKind.HOUSE_FUNDING, 0, float_,
                        "funding:" + funding));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!new JsonArray(WebUiOnboardingTest.call(page, "GET", "/custody/deposits", null)).encode()
                        .contains("CREDITED")) {
                    assertThat(System.nanoTime()).as("deposit credited").isLessThan(deadline);
                    Thread.sleep(200);
                }

                // Whitelisting: the page gives the message; a signature by another key is refused.
                Credentials owner = Credentials.create(Keys.createEcKeyPair());
                page.navigate(harness.baseUrl() + "/#/markets");
                page.navigate(harness.baseUrl() + "/#/wallet");
                page.locator("#whitelist-asset").selectOption("ETH");
                page.locator("#whitelist-address").fill(owner.getAddress());
                page.locator("#whitelist-label").fill("Ledger");
                page.locator("#whitelist-challenge").click();
                assertThat(page.locator("#whitelist-message")).not().isEmpty();
                String message = page.locator("#whitelist-message").textContent();
                page.locator("#whitelist-signature").fill(personalSign(Credentials.create(Keys.createEcKeyPair()),
                        message));
                page.locator("#whitelist-submit").click();
                assertThat(page.locator("#whitelist-status")).hasAttribute("data-kind", "error");
                page.locator("#whitelist-signature").fill(personalSign(owner, message));
                page.locator("#whitelist-submit").click();
                assertThat(page.locator("tr[data-whitelist-id]")).containsText(owner.getAddress());

                // The withdrawal to it, from the form; the list shows its on-chain state and transaction.
                page.locator("#chain-withdraw-asset").selectOption("ETH");
                page.locator("#chain-withdraw-address").selectOption(owner.getAddress());
                page.locator("#chain-withdraw-amount").fill("0.4");
                page.locator("#chain-withdraw-submit").click();
                assertThat(page.locator("tr[data-withdrawal-id]")).hasCount(1);
                deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!new JsonArray(WebUiOnboardingTest.call(page, "GET", "/custody/withdrawals", null))
                        .getJsonObject(0).containsKey("txid")
                        || new JsonArray(WebUiOnboardingTest.call(page, "GET", "/custody/withdrawals", null))
                        .getJsonObject(0).getString("txid") == null) {
                    assertThat(System.nanoTime()).as("withdrawal broadcast").isLessThan(deadline);
                    Thread.sleep(200);
                }
                page.navigate(harness.baseUrl() + "/#/markets");
                page.navigate(harness.baseUrl() + "/#/wallet");
                assertThat(page.locator("tr[data-withdrawal-id]")).hasAttribute("data-state",
                        java.util.regex.Pattern.compile("BROADCAST|SETTLED"));
                String txid = new JsonArray(WebUiOnboardingTest.call(page, "GET", "/custody/withdrawals", null))
                        .getJsonObject(0).getString("txid");
                assertThat(page.locator("tr[data-withdrawal-id] code").nth(1)).hasText(txid);
                // The transaction is on the chain, paying the whitelisted address.
                assertThat(chain.status(Numeric.prependHexPrefix(txid)).state()).isEqualTo(TxStatus.State.MINED);
                assertThat(chain.balanceOf(owner.getAddress())).isEqualTo(new BigInteger("400000000000000000"));
                screenshot(page, "wallet-chain-withdrawal");
                page.locator("#lang-select").selectOption("zh-Hant");
                assertThat(page.locator("#chain-withdraw h3")).hasText("鏈上提款");
                assertThat(chromium.problems()).isEmpty();
            }
        }
    }

    /** Ether from anvil's funded account, mined at once. @return the txid. */
    private static String send(EthereumAdapter chain, String to, BigInteger wei) throws InterruptedException {
        EthFees fees = chain.fees();
        RawTransaction tx = RawTransaction.createEtherTransaction(chain.chainId(),
                chain.pendingNonce(FUNDED.getAddress()), EthereumAdapter.TRANSFER_GAS, to, wei,
                fees.maxPriorityFeePerGas(), fees.maxFeePerGas());
        String txid = chain.broadcast(TransactionEncoder.signMessage(tx, FUNDED));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (chain.status(txid).state() != TxStatus.State.MINED) {
            assertThat(System.nanoTime()).as("mined").isLessThan(deadline);
            Thread.sleep(50);
        }
        return txid;
    }

    /** What a wallet's personal_sign answers: r || s || v, hex. */
    private static String personalSign(Credentials signer, String message) {
        Sign.SignatureData sig = Sign.signPrefixedMessage(message.getBytes(StandardCharsets.UTF_8),
                signer.getEcKeyPair());
        byte[] raw = new byte[65];
        System.arraycopy(sig.getR(), 0, raw, 0, 32);
        System.arraycopy(sig.getS(), 0, raw, 32, 32);
        raw[64] = sig.getV()[0];
        return Numeric.toHexString(raw);
    }
}
