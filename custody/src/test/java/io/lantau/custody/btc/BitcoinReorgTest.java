package io.lantau.custody.btc;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.custody.chain.ObservedTransfer;
import io.lantau.custody.chain.TxStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the Bitcoin adapter shows a deposit tracker across a chain reorganisation (recorded before and after blocks 102
 * and 103 were replaced): the replaced heights answer with new hashes, the deposit that was in the orphaned block 102
 * is no longer a transfer of the best chain but a pending transaction, and the deposit in block 101 is unchanged.
 * A tracker that remembers the hash it credited at each height sees the difference and re-scans.
 */
class BitcoinReorgTest {
    private final RegtestScenario scenario = new RegtestScenario();

    @Test
    void shouldShowTheReplacedBlocksAndMoveTheOrphanedDepositBackToPending() throws IOException {
        List<ObservedTransfer> before;
        String hash102Before;
        try (RecordedBitcoinNode node = RecordedBitcoinNode.start()) {
            BitcoinRpcAdapter adapter = adapter(node);
            before = adapter.transfersTo(Set.of(scenario.deposit0), 101, 103);
            hash102Before = adapter.blockHash(102);
        }
        try (RecordedBitcoinNode node = RecordedBitcoinNode.start("/btc-regtest/rpc-after-reorg.json")) {
            BitcoinRpcAdapter adapter = adapter(node);
            List<ObservedTransfer> after = adapter.transfersTo(Set.of(scenario.deposit0), 101, 103);

            assertThat(before).extracting(ObservedTransfer::txid).containsExactly(
                    scenario.funding1.getTxId().toString(), scenario.funding2.getTxId().toString());
            assertThat(adapter.blockHash(101)).isEqualTo(RegtestScenario.blockHash(101));
            assertThat(adapter.blockHash(102)).isEqualTo(RegtestScenario.reorgHash(102)).isNotEqualTo(hash102Before);
            assertThat(after).containsExactly(before.get(0));
            assertThat(adapter.status(scenario.funding2.getTxId().toString()).state())
                    .isEqualTo(TxStatus.State.PENDING);
        }
    }

    private static BitcoinRpcAdapter adapter(RecordedBitcoinNode node) {
        return new BitcoinRpcAdapter(new BitcoinRpcClient(node.url(), node.user(), node.password(),
                Duration.ofSeconds(10)), RegtestScenario.NET);
    }
}
