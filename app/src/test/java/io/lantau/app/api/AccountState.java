package io.lantau.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.testsupport.BinanceTestClient;
import io.lantau.testsupport.BinanceTestClient.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * What a caller can see of its own account through the API: balances, open orders (all symbols) and every order ever
 * placed on the given symbols. Two equal snapshots around a refused request show that it changed nothing.
 *
 * @param balances   {@code /api/v3/account} balances.
 * @param openOrders {@code /api/v3/openOrders} without a symbol.
 * @param allOrders  {@code /api/v3/allOrders} of each watched symbol, in order.
 */
public record AccountState(JsonArray balances, JsonArray openOrders, List<JsonArray> allOrders) {

    public static AccountState of(BinanceTestClient client, String... symbols) {
        JsonArray balances = ApiAssertions.json(checked(client.signed("GET", "/api/v3/account", "")))
                .getJsonArray("balances");
        JsonArray open = ApiAssertions.array(checked(client.signed("GET", "/api/v3/openOrders", "")));
        List<JsonArray> all = new ArrayList<>();
        for (String symbol : symbols) {
            all.add(ApiAssertions.array(checked(client.signed("GET", "/api/v3/allOrders", "symbol=" + symbol))));
        }
        return new AccountState(balances, open, all);
    }

    private static Response checked(Response r) {
        assertThat(r.status()).as("state query: %s", r.body()).isEqualTo(200);
        return r;
    }

    /** @return the free amount of {@code asset} as shown. */
    public String free(String asset) {
        return balance(asset).getString("free");
    }

    public String locked(String asset) {
        return balance(asset).getString("locked");
    }

    private JsonObject balance(String asset) {
        return balances.stream().map(JsonObject.class::cast).filter(b -> b.getString("asset").equals(asset))
                .findFirst().orElseThrow(() -> new AssertionError("no balance of " + asset + " in " + balances));
    }
}
