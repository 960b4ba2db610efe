package io.lantau.gateway.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ParamsTest {

    private static BinanceError errorOf(Runnable r) {
        try {
            r.run();
        } catch (BinanceException e) {
            return e.error();
        }
        throw new AssertionError("no BinanceException");
    }

    @Test
    void shouldReadParametersFromQueryAndBodyInAnyOrder() {
        Params p = Params.parse("symbol=BTCHKD&side=BUY", "quantity=0.5&price=700000");
        assertThat(p.required("symbol")).isEqualTo("BTCHKD");
        assertThat(p.required("price")).isEqualTo("700000");
        assertThat(p.optional("timeInForce")).isNull();
    }

    @Test
    void shouldPreferTheQueryWhenANameIsInBothParts() {
        Params p = Params.parse("symbol=BTCHKD", "symbol=ETHHKD");
        assertThat(p.required("symbol")).isEqualTo("BTCHKD");
    }

    @Test
    void shouldRejectARepeatedNameWithinOnePart() {
        assertThat(errorOf(() -> Params.parse("symbol=A&symbol=B", "")).code()).isEqualTo(-1101);
    }

    @Test
    void shouldDecodePercentEncodedUtf8AndRejectMalformedText() {
        assertThat(Params.parse("symbols=%5B%22BTCHKD%22%5D", "").required("symbols")).isEqualTo("[\"BTCHKD\"]");
        assertThat(errorOf(() -> Params.parse("a=%ff%fe", "")).code()).isEqualTo(-1100);
        assertThat(errorOf(() -> Params.parse("a=%zz", "")).code()).isEqualTo(-1100);
        assertThat(errorOf(() -> Params.parse("a=%4", "")).code()).isEqualTo(-1100);
        assertThat(errorOf(() -> Params.parse("", "a=\u00e9")).code()).isEqualTo(-1100);
    }

    @Test
    void shouldRejectAMissingOrEmptyMandatoryParameter() {
        Params p = Params.parse("symbol=", "");
        assertThat(errorOf(() -> p.required("symbol")).msg())
                .isEqualTo("Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.");
        assertThat(errorOf(() -> p.required("side")).code()).isEqualTo(-1102);
    }

    @Test
    void shouldRejectNonIntegers() {
        Params p = Params.parse("limit=1e3&orderId=99999999999999999999&x=-", "");
        assertThat(errorOf(() -> p.optionalLong("limit", 0)).code()).isEqualTo(-1100);
        assertThat(errorOf(() -> p.optionalLong("orderId", 0)).code()).isEqualTo(-1100);
        assertThat(errorOf(() -> p.optionalLong("x", 0)).code()).isEqualTo(-1100);
    }

    @Test
    void shouldRefuseParametersTheEndpointDoesNotRead() {
        Params p = Params.parse("symbol=BTCHKD&bogus=1", "");
        p.required("symbol");
        assertThat(errorOf(() -> p.requireAllRead(Set.of())).code()).isEqualTo(-1104);
        p.requireAllRead(Set.of("bogus"));
    }

    @Test
    void shouldSignOverTheRawQueryAndBodyWithoutTheSignature() {
        assertThat(Params.parse("timestamp=1&symbol=A&signature=abc", "").signaturePayload())
                .isEqualTo("timestamp=1&symbol=A");
        assertThat(Params.parse("", "timestamp=1&symbol=A&recvWindow=5000&signature=abc").signaturePayload())
                .isEqualTo("timestamp=1&symbol=A&recvWindow=5000");
        assertThat(Params.parse("signature=abc&timestamp=1", "").signaturePayload()).isEqualTo("timestamp=1");
        assertThat(Params.parse("a=1&signature=abc&b=2", "c=3").signaturePayload()).isEqualTo("a=1&b=2c=3");
        assertThat(Params.parse("a=%5B1%5D", "").signaturePayload()).isEqualTo("a=%5B1%5D");
    }

    @Test
    void shouldTreatAnEmptyInputAsNoParameters() {
        assertThat(Params.parse("", "").size()).isZero();
        assertThat(Params.parse(null, null).size()).isZero();
        assertThatThrownBy(() -> Params.parse("&&&", "").required("a")).isInstanceOf(BinanceException.class);
    }
}
