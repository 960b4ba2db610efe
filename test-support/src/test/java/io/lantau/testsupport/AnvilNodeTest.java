package io.lantau.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class AnvilNodeTest {
    @Test
    void shouldAnswerJsonRpcWithItsChainIdAndFundTheTestAccount() throws Exception {
        try (AnvilNode node = AnvilNode.start()) {
            assertThat(call(node, "eth_chainId", "[]")).contains("\"result\":\"0x7a69\"");
            // 10,000 ETH = 0x21e19e0c9bab2400000 wei.
            assertThat(call(node, "eth_getBalance", "[\"" + AnvilNode.FUNDED_ADDRESS + "\",\"latest\"]"))
                    .contains("\"result\":\"0x21e19e0c9bab2400000\"");
        }
    }

    private static String call(AnvilNode node, String method, String params) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(node.rpcUrl()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}"))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
