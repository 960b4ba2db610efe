package io.lantau.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.app.platform.PlatformConfig;
import io.lantau.app.platform.PlatformHarness;
import io.lantau.app.platform.PlatformHarness.Trader;
import io.lantau.core.config.StandardMarkets;
import io.lantau.testsupport.BinanceTestClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow clients on a raw socket: one that sends its headers a byte at a time and then stalls, one that never finishes
 * its body. Meanwhile other clients are served as usual; once the client has been silent for the idle timeout (2 s
 * here, 120 s by default) the server closes its connection, and a body never finished places no order.
 */
class SlowClientTest {
    private static final int IDLE_TIMEOUT_SECONDS = 2;
    private static final int CLOSE_DEADLINE_MILLIS = 15_000;

    @TempDir
    static Path dataDir;
    static PlatformHarness harness;
    static BinanceTestClient anonymous;

    @BeforeAll
    static void start() {
        harness = new PlatformHarness(dataDir, PlatformHarness.openDefaults()
                .withHttpIdleTimeoutSeconds(IDLE_TIMEOUT_SECONDS));
        anonymous = new BinanceTestClient(harness.baseUrl(), null, null);
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", harness.platform().port()), 5_000);
        socket.setSoTimeout(CLOSE_DEADLINE_MILLIS);
        return socket;
    }

    /** @return whether the server closed the connection (end of stream or reset) before the deadline. */
    private static boolean closedByServer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        try {
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    private static void assertOthersAreServed() {
        for (int i = 0; i < 10; i++) {
            assertThat(anonymous.get("/api/v3/ping", "").status()).isEqualTo(200);
        }
        assertThat(anonymous.get("/api/v3/depth", "symbol=BTCHKD").status()).isEqualTo(200);
    }

    @Test
    void shouldServeOthersAndCloseAClientWhoseHeadersStall() throws Exception {
        try (Socket slow = connect()) {
            OutputStream out = slow.getOutputStream();
            byte[] head = "GET /api/v3/ping HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
            for (byte b : head) {
                out.write(b);
                out.flush();
                Thread.sleep(10);
                if (b == '\n') {
                    assertOthersAreServed();
                }
            }
            assertOthersAreServed();
            assertThat(closedByServer(slow)).as("the stalled connection is closed").isTrue();
        }
        assertOthersAreServed();
    }

    @Test
    void shouldServeOthersAndCloseAClientThatNeverFinishesItsBodyAndPlaceNothing() throws Exception {
        Trader t = harness.trader();
        harness.deposit(t.accountId(), StandardMarkets.HKD.assetId(), 100_000_000L);
        AccountState before = AccountState.of(t.client(), "BTCHKD");
        SignedRaw signed = new SignedRaw(new RawHttp(harness.platform().port()), t);
        String body = signed.signedParams("symbol=BTCHKD&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.010"
                + "&price=500000");
        try (Socket slow = connect()) {
            OutputStream out = slow.getOutputStream();
            out.write(("POST /api/v3/order HTTP/1.1\r\nHost: 127.0.0.1\r\nX-MBX-APIKEY: " + t.apiKey()
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + (body.length() + 100)
                    + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertOthersAreServed();
            assertThat(closedByServer(slow)).as("the unfinished request's connection is closed").isTrue();
        }
        assertOthersAreServed();
        assertThat(AccountState.of(t.client(), "BTCHKD")).isEqualTo(before);
    }

    @Test
    void shouldServeOthersWhileManyConnectionsSitIdleAndCloseThemAll() throws Exception {
        Socket[] idle = new Socket[50];
        try {
            for (int i = 0; i < idle.length; i++) {
                idle[i] = connect();
                idle[i].getOutputStream().write("GET /api/v3/ping HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            assertOthersAreServed();
            for (Socket s : idle) {
                assertThat(closedByServer(s)).isTrue();
            }
        } finally {
            for (Socket s : idle) {
                if (s != null) {
                    s.close();
                }
            }
        }
    }

    /**
     * KNOWN GAP, not fixed: the server closes only connections that go silent (the idle timeout). A client that
     * trickles one header byte just inside the timeout holds its connection for as long as the header limit allows
     * (8 KiB: hours at this rate); many of them exhaust connections (slowloris). Closing needs a deadline for a whole
     * request's headers and body, which Vert.x does not offer as an option.
     */
    @Test
    @Disabled("known gap: no deadline for a request's headers; a trickling client is never closed (see Javadoc)")
    void shouldCloseAClientWhoseHeadersTrickleWithoutEverStalling() throws Exception {
        try (Socket slow = connect()) {
            OutputStream out = slow.getOutputStream();
            out.write("GET /api/v3/ping HTTP/1.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            long deadline = System.nanoTime() + 5L * IDLE_TIMEOUT_SECONDS * 1_000_000_000L;
            boolean closed = false;
            while (!closed && System.nanoTime() < deadline) {
                try {
                    out.write('a');
                    out.flush();
                } catch (IOException e) {
                    closed = true;
                }
                Thread.sleep(IDLE_TIMEOUT_SECONDS * 500L);
            }
            assertThat(closed).as("the trickling connection is closed").isTrue();
        }
    }
}
