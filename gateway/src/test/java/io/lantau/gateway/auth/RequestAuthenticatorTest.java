package io.lantau.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.gateway.binance.BinanceException;
import io.lantau.gateway.binance.Params;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RequestAuthenticatorTest {
    private static final byte[] SECRET = "s3cr3t-s3cr3t-s3cr3t".getBytes(StandardCharsets.UTF_8);
    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    private final ApiKey trader = new ApiKey(1, 42, "trader-key", ApiKey.KeyType.HMAC_SHA256, SECRET, null, true,
            true, false, IpAllowlist.ANY);
    private final ApiKey reader = new ApiKey(2, 43, "reader-key", ApiKey.KeyType.HMAC_SHA256, SECRET, null, true,
            false, false, IpAllowlist.ANY);
    private final ApiKey pinned = new ApiKey(3, 44, "pinned-key", ApiKey.KeyType.HMAC_SHA256, SECRET, null, true,
            true, false, IpAllowlist.parse("10.1.1.1"));
    private final Map<String, ApiKey> keys = Map.of("trader-key", trader, "reader-key", reader, "pinned-key", pinned);
    private final RequestAuthenticator auth = new RequestAuthenticator(keys::get, now::get);

    private static String signed(String payload) {
        return payload + "&signature=" + SignatureVerifier.hmacHex(SECRET, payload);
    }

    private String errorOf(String query, String apiKey, String ip, Permission permission) {
        try {
            auth.authenticate(Params.parse(query, ""), apiKey, ip, permission);
        } catch (BinanceException e) {
            return e.error().code() + " " + e.error().msg();
        }
        return "ok";
    }

    @Test
    void shouldAcceptAValidHmacRequestOnce() {
        String query = signed("symbol=BTCHKD&timestamp=" + now.get() + "&recvWindow=10000");
        assertThat(errorOf(query, "trader-key", "127.0.0.1", Permission.TRADE)).isEqualTo("ok");
        assertThat(errorOf(query, "trader-key", "127.0.0.1", Permission.TRADE))
                .isEqualTo("-1022 Signature for this request was already used.");
    }

    @Test
    void shouldAcceptAnUppercaseHexSignature() {
        String payload = "timestamp=" + now.get();
        String query = payload + "&signature=" + SignatureVerifier.hmacHex(SECRET, payload).toUpperCase();
        assertThat(errorOf(query, "trader-key", "127.0.0.1", Permission.READ)).isEqualTo("ok");
    }

    @Test
    void shouldRejectATamperedRequest() {
        String query = signed("symbol=BTCHKD&quantity=1&timestamp=" + now.get()).replace("quantity=1", "quantity=9");
        assertThat(errorOf(query, "trader-key", "127.0.0.1", Permission.TRADE))
                .isEqualTo("-1022 Signature for this request is not valid.");
    }

    @Test
    void shouldRejectStaleAndFutureTimestampsAsBinanceDoes() {
        assertThat(errorOf(signed("timestamp=" + (now.get() - 5_001)), "trader-key", "ip", Permission.READ))
                .isEqualTo("-1021 Timestamp for this request is outside of the recvWindow.");
        assertThat(errorOf(signed("timestamp=" + (now.get() + 1_000)), "trader-key", "ip", Permission.READ))
                .isEqualTo("-1021 Timestamp for this request was 1000ms ahead of the server's time.");
        assertThat(errorOf(signed("timestamp=" + now.get() + "&recvWindow=60001"), "trader-key", "ip",
                Permission.READ)).startsWith("-1131");
        assertThat(errorOf(signed("recvWindow=1000"), "trader-key", "ip", Permission.READ)).startsWith("-1102");
    }

    @Test
    void shouldRejectMissingUnknownUnderpermittedAndDisallowedKeys() {
        String query = signed("timestamp=" + now.get());
        assertThat(errorOf(query, null, "ip", Permission.READ)).startsWith("-2014");
        assertThat(errorOf(query, "nope", "ip", Permission.READ)).startsWith("-2015");
        assertThat(errorOf(query, "reader-key", "ip", Permission.TRADE))
                .isEqualTo("-2015 Invalid API-key, IP, or permissions for action.");
        assertThat(errorOf(query, "pinned-key", "10.9.9.9", Permission.READ)).startsWith("-2015");
        assertThat(errorOf(query, "pinned-key", "10.1.1.1", Permission.READ)).isEqualTo("ok");
    }

    @Test
    void shouldRejectAMissingSignature() {
        assertThat(errorOf("timestamp=" + now.get(), "trader-key", "ip", Permission.READ))
                .isEqualTo("-1102 Mandatory parameter 'signature' was not sent, was empty/null, or malformed.");
    }

    @Test
    void shouldVerifyEd25519Signatures() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        ApiKey ed = new ApiKey(9, 50, "ed-key", ApiKey.KeyType.ED25519, null, pair.getPublic(), true, true, false,
                IpAllowlist.ANY);
        RequestAuthenticator edAuth = new RequestAuthenticator(k -> k.equals("ed-key") ? ed : null, now::get);
        String payload = "symbol=BTCHKD&timestamp=" + now.get();
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(payload.getBytes(StandardCharsets.UTF_8));
        String signature = java.net.URLEncoder.encode(Base64.getEncoder().encodeToString(signer.sign()),
                StandardCharsets.UTF_8);
        ApiKey key = edAuth.authenticate(Params.parse(payload + "&signature=" + signature, ""), "ed-key", "ip",
                Permission.TRADE);
        assertThat(key.accountId()).isEqualTo(50);
    }
}
