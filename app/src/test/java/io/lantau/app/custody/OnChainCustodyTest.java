package io.lantau.app.custody;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lantau.app.api.NativeSession.Answer;
import io.lantau.app.platform.CustodyConfig;
import io.lantau.app.platform.CustodyWiring;
import io.lantau.app.platform.PlatformHarness;
import io.lantau.core.config.StandardMarkets;
import io.lantau.custody.hotcold.WalletTier;
import io.lantau.custody.ledger.LedgerEntry;
import io.lantau.custody.ledger.LedgerKind;
import io.lantau.custody.reconcile.AssetReconciliation;
import io.lantau.custody.reconcile.Reconciler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * Custody end to end on a real server and a real local Ethereum node (issue 5 acceptance), through the public API
 * only: a client's deposit to its own address is credited once after the profile's confirmations; a withdrawal to an
 * address the client proved to own (personal_sign, HK-18) with a TOTP code (HK-29) is signed, broadcast, confirmed
 * and debited once; afterwards the core, the custody ledger and the chain agree (HK-33).
 */
class OnChainCustodyTest {
    static final int DEPOSIT_CONFIRMATIONS = 3;
    static final int WITHDRAWAL_CONFIRMATIONS = 2;
    static LocalChain chain;

    @BeforeAll
    static void startNode() {
        chain = new LocalChain();
    }

    @AfterAll
    static void stopNode() {
        if (chain != null) {
            chain.close();
        }
    }

    /**
     * The OPEN profile (no onboarding, no travel-rule threshold, no address cool-down) with what this scenario checks
     * switched on: a TOTP code per withdrawal and more than one confirmation each way.
     */
    static Path profile(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode open;
        try (InputStream in = OnChainCustodyTest.class.getResourceAsStream(
                "/io/lantau/compliance/profiles/OPEN.json")) {
            open = (ObjectNode) json.readTree(in);
        }
        open.put("id", "OPEN_CUSTODY_TEST");
        ObjectNode custody = (ObjectNode) open.get("custody");
        custody.put("withdrawalTotpRequired", true);
        custody.put("depositConfirmations", DEPOSIT_CONFIRMATIONS);
        custody.put("withdrawalConfirmations", WITHDRAWAL_CONFIRMATIONS);
        Path file = dir.resolve("open-custody-test.json");
        Files.writeString(file, json.writeValueAsString(open), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void shouldCreditADepositOnceAndWithdrawToAProvenAddressOnceWithEveryLedgerAgreeing(@TempDir Path dir)
            throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        try (PlatformHarness harness = new PlatformHarness(data, PlatformHarness.openDefaults()
                .withProfile(profile(dir).toString())
                .withCustody(CustodyConfig.defaults().withEthereum(chain.rpcUrl(), null, chain.tip())))) {
            CustodyWiring custody = harness.platform().parts().custody;
            CustodyClient client = CustodyClient.register(harness.baseUrl());

            // The deposit address: derived from the demo xpub, the same on every request.
            Answer address = client.get("/custody/deposit-address/ETH");
            assertThat(address.status()).as(address.body()).isEqualTo(200);
            String depositAddress = address.json().getString("address");
            assertThat(client.get("/custody/deposit-address/ETH").json().getString("address"))
                    .isEqualTo(depositAddress);

            // 1.5 ETH arrives in one block: seen, but not credited below the profile's confirmations.
            String depositTx = chain.send(depositAddress, new BigInteger("1500000000000000000"));
            JsonObject seen = await(() -> deposits(client).size() == 1, () -> deposits(client).getJsonObject(0));
            assertThat(Numeric.cleanHexPrefix(seen.getString("txid"))).isEqualToIgnoringCase(
                    Numeric.cleanHexPrefix(depositTx));
            assertThat(seen.getString("state")).isEqualTo("SEEN");
            assertThat(client.total("ETH")).isZero();

            chain.mine(DEPOSIT_CONFIRMATIONS - 1);
            await(() -> client.total("ETH").compareTo(new BigDecimal("1.5")) == 0, () -> null);
            await(() -> "CREDITED".equals(deposits(client).getJsonObject(0).getString("state")), () -> null);
            // Later blocks credit nothing again: another client's deposit, mined after them, is credited by a later
            // pass of the same tracker, and the first deposit is still there once.
            chain.mine(5);
            CustodyClient marker = CustodyClient.register(harness.baseUrl());
            String markerAddress = marker.get("/custody/deposit-address/ETH").json().getString("address");
            assertThat(markerAddress).isNotEqualToIgnoringCase(depositAddress);
            chain.send(markerAddress, new BigInteger("10000000000000000"));
            chain.mine(DEPOSIT_CONFIRMATIONS - 1);
            await(() -> marker.total("ETH").compareTo(new BigDecimal("0.01")) == 0, () -> null);
            assertThat(deposits(client)).hasSize(1);
            assertThat(client.balance("ETH")[0]).isEqualByComparingTo("1.5");
            assertThat(custody.tiers().balance(StandardMarkets.ETH.assetId(), WalletTier.HOT))
                    .isEqualTo(151_000_000L);

            // The platform's float on its hot wallet for gas (house funds, recorded as such).
            BigInteger float_ = new BigInteger("2000000000000000000");
            String funding = chain.send(custody.hotWalletAddress(), float_);
            custody.ledger().append(new LedgerEntry("ETH", "ETH", LedgerKind.HOUSE_FUNDING, 0, float_,
                    "funding:" + funding));

            // The client proves it owns the destination (personal_sign of the challenge) and whitelists it.
            Credentials owner = Credentials.create(Keys.createEcKeyPair());
            String destination = owner.getAddress();
            Answer challenge = client.get("/custody/whitelist/challenge?asset=ETH&address=" + destination);
            assertThat(challenge.status()).as(challenge.body()).isEqualTo(200);
            Answer unproven = client.post("/custody/whitelist", new JsonObject().put("asset", "ETH")
                    .put("address", destination).put("signature", personalSign(Credentials.create(
                            Keys.createEcKeyPair()), challenge.json().getString("message"))));
            assertThat(unproven.json().getString("code")).as(unproven.body()).isEqualTo("OWNERSHIP_PROOF_INVALID");
            Answer whitelisted = client.post("/custody/whitelist", new JsonObject().put("asset", "ETH")
                    .put("address", destination).put("signature",
                            personalSign(owner, challenge.json().getString("message"))));
            assertThat(whitelisted.status()).as(whitelisted.body()).isEqualTo(201);
            assertThat(harness.platform().parts().withdrawalWhitelist.whitelisted(client.userId, destination))
                    .isTrue();

            // Without TOTP: refused, nothing locked.
            client.enrolTotp();
            JsonObject request = new JsonObject().put("asset", "ETH").put("requestId", "w-1")
                    .put("address", destination).put("amount", "0.4");
            Answer noTotp = client.post("/custody/withdrawals", request);
            assertThat(noTotp.json().getString("code")).as(noTotp.body()).isEqualTo("TOTP_REQUIRED");
            assertThat(client.balance("ETH")[1]).isZero();

            Answer requested = client.post("/custody/withdrawals", request.copy().put("totpCode",
                    client.totpCode(1)));
            assertThat(requested.status()).as(requested.body()).isEqualTo(201);
            String withdrawalId = requested.json().getString("withdrawalId");
            JsonObject broadcast = await(() -> withdrawal(client, withdrawalId).getString("txid") != null,
                    () -> withdrawal(client, withdrawalId));
            assertThat(broadcast.getString("state")).isIn("BROADCAST", "SETTLED");
            chain.mine(WITHDRAWAL_CONFIRMATIONS);
            await(() -> "SETTLED".equals(withdrawal(client, withdrawalId).getString("state")), () -> null);

            // The destination has exactly the amount; the client was debited exactly once (OPEN: no fee).
            assertThat(chain.balance(destination)).isEqualTo(new BigInteger("400000000000000000"));
            BigDecimal[] after = client.balance("ETH");
            assertThat(after[0]).isEqualByComparingTo("1.1");
            assertThat(after[1]).isZero();
            Answer repeated = client.post("/custody/withdrawals", request.copy().put("totpCode",
                    client.totpCode(2)));
            assertThat(repeated.status()).as(repeated.body()).isEqualTo(200);
            assertThat(repeated.json().getString("withdrawalId")).isEqualTo(withdrawalId);
            assertThat(client.total("ETH")).isEqualByComparingTo("1.1");

            // Core, custody ledger and chain agree: client trust 1.11 ETH (1.1 and the marker's 0.01); the chain
            // holds it plus the house's float less the gas paid, to the wei.
            assertThat(custody.ledger().clientTotal("ETH")).isEqualTo(new BigInteger("1110000000000000000"));
            assertThat(chain.balance(depositAddress).add(chain.balance(markerAddress))
                    .add(chain.balance(custody.hotWalletAddress()))).isEqualTo(custody.ledger().total("ETH"));
            List<AssetReconciliation> reconciled = custody.reconciler().run(Reconciler.MANUAL);
            assertThat(reconciled).extracting(AssetReconciliation::assetCode).contains("ETH", "HKD", "USD");
            assertThat(reconciled).allSatisfy(r -> assertThat(r.matched()).as(r.toString()).isTrue());
            assertThat(reconciled.stream().filter(r -> r.assetCode().equals("ETH")).findFirst().orElseThrow()
                    .coreMinor()).isEqualTo(111_000_000L);
            assertThat(custody.tiers().clientAssetsMinor(StandardMarkets.ETH.assetId())).isEqualTo(111_000_000L);

            // ETH credited in the core with nothing on chain behind it: reconciliation opens an incident, and the
            // incident freezes ETH withdrawals before anything is locked (HK-33).
            harness.deposit(marker.userId, StandardMarkets.ETH.assetId(), 1_000_000L);
            assertThat(custody.reconciler().run(Reconciler.MANUAL)).filteredOn(r -> r.assetCode().equals("ETH"))
                    .singleElement().satisfies(r -> assertThat(r.incidentId()).isPositive());
            Answer frozen = client.post("/custody/withdrawals", new JsonObject().put("asset", "ETH")
                    .put("requestId", "w-2").put("address", destination).put("amount", "0.1")
                    .put("totpCode", client.totpCode(2)));
            assertThat(frozen.status()).as(frozen.body()).isEqualTo(503);
            assertThat(frozen.json().getString("code")).isEqualTo("WITHDRAWALS_FROZEN");
            assertThat(client.balance("ETH")[1]).isZero();
            assertThat(client.total("ETH")).isEqualByComparingTo("1.1");
        }
    }

    @Test
    void shouldKeepTheDemoKeysAndCreditADepositOnceWhenThePlatformRestartsBeforeItsConfirmations(@TempDir Path dir)
            throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        io.lantau.app.platform.PlatformConfig config = PlatformHarness.openDefaults()
                .withProfile(profile(dir).toString())
                .withCustody(CustodyConfig.defaults().withEthereum(chain.rpcUrl(), null, chain.tip()));
        CustodyClient client;
        String depositAddress;
        String hotWallet;
        try (PlatformHarness first = new PlatformHarness(data, config)) {
            client = CustodyClient.register(first.baseUrl());
            depositAddress = client.get("/custody/deposit-address/ETH").json().getString("address");
            hotWallet = first.platform().parts().custody.hotWalletAddress();
            chain.send(depositAddress, new BigInteger("250000000000000000"));
            await(() -> deposits(client).size() == 1, () -> null);
            assertThat(client.total("ETH")).isZero();
        }
        // Demo only: the generated operator secrets are the owner's alone; the seed is kept only sealed.
        assertThat(Files.getPosixFilePermissions(data.resolve("demo-hot-key-operator-a.secret")))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        String operatorA = Files.readString(data.resolve("demo-hot-key-operator-a.secret")).trim();
        assertThat(Files.readString(data.resolve("demo-custody-seed.json"))).doesNotContain(operatorA);

        chain.mine(DEPOSIT_CONFIRMATIONS);
        try (PlatformHarness second = new PlatformHarness(data, config)) {
            CustodyClient again = CustodyClient.signIn(second.baseUrl(), client);
            assertThat(again.get("/custody/deposit-address/ETH").json().getString("address"))
                    .isEqualTo(depositAddress);
            assertThat(second.platform().parts().custody.hotWalletAddress()).isEqualTo(hotWallet);
            await(() -> again.total("ETH").compareTo(new BigDecimal("0.25")) == 0, () -> null);
            await(() -> "CREDITED".equals(deposits(again).getJsonObject(0).getString("state")), () -> null);
            assertThat(deposits(again)).hasSize(1);
            assertThat(second.platform().parts().custody.ledger().clientBalance("ETH", client.userId))
                    .isEqualTo(new BigInteger("250000000000000000"));
        }
    }

    static String personalSign(Credentials signer, String message) {
        Sign.SignatureData sig = Sign.signPrefixedMessage(message.getBytes(StandardCharsets.UTF_8),
                signer.getEcKeyPair());
        byte[] raw = new byte[65];
        System.arraycopy(sig.getR(), 0, raw, 0, 32);
        System.arraycopy(sig.getS(), 0, raw, 32, 32);
        raw[64] = sig.getV()[0];
        return Numeric.toHexString(raw);
    }

    static JsonArray deposits(CustodyClient client) {
        Answer a = client.get("/custody/deposits");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return new JsonArray(a.body());
    }

    static JsonObject withdrawal(CustodyClient client, String id) {
        Answer a = client.get("/custody/withdrawals/" + id);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    /** Waits (to a generous deadline) for the platform's chain passes to reach a state; @return then's value. */
    static <T> T await(BooleanSupplier condition, java.util.function.Supplier<T> then) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the platform did not get there in time");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return then.get();
    }
}
