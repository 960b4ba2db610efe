package io.lantau.custody.eth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.custody.chain.ObservedTransfer;
import io.lantau.custody.chain.TxStatus;
import io.lantau.custody.testing.AnvilChain;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;

/** The Ethereum adapter against a real anvil node. */
class EthereumAdapterTest {
    static AnvilChain chain;
    static EthereumAdapter adapter;

    @BeforeAll
    static void start() {
        chain = new AnvilChain();
        adapter = chain.adapter();
    }

    @AfterAll
    static void stop() {
        chain.close();
    }

    static String freshAddress() throws Exception {
        return Credentials.create(Keys.createEcKeyPair()).getAddress();
    }

    @Test
    void shouldFindTransferToWatchedAddressWithItsBlockAndAmount() throws Exception {
        String watched = freshAddress();
        String other = freshAddress();
        long before = adapter.tipHeight();
        BigInteger amount = new BigInteger("1234567890123456789");
        String txid = chain.send(AnvilChain.FUNDED, watched, amount);
        chain.send(AnvilChain.FUNDED, other, BigInteger.ONE);
        long tip = adapter.tipHeight();

        // A checksummed spelling of the watched address matches too.
        List<ObservedTransfer> found = adapter.transfersTo(Set.of(Keys.toChecksumAddress(watched)), before + 1, tip);

        assertThat(found).hasSize(1);
        ObservedTransfer t = found.get(0);
        assertThat(t.txid()).isEqualTo(txid).doesNotStartWith("0x");
        assertThat(t.amount()).isEqualTo(amount);
        assertThat(t.outputIndex()).isZero();
        assertThat(t.fromAddress()).isEqualToIgnoringCase(AnvilChain.FUNDED.getAddress());
        assertThat(t.blockHash()).isEqualTo(adapter.blockHash(t.blockHeight()));
        assertThat(adapter.balanceOf(watched)).isEqualTo(amount);
    }

    @Test
    void shouldReportMinedTransactionWithConfirmationsAndFee() throws Exception {
        String txid = chain.send(AnvilChain.FUNDED, freshAddress(), BigInteger.TEN);
        TxStatus mined = adapter.status(txid);
        assertThat(mined.state()).isEqualTo(TxStatus.State.MINED);
        assertThat(mined.confirmations()).isEqualTo(1);
        assertThat(mined.feePaid()).isPositive();

        chain.mine(4);

        assertThat(adapter.status(txid).confirmations()).isEqualTo(5);
        assertThat(adapter.status("00".repeat(32)).state()).isEqualTo(TxStatus.State.UNKNOWN);
    }

    @Test
    void shouldReturnSameTxidWhenSameBytesBroadcastAgain() throws Exception {
        EthFees fees = adapter.fees();
        RawTransaction tx = RawTransaction.createEtherTransaction(adapter.chainId(),
                adapter.pendingNonce(AnvilChain.FUNDED.getAddress()), EthereumAdapter.TRANSFER_GAS, freshAddress(),
                BigInteger.TWO, fees.maxPriorityFeePerGas(), fees.maxFeePerGas());
        byte[] signed = TransactionEncoder.signMessage(tx, AnvilChain.FUNDED);

        String first = adapter.broadcast(signed);
        String again = adapter.broadcast(signed);

        assertThat(again).isEqualTo(first);
        assertThat(adapter.status(first).state()).isEqualTo(TxStatus.State.MINED);
    }

    @Test
    void shouldRefuseTransactionTheNodeRejects() throws Exception {
        Credentials broke = Credentials.create(Keys.createEcKeyPair());
        EthFees fees = adapter.fees();
        RawTransaction tx = RawTransaction.createEtherTransaction(adapter.chainId(), BigInteger.ZERO,
                EthereumAdapter.TRANSFER_GAS, freshAddress(), BigInteger.TEN, fees.maxPriorityFeePerGas(),
                fees.maxFeePerGas());

        assertThatThrownBy(() -> adapter.broadcast(TransactionEncoder.signMessage(tx, broke)))
                .isInstanceOf(EthereumRpcException.class);
    }

    @Test
    void shouldSeeBlockHashChangeWhenChainReorganises() throws Exception {
        String txid = chain.send(AnvilChain.FUNDED, freshAddress(), BigInteger.TEN);
        long height = adapter.status(txid).blockHeight();
        String hash = adapter.blockHash(height);

        chain.reorg(1);

        assertThat(adapter.tipHeight()).isEqualTo(height);
        assertThat(adapter.blockHash(height)).isNotEqualTo(hash);
        assertThat(adapter.status(txid).state()).isNotEqualTo(TxStatus.State.MINED);
    }
}
