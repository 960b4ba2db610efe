package io.lantau.gateway.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.core.config.StandardMarkets;
import org.junit.jupiter.api.Test;

class MarketFormatTest {
    private final Markets markets = new Markets(StandardMarkets.config());
    private final MarketFormat btcHkd = markets.bySymbol("BTCHKD");
    private final MarketFormat btcUsdt = markets.bySymbol("BTCUSDT");

    private static int codeOf(Runnable r) {
        try {
            r.run();
        } catch (BinanceException e) {
            return e.error().code();
        }
        throw new AssertionError("no BinanceException");
    }

    private static String msgOf(Runnable r) {
        try {
            r.run();
        } catch (BinanceException e) {
            return e.error().msg();
        }
        throw new AssertionError("no BinanceException");
    }

    @Test
    void shouldFormatWithTheTickAndLotDecimals() {
        assertThat(btcHkd.price(70_000)).isEqualTo("700000");
        assertThat(btcHkd.quantity(500)).isEqualTo("0.500");
        assertThat(btcHkd.quote(14_000_000)).isEqualTo("140000.00");
        assertThat(btcUsdt.price(10_000_000)).isEqualTo("100000.00");
        assertThat(btcUsdt.quantity(1)).isEqualTo("0.0001");
        assertThat(Decimals.format(5, 8)).isEqualTo("0.00000005");
        assertThat(Decimals.format(-5, 2)).isEqualTo("-0.05");
    }

    @Test
    void shouldParseBinanceDecimalsIntoTicksAndLots() {
        assertThat(btcHkd.priceTicks("price", "700000")).isEqualTo(70_000);
        assertThat(btcHkd.priceTicks("price", "700000.000")).isEqualTo(70_000);
        assertThat(btcHkd.quantityLots("quantity", "0.5", BinanceError.LOT_SIZE)).isEqualTo(500);
        assertThat(btcUsdt.quoteMinor("quoteOrderQty", "12.5")).isEqualTo(12_500_000);
    }

    @Test
    void shouldRejectOffGridZeroNegativeAndHugeValuesWithBinanceFilters() {
        assertThat(msgOf(() -> btcHkd.priceTicks("price", "700005"))).isEqualTo("Filter failure: PRICE_FILTER");
        assertThat(msgOf(() -> btcHkd.priceTicks("price", "0"))).isEqualTo("Filter failure: PRICE_FILTER");
        assertThat(msgOf(() -> btcHkd.priceTicks("price", "99999999999999999999999999")))
                .isEqualTo("Filter failure: PRICE_FILTER");
        assertThat(codeOf(() -> btcHkd.priceTicks("price", "-1"))).isEqualTo(-1100);
        assertThat(codeOf(() -> btcHkd.priceTicks("price", "1e5"))).isEqualTo(-1100);
        assertThat(codeOf(() -> btcHkd.priceTicks("price", "NaN"))).isEqualTo(-1100);
        assertThat(msgOf(() -> btcHkd.quantityLots("quantity", "0.0005", BinanceError.LOT_SIZE)))
                .isEqualTo("Filter failure: LOT_SIZE");
        assertThat(msgOf(() -> btcHkd.quantityLots("quantity", "0", BinanceError.LOT_SIZE)))
                .isEqualTo("Filter failure: LOT_SIZE");
        assertThat(msgOf(() -> btcHkd.quantityLots("quantity", "10001", BinanceError.LOT_SIZE)))
                .isEqualTo("Filter failure: LOT_SIZE");
        assertThat(codeOf(() -> btcUsdt.quoteMinor("quoteOrderQty", "0.0000001"))).isEqualTo(-1111);
        assertThat(msgOf(() -> btcUsdt.quoteMinor("quoteOrderQty", "0"))).isEqualTo("Filter failure: NOTIONAL");
    }

    @Test
    void shouldRejectUnknownSymbolsAsBinanceDoes() {
        assertThat(msgOf(() -> markets.bySymbol("BTC-HKD"))).isEqualTo("Invalid symbol.");
        assertThat(msgOf(() -> markets.bySymbol("btchkd"))).isEqualTo("Invalid symbol.");
        assertThat(msgOf(() -> markets.bySymbol(null))).isEqualTo("Invalid symbol.");
    }
}
