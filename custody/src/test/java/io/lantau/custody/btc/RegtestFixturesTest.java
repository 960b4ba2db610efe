package io.lantau.custody.btc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Map;
import org.bitcoinj.base.Coin;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionInput;
import org.bitcoinj.core.TransactionOutput;
import org.bitcoinj.script.Script;
import org.junit.jupiter.api.Test;

/**
 * The recorded regtest answers are real bitcoinj data: the committed file is exactly what {@link RegtestScenario}
 * builds, every transaction's txid is the hash of its hex, and every non-coinbase input's witness spends the output it
 * names under bitcoinj's script interpreter. Run with {@code -Dlantau.writeFixtures=true} to rewrite the file from the
 * scenario (then this test compares the file with itself).
 */
class RegtestFixturesTest {

    @Test
    void shouldBeExactlyWhatTheBitcoinjScenarioBuilds() throws IOException {
        RegtestScenario scenario = new RegtestScenario();
        if (Boolean.getBoolean("lantau.writeFixtures")) {
            RegtestScenario.main(new String[0]);
        }

        assertThat(committed("/btc-regtest/rpc.json")).isEqualTo(reread(scenario.fixtures()));
        assertThat(committed("/btc-regtest/rpc-after-reorg.json")).isEqualTo(reread(scenario.fixturesAfterReorg()));
    }

    @Test
    void shouldHoldOnlyTransactionsWhoseIdsAndSignaturesCheckOut() throws IOException {
        Map<String, Transaction> byTxid = new HashMap<>();
        for (JsonNode tx : committed().findValues("hex")) {
            if (tx.isTextual() && tx.asText().length() > 100) {
                Transaction parsed = Transaction.read(ByteBuffer.wrap(HexFormat.of().parseHex(tx.asText())));
                byTxid.put(parsed.getTxId().toString(), parsed);
            }
        }
        for (JsonNode decoded : committed().findParents("vout")) {
            if (decoded.get("vout").isArray()) {
                // Every decoded transaction is the parse of a recorded hex, under the same txid.
                assertThat(byTxid).containsKey(decoded.path("txid").asText());
            }
        }
        int verified = 0;
        for (Transaction tx : byTxid.values()) {
            for (int i = 0; i < tx.getInputs().size(); i++) {
                TransactionInput in = tx.getInput(i);
                Transaction parent = byTxid.get(in.getOutpoint().hash().toString());
                if (in.isCoinBase() || parent == null) {
                    continue;
                }
                TransactionOutput spent = parent.getOutput(in.getOutpoint().index());
                in.getScriptSig().correctlySpends(tx, i, in.getWitness(), spent.getValue(), spent.getScriptPubKey(),
                        Script.ALL_VERIFY_FLAGS);
                verified++;
            }
        }
        // funding2 spends funding1; the withdrawal spends two outputs of funding1.
        assertThat(verified).isGreaterThanOrEqualTo(3);
        assertThat(Coin.valueOf(RegtestScenario.WITHDRAWAL_SATS).toPlainString()).isEqualTo("0.6");
    }

    private static JsonNode committed() throws IOException {
        return committed("/btc-regtest/rpc.json");
    }

    private static JsonNode committed(String resource) throws IOException {
        try (InputStream in = RegtestFixturesTest.class.getResourceAsStream(resource)) {
            return RegtestScenario.JSON.readTree(in);
        }
    }

    private static JsonNode reread(JsonNode built) throws IOException {
        return RegtestScenario.JSON.readTree(RegtestScenario.JSON.writeValueAsString(built));
    }
}
