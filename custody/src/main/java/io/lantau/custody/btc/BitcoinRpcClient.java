package io.lantau.custody.btc;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A JSON-RPC 1.0 client for Bitcoin Core ({@code bitcoind -server}), HTTP basic authentication with the node's
 * {@code rpcuser}/{@code rpcpassword} (or a cookie file's contents). Numbers are read as {@link java.math.BigDecimal},
 * never as binary floating point, so that BTC amounts convert to satoshi exactly. Thread-safe.
 */
public final class BitcoinRpcClient {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final URI url;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient http;
    private final AtomicLong ids = new AtomicLong();

    /**
     * @param url      the node's RPC endpoint, e.g. {@code http://127.0.0.1:18443/} (regtest).
     * @param user     the RPC user.
     * @param password the RPC password; never logged.
     */
    public BitcoinRpcClient(URI url, String user, String password, Duration timeout) {
        this.url = url;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /**
     * Calls {@code method} with positional {@code params} (strings, numbers, booleans, lists or JSON nodes).
     *
     * @return the call's {@code result}.
     * @throws BitcoinRpcException if the node answers with an error or cannot be reached.
     */
    public JsonNode call(String method, Object... params) {
        ObjectNode request = JSON.createObjectNode();
        request.put("jsonrpc", "1.0");
        request.put("id", ids.incrementAndGet());
        request.put("method", method);
        ArrayNode array = request.putArray("params");
        for (Object p : params) {
            array.add(JSON.valueToTree(p));
        }
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Authorization", authorization)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(request.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new BitcoinRpcException("Bitcoin node unreachable for " + method, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BitcoinRpcException("interrupted calling " + method, e);
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new BitcoinRpcException(0, "the Bitcoin node refused the RPC credentials");
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new BitcoinRpcException(0, method + ": HTTP " + response.statusCode() + " without a JSON body");
        }
        JsonNode error = body.path("error");
        if (!error.isMissingNode() && !error.isNull()) {
            throw new BitcoinRpcException(error.path("code").asInt(), method + ": " + error.path("message").asText());
        }
        if (response.statusCode() != 200 || !body.has("result")) {
            throw new BitcoinRpcException(0, method + ": HTTP " + response.statusCode());
        }
        return body.get("result");
    }
}
