package io.lantau.custody.btc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * A stand-in for {@code bitcoind}'s JSON-RPC endpoint that answers from recorded regtest exchanges
 * ({@code src/test/resources/btc-regtest/rpc.json}): a request whose method and params equal a recorded one gets its
 * recorded result (HTTP 200) or error (HTTP 500 with the error object, as Bitcoin Core answers); anything else gets
 * Bitcoin Core's "method not found" shape with a "not recorded" message, so a test that strays from the recording
 * fails loudly. Checks HTTP basic authentication like the node (401 without it). Records the calls it served.
 */
final class RecordedBitcoinNode implements AutoCloseable {
    private final HttpServer server;
    private final JsonNode fixtures;
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    private RecordedBitcoinNode(JsonNode fixtures) throws IOException {
        this.fixtures = fixtures;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    static RecordedBitcoinNode start() throws IOException {
        return start("/btc-regtest/rpc.json");
    }

    /** @param resource the recording to answer from, a class-path resource. */
    static RecordedBitcoinNode start(String resource) throws IOException {
        try (InputStream in = RecordedBitcoinNode.class.getResourceAsStream(resource)) {
            return new RecordedBitcoinNode(RegtestScenario.JSON.readTree(in));
        }
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    String user() {
        return fixtures.path("rpcuser").asText();
    }

    String password() {
        return fixtures.path("rpcpassword").asText();
    }

    /** @return the methods called so far, in order. */
    List<String> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String expected = "Basic " + Base64.getEncoder().encodeToString(
                    (user() + ":" + password()).getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            JsonNode request = RegtestScenario.JSON.readTree(exchange.getRequestBody());
            String method = request.path("method").asText();
            calls.add(method);
            ObjectNode response = RegtestScenario.JSON.createObjectNode();
            response.set("id", request.path("id"));
            JsonNode recorded = find(method, request.path("params"));
            int status;
            if (recorded == null) {
                status = 404;
                response.putNull("result");
                response.putObject("error").put("code", -32601)
                        .put("message", "not recorded: " + method + " " + request.path("params"));
            } else if (recorded.has("error")) {
                status = 500;
                response.putNull("result");
                response.set("error", recorded.get("error"));
            } else {
                status = 200;
                response.set("result", recorded.get("result"));
                response.putNull("error");
            }
            byte[] body = RegtestScenario.JSON.writeValueAsBytes(response);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private JsonNode find(String method, JsonNode params) {
        for (JsonNode e : fixtures.path("exchanges")) {
            if (e.path("method").asText().equals(method) && e.path("params").equals(params)) {
                return e;
            }
        }
        return null;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
