package io.lantau.custody.reserves;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.custody.chain.ChainAdapter;
import io.lantau.testsupport.AnvilNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * The asset side against a real Ethereum node (anvil): one address's balance with its personal_sign proof of
 * control, declared fiat, and assets ≥ liabilities per asset with exact unit conversion (PoR-1).
 */
class ReservesReportTest {
    private static final List<AssetUnit> ASSETS = List.of(new AssetUnit("ETH", 8), new AssetUnit("HKD", 2));
    /** anvil funds the first account of its mnemonic with 10,000 ETH. */
    private static final BigInteger FUNDED_WEI = new BigInteger("10000000000000000000000");
    private static final String FUNDED = AnvilNode.FUNDED_ADDRESS;

    private static AnvilNode anvil;
    private static NodeBalances node;
    private static Map<String, ChainAdapter> adapters;
    private static final Map<String, ControlProofVerifier> VERIFIERS = Map.of("ETH",
            new EthereumControlProofVerifier());

    @BeforeAll
    static void startNode() {
        anvil = AnvilNode.start();
        node = new NodeBalances(anvil.rpcUrl());
        adapters = Map.of("ETH", node);
    }

    @AfterAll
    static void stopNode() {
        node.close();
        anvil.close();
    }

    /** A root whose ETH liabilities are {@code ethMinor} (1e-8 ETH) and HKD {@code hkdMinor}. */
    private static ReservesRoot root(long ethMinor, long hkdMinor) {
        LiabilitySnapshot snapshot = new LiabilitySnapshot(5, Instant.parse("2026-11-29T08:00:00Z"), ASSETS, List.of(
                new ClientLiability(7, List.of(ethMinor - 1, hkdMinor)), new ClientLiability(8, List.of(1L, 0L))));
        return MerkleSumTree.build(snapshot, new Random(2)).root();
    }

    private static String personalSign(ECKeyPair key, String message) {
        Sign.SignatureData signature = Sign.signPrefixedMessage(message.getBytes(StandardCharsets.UTF_8), key);
        byte[] bytes = new byte[65];
        System.arraycopy(signature.getR(), 0, bytes, 0, 32);
        System.arraycopy(signature.getS(), 0, bytes, 32, 32);
        bytes[64] = signature.getV()[0];
        return Numeric.toHexString(bytes);
    }

    private static ReserveAddress provenFunded(ReservesRoot root) {
        ECKeyPair key = Credentials.create(AnvilNode.FUNDED_PRIVATE_KEY).getEcKeyPair();
        return new ReserveAddress("ETH", FUNDED, personalSign(key, ReservesReport.controlMessage(FUNDED,
                root.rootHash())));
    }

    @Test
    void shouldCoverLiabilitiesWithAProvenAddressAndDeclaredFiat() {
        ReservesRoot root = root(999_950_000_000L, 1_000_000);   // 9,999.5 ETH and 10,000 HKD owed

        ReservesReport report = ReservesReport.build(root, List.of(provenFunded(root)),
                List.of(new FiatHolding("HKD", 1_000_000, "HSBC 123-456789-001")), adapters, VERIFIERS);

        assertThat(report.addresses()).singleElement().satisfies(a -> {
            assertThat(a.controlProven()).isTrue();
            assertThat(a.balanceBaseUnits()).isEqualTo(FUNDED_WEI);
        });
        ReservesReport.AssetLine eth = report.asset("ETH");
        assertThat(eth.decimals()).isEqualTo(18);
        assertThat(eth.onChain()).isEqualTo(FUNDED_WEI);
        assertThat(eth.liabilities()).isEqualTo(new BigInteger("9999500000000000000000"));
        assertThat(eth.format(eth.assets().subtract(eth.liabilities()))).isEqualTo("0.5");
        assertThat(report.asset("HKD").covered()).isTrue();
        assertThat(report.assetsCoverLiabilities()).isTrue();
        assertThat(report.toText()).contains("ETH    liabilities 9999.5, assets 10000 (on chain 10000, fiat 0): COVERED");
    }

    @Test
    void shouldFindTheReservesShortByOneMinorUnitExactly() {
        ReservesRoot root = root(1_000_000_000_001L, 0);   // 10,000.00000001 ETH owed: one minor unit above

        ReservesReport report = ReservesReport.build(root, List.of(provenFunded(root)), List.of(), adapters,
                VERIFIERS);

        assertThat(report.asset("ETH").covered()).isFalse();
        assertThat(report.assetsCoverLiabilities()).isFalse();
        assertThat(report.toText()).contains("SHORT by 0.00000001");
    }

    @Test
    void shouldNotCountAnAddressWhoseControlIsNotProven() {
        ReservesRoot root = root(100_000_000L, 0);
        ECKeyPair stranger = Credentials.create(Numeric.toHexStringNoPrefix(BigInteger.valueOf(123456789)))
                .getEcKeyPair();
        assertThat("0x" + Keys.getAddress(stranger)).isNotEqualToIgnoringCase(FUNDED);
        ReservesRoot older = root(100_000_001L, 0);

        for (ReserveAddress unproven : List.of(
                new ReserveAddress("ETH", FUNDED, personalSign(stranger,
                        ReservesReport.controlMessage(FUNDED, root.rootHash()))),
                provenFunded(older),                      // a signature for another root
                new ReserveAddress("ETH", FUNDED, "0x1234"))) {
            ReservesReport report = ReservesReport.build(root, List.of(unproven), List.of(), adapters, VERIFIERS);

            assertThat(report.addresses().get(0).controlProven()).isFalse();
            assertThat(report.addresses().get(0).balanceBaseUnits()).isEqualTo(FUNDED_WEI);
            assertThat(report.asset("ETH").onChain()).isZero();
            assertThat(report.assetsCoverLiabilities()).isFalse();
        }
    }

    @Test
    void shouldRefuseInputsThatCannotBeReported() {
        ReservesRoot root = root(100_000_000L, 0);

        assertThatThrownBy(() -> ReservesReport.build(root, List.of(provenFunded(root), provenFunded(root)), List.of(),
                adapters, VERIFIERS)).isInstanceOf(ReservesException.class).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> ReservesReport.build(root, List.of(new ReserveAddress("BTC", "bc1qexample", "")),
                List.of(), adapters, VERIFIERS)).hasMessageContaining("no adapter for chain BTC");
        assertThatThrownBy(() -> ReservesReport.build(root, List.of(), List.of(new FiatHolding("USD", 5, "bank")),
                adapters, VERIFIERS)).hasMessageContaining("USD is not among the root's assets");
        assertThatThrownBy(() -> ReservesReport.build(root, List.of(), List.of(new FiatHolding("HKD", -5, "bank")),
                adapters, VERIFIERS)).hasMessageContaining("negative");
    }
}
