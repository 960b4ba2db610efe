package io.lantau.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.testsupport.BinanceTestClient.Response;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Checks every API test makes on an answer: Binance's error shape and code, the weight header. */
final class ApiAssertions {
    static final String WEIGHT = "X-MBX-USED-WEIGHT-1M";

    private ApiAssertions() {
    }

    static JsonObject json(Response r) {
        try {
            return new JsonObject(r.body());
        } catch (DecodeException | ClassCastException e) {
            throw new AssertionError("not a JSON object: " + r.status() + " " + r.body(), e);
        }
    }

    static JsonArray array(Response r) {
        try {
            return new JsonArray(r.body());
        } catch (DecodeException | ClassCastException e) {
            throw new AssertionError("not a JSON array: " + r.status() + " " + r.body(), e);
        }
    }

    /** A 200 from {@code /api/v3} with its used weight. */
    static Response ok(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertWeighed(r);
        return r;
    }

    static void assertWeighed(Response r) {
        assertThat(r.header(WEIGHT)).as("%s on %s %s", WEIGHT, r.status(), r.body()).isNotNull().containsOnlyDigits();
    }

    /** A Binance error: this HTTP status, this code, a message, and the used weight. */
    static JsonObject assertBinanceError(Response r, int status, int code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        JsonObject body = json(r);
        assertThat(body.getInteger("code")).as(r.body()).isEqualTo(code);
        assertThat(body.getString("msg")).as(r.body()).isNotBlank();
        assertWeighed(r);
        return body;
    }

    /** A native API error: this HTTP status and this stable code. */
    static JsonObject assertNativeError(int actualStatus, String body, int status, String code) {
        assertThat(actualStatus).as(body).isEqualTo(status);
        JsonObject json = new JsonObject(body);
        assertThat(json.getString("code")).as(body).isEqualTo(code);
        assertThat(json.getString("message")).as(body).isNotBlank();
        return json;
    }
}
