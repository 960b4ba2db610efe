package io.lantau.app.collectibles;

import static io.lantau.app.licensing.LicensingScenario.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.app.api.NativeSession;
import io.lantau.app.licensing.LicensedClient;
import io.lantau.app.api.NativeSession.Answer;
import io.lantau.app.platform.CollectiblesChain;
import io.lantau.app.platform.CustodyConfig;
import io.lantau.app.platform.PlatformConfig;
import io.lantau.app.platform.PlatformHarness;
import io.lantau.collectibles.chain.Erc721Contract;
import io.lantau.testsupport.AnvilNode;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.Transfer;
import org.web3j.utils.Convert;
import org.web3j.utils.Numeric;

/**
 * The platform's ERC-721 contract on a real local Ethereum node (issue 6): with a node configured under
 * {@code HK_VATP}, the contract key is made at the first start and the contract deployed once it has gas; later starts
 * bind to the same contract (its key sends no second deploy), and the token URIs' metadata route answers; an item is
 * exported to its owner's whitelisted address through the API and unlocked when it comes back.
 */
class CollectiblesContractNodeTest {
    static AnvilNode node;
    static Web3j web3j;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void startNode() {
        node = AnvilNode.start();
        web3j = Web3j.build(new HttpService(node.rpcUrl()));
    }

    @AfterAll
    static void stopNode() {
        if (web3j != null) {
            web3j.shutdown();
        }
        if (node != null) {
            node.close();
        }
    }

    private PlatformConfig withNode() {
        return PlatformConfig.defaults().withCustody(CustodyConfig.defaults().withEthereum(node.rpcUrl(), null, 0));
    }

    @Test
    void shouldDeployTheContractOnceItsKeyHasGasAndReuseItOnRestart() throws Exception {
        String key;
        try (PlatformHarness first = new PlatformHarness(dataDir, withNode())) {
            CollectiblesChain chain = first.platform().parts().collectiblesChain;
            key = chain.keyAddress();
            assertThat(key).startsWith("0x");
            assertThat(chain.contract()).as("no gas, no deploy").isNull();
        }
        Transfer.sendFunds(web3j, Credentials.create(AnvilNode.FUNDED_PRIVATE_KEY), key, BigDecimal.ONE,
                Convert.Unit.ETHER).send();

        String contract;
        try (PlatformHarness second = new PlatformHarness(dataDir, withNode())) {
            CollectiblesChain chain = second.platform().parts().collectiblesChain;
            assertThat(chain.keyAddress()).isEqualToIgnoringCase(key); // the sealed key, unsealed again
            contract = chain.contract().address();
            assertThat(web3j.ethGetCode(contract, DefaultBlockParameterName.LATEST).send().getCode())
                    .isNotEqualTo("0x");
            assertThat(Files.readString(dataDir.resolve("collectibles-erc721.address")).trim()).isEqualTo(contract);
            // The token URI route serves ERC-721 metadata and refuses an unknown item with its code.
            Answer unknown = NativeSession.send(second.baseUrl(), "GET", "/collectibles/erc721/999", null, null,
                    null);
            assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
            assertThat(unknown.json().getString("code")).isEqualTo("UNKNOWN_ITEM");
        }

        try (PlatformHarness third = new PlatformHarness(dataDir, withNode())) {
            assertThat(third.platform().parts().collectiblesChain.contract().address()).isEqualTo(contract);
        }
        // One transaction from the key in all: the one deploy.
        assertThat(web3j.ethGetTransactionCount(key, DefaultBlockParameterName.LATEST).send().getTransactionCount())
                .isEqualTo(BigInteger.ONE);
    }

    /** {@code HK_VATP} without the new-address cool-down (HK-18's 24 hours), so that a fresh address is usable. */
    private PlatformConfig hkWithNodeAndNoCooldown() throws Exception {
        JsonObject profile;
        try (InputStream in = getClass().getResourceAsStream(
                "/io/lantau/compliance/profiles/HK_VATP.json")) {
            profile = new JsonObject(new String(in.readAllBytes(),
                    StandardCharsets.UTF_8));
        }
        profile.getJsonObject("custody").put("newAddressCooldownHours", 0);
        Path file = Files.createDirectories(dataDir.resolve("profiles")).resolve("HK_VATP.json");
        Files.writeString(file, profile.encodePrettily());
        return withNode().withProfile(file.toString());
    }

    @Test
    void shouldExportAnItemToItsOwnersWhitelistedAddressAndUnlockItWhenItComesBack() throws Exception {
        Path data = Files.createDirectories(dataDir.resolve("data"));
        PlatformConfig config = hkWithNodeAndNoCooldown();
        try (PlatformHarness first = new PlatformHarness(data, config)) {
            Transfer.sendFunds(web3j, Credentials.create(AnvilNode.FUNDED_PRIVATE_KEY),
                    first.platform().parts().collectiblesChain.keyAddress(), BigDecimal.ONE, Convert.Unit.ETHER)
                    .send();
        }
        try (CollectiblesScenario s = new CollectiblesScenario(data, config)) {
            Erc721Contract contract = s.platform.harness.platform().parts()
                    .collectiblesChain.contract();
            assertThat(contract).isNotNull();
            LicensedClient issuer = s.retailClient("Harbour Studio Limited");
            LicensedClient holder = s.retailClient("Alice Chan");
            long collection = s.collectionWithItems(issuer, s.verifiedIssuer(issuer), 0, 1);
            s.platform.credit(holder, "HKD", "100.00");
            long dropId = expect(issuer.post("/collectibles/drops",
                    CollectiblesScenario.drop(collection, "HKD", "100.00", 1, 1)), 201).json().getLong("id");
            expect(holder.post("/collectibles/drops/" + dropId
                    + "/entries", new JsonObject().put("quantity", 1)), 201);
            long item = CollectiblesScenario.drawWhenClosed(issuer, dropId).getJsonArray("positions")
                    .getJsonObject(0).getLong("itemId");

            // The token URI (base URI + token id) serves the item's ERC-721 metadata.
            JsonObject metadata = expect(holder.get("/collectibles/erc721/" + item), 200).json();
            assertThat(metadata.getString("image")).startsWith("ipfs://bafkrei");

            // The holder proves it owns a fresh address (personal_sign, HK-18) and whitelists it.
            Credentials wallet = Credentials.create(Keys.createEcKeyPair());
            String address = wallet.getAddress();
            String message = expect(holder.get(
                    "/custody/whitelist/challenge?asset=ETH&address=" + address), 200).json().getString("message");
            expect(holder.post("/custody/whitelist",
                    new JsonObject().put("asset", "ETH").put("address", address)
                            .put("signature", personalSign(wallet, message))), 201);

            Answer exported = holder.post("/collectibles/items/" + item + "/export",
                    new JsonObject().put("address", address));
            assertThat(exported.status()).as(exported.body()).isEqualTo(200);
            assertThat(contract.ownerOf(BigInteger.valueOf(item))).hasValueSatisfying(
                    owner -> assertThat(owner).isEqualToIgnoringCase(address));
            assertThat(holder.get("/collectibles/items/" + item).json().getString("locked")).isNotNull();
            // Nothing is minted twice: a second export is refused and the chain is unchanged.
            Answer again = holder.post("/collectibles/items/" + item + "/export",
                    new JsonObject().put("address", address));
            assertThat(again.status()).as(again.body()).isEqualTo(409);
            assertThat(contract.ownerOf(BigInteger.valueOf(item))).hasValueSatisfying(
                    owner -> assertThat(owner).isEqualToIgnoringCase(address));

            // The holder sends the token back to the platform: the periodic scan unlocks the item.
            Transfer.sendFunds(web3j, Credentials.create(AnvilNode.FUNDED_PRIVATE_KEY), address,
                    BigDecimal.ONE, Convert.Unit.ETHER).send();
            Erc721Contract asHolder = Erc721Contract.at(
                    web3j, wallet, AnvilNode.CHAIN_ID, contract.address());
            asHolder.transferFromSigner(contract.platformAddress(), BigInteger.valueOf(item));
            for (int attempt = 0; attempt < 300
                    && holder.get("/collectibles/items/" + item).json().getString("locked") != null; attempt++) {
                Thread.sleep(100);
            }
            JsonObject back = holder.get("/collectibles/items/" + item).json();
            assertThat(back.getString("locked")).as(back.encode()).isNull();
            assertThat(back.getLong("ownerId")).isEqualTo(holder.userId);
        }
    }

    static String personalSign(Credentials signer, String message) {
        Sign.SignatureData sig = Sign.signPrefixedMessage(
                message.getBytes(StandardCharsets.UTF_8), signer.getEcKeyPair());
        byte[] raw = new byte[65];
        System.arraycopy(sig.getR(), 0, raw, 0, 32);
        System.arraycopy(sig.getS(), 0, raw, 32, 32);
        raw[64] = sig.getV()[0];
        return Numeric.toHexString(raw);
    }
}
