package io.lantau.custody.btc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.custody.chain.ObservedTransfer;
import io.lantau.custody.cold.ColdSigner;
import io.lantau.custody.chain.TxStatus;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.core.Transaction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Bitcoin Core adapter against recorded regtest answers ({@link RecordedBitcoinNode}) whose transactions are real
 * bitcoinj transactions ({@link RegtestScenario}).
 */
class BitcoinRpcAdapterTest {
    private static RegtestScenario scenario;
    private static RecordedBitcoinNode node;
    private static BitcoinRpcAdapter adapter;

    @BeforeAll
    static void startNode() throws IOException {
        scenario = new RegtestScenario();
        node = RecordedBitcoinNode.start();
        adapter = new BitcoinRpcAdapter(new BitcoinRpcClient(node.url(), node.user(), node.password(),
                Duration.ofSeconds(10)), RegtestScenario.NET);
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void shouldReadTheTipAndTheBlockHashes() {
        assertThat(adapter.chain()).isEqualTo("BTC");
        assertThat(adapter.tipHeight()).isEqualTo(103);
        assertThat(adapter.blockHash(102)).isEqualTo(RegtestScenario.blockHash(102));
    }

    @Test
    void shouldFindEveryDepositToTheWatchedAddressesInBlockOrderAndNothingElse() {
        List<ObservedTransfer> transfers = adapter.transfersTo(
                Set.of(scenario.deposit0.toUpperCase(), scenario.deposit1), 101, 103);

        String f1 = scenario.funding1.getTxId().toString();
        String f2 = scenario.funding2.getTxId().toString();
        assertThat(transfers).containsExactly(
                new ObservedTransfer("BTC", f1, 0, scenario.deposit0, null, BigInteger.valueOf(50_000_000), 101,
                        RegtestScenario.blockHash(101)),
                new ObservedTransfer("BTC", f1, 1, scenario.deposit1, null, BigInteger.valueOf(25_000_000), 101,
                        RegtestScenario.blockHash(101)),
                new ObservedTransfer("BTC", f2, 0, scenario.deposit0, null, BigInteger.valueOf(10_000_000), 102,
                        RegtestScenario.blockHash(102)));
        assertThat(adapter.transfersTo(Set.of(scenario.deposit1), 102, 103)).isEmpty();
    }

    @Test
    void shouldReadBalancesAndUnspentOutputsFromTheUtxoSet() {
        assertThat(adapter.balanceOf(scenario.deposit0)).isEqualTo(BigInteger.valueOf(60_000_000));
        assertThat(adapter.unspent(Set.of(scenario.deposit1, scenario.deposit0)))
                .extracting(BitcoinRpcAdapter.Unspent::valueSats).containsExactly(50_000_000L, 25_000_000L, 10_000_000L);
        assertThat(adapter.unspent(Set.of(scenario.deposit0))).allSatisfy(u ->
                assertThat(u.address()).isEqualTo(scenario.deposit0));
    }

    @Test
    void shouldConvertTheFeeEstimateToSatoshiPerVirtualByteAndFallBackWithoutOne() {
        assertThat(adapter.feeRateSatPerVbyte(6, 25)).isEqualTo(2);
        assertThat(adapter.feeRateSatPerVbyte(2, 25)).isEqualTo(25);
    }

    @Test
    void shouldBroadcastTheSignedWithdrawalAndSeeItPending() {
        String txid = adapter.broadcast(scenario.withdrawal.serialize());

        assertThat(txid).isEqualTo(scenario.withdrawal.getTxId().toString());
        assertThat(adapter.status(txid)).isEqualTo(new TxStatus(TxStatus.State.PENDING, -1, null, 0, BigInteger.ZERO));
    }

    @Test
    void shouldTreatARebroadcastOfAMinedTransactionAsSent() {
        assertThat(adapter.broadcast(scenario.funding1.serialize()))
                .isEqualTo(scenario.funding1.getTxId().toString());
    }

    @Test
    void shouldPassOnTheNodesRefusalOfAnInvalidTransaction() {
        assertThatThrownBy(() -> adapter.broadcast(scenario.tamperedWithdrawal.serialize()))
                .isInstanceOf(BitcoinRpcException.class)
                .satisfies(e -> assertThat(((BitcoinRpcException) e).code()).isEqualTo(-26));
    }

    @Test
    void shouldReportAMinedTransactionWithItsHeightConfirmationsAndFee() {
        TxStatus status = adapter.status(scenario.funding1.getTxId().toString());

        assertThat(status).isEqualTo(new TxStatus(TxStatus.State.MINED, 101, RegtestScenario.blockHash(101), 3,
                BigInteger.valueOf(10_000)));
    }

    @Test
    void shouldReportAnUnknownTransaction() {
        assertThat(adapter.status(Sha256Hash.of(new byte[] {9}).toString()).state()).isEqualTo(TxStatus.State.UNKNOWN);
    }

    @Test
    void shouldRefuseWrongCredentials() {
        BitcoinRpcAdapter wrong = new BitcoinRpcAdapter(new BitcoinRpcClient(node.url(), node.user(), "guess",
                Duration.ofSeconds(10)), RegtestScenario.NET);

        assertThatThrownBy(wrong::tipHeight).isInstanceOf(BitcoinRpcException.class)
                .hasMessageContaining("credentials");
    }

    @Test
    void shouldPlanTheWithdrawalFromTheNodesUtxosAndFeeEstimateWithChangeToThePlatform() {
        BitcoinWithdrawalPlanner planner = new BitcoinWithdrawalPlanner(adapter, scenario.account, 6, 25);
        Map<String, BitcoinWithdrawalPlanner.KeyPosition> own = Map.of(
                scenario.deposit0, new BitcoinWithdrawalPlanner.KeyPosition(0, 0),
                scenario.deposit1, new BitcoinWithdrawalPlanner.KeyPosition(0, 1));

        P2wpkhSpendBuilder.UnsignedSpend spend = planner.plan(own, scenario.clientAddress,
                RegtestScenario.WITHDRAWAL_SATS, 0);

        // Largest outputs first (0.5 + 0.25 BTC), 2 sat/vB from estimatesmartfee on the signed size.
        assertThat(spend.psbt()).isEqualTo(scenario.withdrawalSpend.psbt());
        assertThat(spend.feeSats()).isEqualTo(2L * scenario.withdrawal.getVsize());
        assertThat(75_000_000 - RegtestScenario.WITHDRAWAL_SATS - spend.changeSats()).isEqualTo(spend.feeSats());
        assertThat(scenario.withdrawal.getOutput(1).getScriptPubKey().getToAddress(RegtestScenario.NET).toString())
                .isEqualTo(scenario.account.changeAddress(0));
        assertThatThrownBy(() -> planner.plan(own, scenario.clientAddress, 85_000_000, 0))
                .isInstanceOf(P2wpkhSpendBuilder.InsufficientFundsException.class);
    }

    @Test
    void shouldBroadcastTheWithdrawalTheSignerSignedAndTheFinaliserVerified() {
        // The scenario's withdrawal is the planned PSBT signed by ColdSigner and finalised by P2wpkhFinalizer.
        Transaction signed = P2wpkhFinalizer.finalizeAndVerify(PsbtCodec.fromBase64(
                new ColdSigner(scenario.seed).signPsbt(PsbtCodec.toBase64(scenario.withdrawalSpend.psbt()))));

        assertThat(signed.serialize()).isEqualTo(scenario.withdrawal.serialize());
        assertThat(adapter.broadcast(signed.serialize())).isEqualTo(signed.getTxId().toString());
    }
}
