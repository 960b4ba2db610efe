package io.lantau.app.custody;

import static io.lantau.app.custody.OnChainCustodyTest.DEPOSIT_CONFIRMATIONS;
import static io.lantau.app.custody.OnChainCustodyTest.WITHDRAWAL_CONFIRMATIONS;
import static io.lantau.app.custody.OnChainCustodyTest.await;
import static io.lantau.app.custody.OnChainCustodyTest.deposits;
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
import io.lantau.custody.sweep.HotSweep;
import io.lantau.custody.sweep.SweepState;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot-to-cold sweeps on a real server and a real local Ethereum node (HK-16, HK-17): with the profile's cap at 2 %
 * hot, a client's deposit pushes the hot tier above it; once the hot wallet can pay, the platform signs and
 * broadcasts the excess to the cold account's first address, and after the profile's confirmations moves it HOT to
 * COLD exactly once; the core, the custody ledger and the chain (now counting the cold address) still agree (HK-33).
 */
class OnChainSweepTest {
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

    /** The custody test profile with the Hong Kong hot/cold limits: at most 2 % hot, at least 98 % cold. */
    static Path profile(Path dir) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Path base = OnChainCustodyTest.profile(dir);
        ObjectNode profile = (ObjectNode) json.readTree(Files.readString(base, StandardCharsets.UTF_8));
        profile.put("id", "OPEN_SWEEP_TEST");
        ObjectNode custody = (ObjectNode) profile.get("custody");
        custody.put("maxHotPercent", 2);
        custody.put("minColdPercent", 98);
        Path file = dir.resolve("open-sweep-test.json");
        Files.writeString(file, json.writeValueAsString(profile), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void shouldSweepADepositAboveTheHotCapToColdStorageOnceWithEveryLedgerAgreeing(@TempDir Path dir)
            throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        io.lantau.app.platform.PlatformConfig config = PlatformHarness.openDefaults()
                .withProfile(profile(dir).toString())
                .withCustody(CustodyConfig.defaults().withEthereum(chain.rpcUrl(), null, chain.tip()));
        String coldAddress;
        try (PlatformHarness harness = new PlatformHarness(data, config)) {
            CustodyWiring custody = harness.platform().parts().custody;
            int eth = StandardMarkets.ETH.assetId();
            String hot = custody.hotWalletAddress();
            String cold = custody.coldWalletAddress();
            assertThat(cold).isNotNull().isNotEqualToIgnoringCase(hot);
            coldAddress = cold;
            CustodyClient client = CustodyClient.register(harness.baseUrl());
            Answer address = client.get("/custody/deposit-address/ETH");
            assertThat(address.status()).as(address.body()).isEqualTo(200);
            String depositAddress = address.json().getString("address");
            assertThat(depositAddress).isNotEqualToIgnoringCase(cold);

            // 1.5 ETH credited: all of it hot, far above the 2 % cap.
            chain.send(depositAddress, new BigInteger("1500000000000000000"));
            chain.mine(DEPOSIT_CONFIRMATIONS);
            await(() -> client.total("ETH").compareTo(new BigDecimal("1.5")) == 0, () -> null);
            await(() -> "CREDITED".equals(deposits(client).getJsonObject(0).getString("state")), () -> null);
            await(() -> custody.tiers().balance(eth, WalletTier.HOT) == 150_000_000L, () -> null);

            // The hot wallet pays the sweep and its gas; until the house funds it, the sweep waits, nothing is sent.
            assertThat(custody.sweeps().all("ETH")).isEmpty();
            BigInteger float_ = new BigInteger("2000000000000000000");
            String funding = chain.send(hot, float_);
            custody.ledger().append(new LedgerEntry("ETH", "ETH", LedgerKind.HOUSE_FUNDING, 0, float_,
                    "funding:" + funding));

            HotSweep sent = await(() -> !custody.sweeps().all("ETH").isEmpty()
                    && custody.sweeps().all("ETH").getFirst().txid() != null,
                    () -> custody.sweeps().all("ETH").getFirst());
            // 2 % of 1.5 ETH may stay hot: 1.47 ETH to cold, to the cold address and nowhere else.
            assertThat(sent.amountMinor()).isEqualTo(147_000_000L);
            assertThat(sent.toAddress()).isEqualToIgnoringCase(cold);
            assertThat(sent.fromAddress()).isEqualToIgnoringCase(hot);
            chain.mine(WITHDRAWAL_CONFIRMATIONS);
            await(() -> custody.sweeps().all("ETH").getFirst().state() == SweepState.CONFIRMED, () -> null);
            // Later passes sweep nothing again: the hot tier is within its cap.
            chain.mine(3);
            long passes = System.nanoTime();
            await(() -> System.nanoTime() - passes > 3 * 2_000_000_000L, () -> null);
            assertThat(custody.sweeps().all("ETH")).hasSize(1);

            BigInteger sweptBase = new BigInteger("1470000000000000000");
            assertThat(chain.balance(cold)).isEqualTo(sweptBase);
            assertThat(custody.tiers().balance(eth, WalletTier.HOT)).isEqualTo(3_000_000L);
            assertThat(custody.tiers().balance(eth, WalletTier.COLD)).isEqualTo(147_000_000L);
            assertThat(client.total("ETH")).isEqualByComparingTo("1.5");
            assertThat(custody.ledger().clientTotal("ETH")).isEqualTo(new BigInteger("1500000000000000000"));
            assertThat(chain.balance(depositAddress).add(chain.balance(hot)).add(chain.balance(cold)))
                    .isEqualTo(custody.ledger().total("ETH"));
            assertThat(chain.balance(hot)).isLessThan(float_.subtract(sweptBase));

            // Core, custody ledger and chain (hot, deposit and cold addresses) agree.
            List<AssetReconciliation> reconciled = custody.reconciler().run(Reconciler.MANUAL);
            assertThat(reconciled).extracting(AssetReconciliation::assetCode).contains("ETH");
            assertThat(reconciled).allSatisfy(r -> assertThat(r.matched()).as(r.toString()).isTrue());
            assertThat(reconciled.stream().filter(r -> r.assetCode().equals("ETH")).findFirst().orElseThrow()
                    .coreMinor()).isEqualTo(150_000_000L);
        }

        // After a restart: the same cold address (from the same sealed demo seed), the sweep not repeated.
        try (PlatformHarness again = new PlatformHarness(data, config)) {
            CustodyWiring custody = again.platform().parts().custody;
            assertThat(custody.coldWalletAddress()).isEqualTo(coldAddress);
            chain.mine(3);
            long passes = System.nanoTime();
            await(() -> System.nanoTime() - passes > 3 * 2_000_000_000L, () -> null);
            assertThat(custody.sweeps().all("ETH")).singleElement()
                    .satisfies(s -> assertThat(s.state()).isEqualTo(SweepState.CONFIRMED));
            assertThat(custody.tiers().balance(StandardMarkets.ETH.assetId(), WalletTier.COLD))
                    .isEqualTo(147_000_000L);
            assertThat(chain.balance(coldAddress)).isEqualTo(new BigInteger("1470000000000000000"));
            assertThat(custody.reconciler().run(Reconciler.MANUAL))
                    .allSatisfy(r -> assertThat(r.matched()).as(r.toString()).isTrue());
        }
    }
}
