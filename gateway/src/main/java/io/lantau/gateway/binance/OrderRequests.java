package io.lantau.gateway.binance;

import io.lantau.core.OrderType;
import io.lantau.core.SelfTradePrevention;
import io.lantau.core.Side;
import io.lantau.core.TimeInForce;
import io.lantau.core.command.PlaceOrder;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Turns Binance order parameters into a {@link PlaceOrder}, with Binance's rules for which parameters each type takes
 * and its error for each mistake. Also generates a client order id when the client sent none (Binance always has one).
 */
public final class OrderRequests {
    private static final Pattern CLIENT_ORDER_ID = Pattern.compile("^[.A-Z:/a-z0-9_-]{1,36}$");
    private static final char[] ID_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A parsed new-order request. */
    public record NewOrder(PlaceOrder command, MarketFormat market, String responseType) {
    }

    private OrderRequests() {
    }

    /** Parses the order parameters with the given names (cancelReplace prefixes none; the defaults). */
    public static NewOrder parse(Params p, long accountId, Markets markets) {
        MarketFormat m = markets.bySymbol(p.required("symbol"));
        Side side = side(p.required("side"));
        OrderType type = type(p.required("type"));
        String tifText = p.optional("timeInForce");
        String priceText = p.optional("price");
        String quantityText = p.optional("quantity");
        String quoteText = p.optional("quoteOrderQty");
        TimeInForce tif;
        long priceTicks = 0;
        long lots = 0;
        long quoteMinor = 0;
        switch (type) {
            case LIMIT -> {
                tif = timeInForce(require("timeInForce", tifText));
                priceTicks = m.priceTicks("price", require("price", priceText));
                lots = m.quantityLots("quantity", require("quantity", quantityText), BinanceError.LOT_SIZE);
                rejectIfSent("quoteOrderQty", quoteText);
            }
            case LIMIT_MAKER -> {
                rejectIfSent("timeInForce", tifText);
                tif = TimeInForce.GTC;
                priceTicks = m.priceTicks("price", require("price", priceText));
                lots = m.quantityLots("quantity", require("quantity", quantityText), BinanceError.LOT_SIZE);
                rejectIfSent("quoteOrderQty", quoteText);
            }
            case MARKET -> {
                rejectIfSent("timeInForce", tifText);
                rejectIfSent("price", priceText);
                tif = TimeInForce.IOC;
                if (quantityText != null && quoteText != null) {
                    throw new BinanceException(BinanceError.notRequired("quoteOrderQty"));
                }
                if (quantityText != null) {
                    lots = m.quantityLots("quantity", quantityText, BinanceError.MARKET_LOT_SIZE);
                } else if (quoteText != null) {
                    if (side == Side.SELL) {
                        throw new BinanceException(BinanceError.UNKNOWN_ORDER_COMPOSITION);
                    }
                    quoteMinor = m.quoteMinor("quoteOrderQty", quoteText);
                } else {
                    throw new BinanceException(BinanceError.mandatory("quantity"));
                }
            }
            default -> throw new BinanceException(BinanceError.INVALID_ORDER_TYPE);
        }
        String clientOrderId = clientOrderId(p.optional("newClientOrderId"), "newClientOrderId");
        SelfTradePrevention stp = stp(p.optional("selfTradePreventionMode"));
        String respType = responseType(p.optional("newOrderRespType"));
        return new NewOrder(new PlaceOrder(accountId, m.spec().marketId(), clientOrderId, side, type, tif, priceTicks,
                lots, quoteMinor, stp), m, respType);
    }

    static String require(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw new BinanceException(BinanceError.mandatory(name));
        }
        return value;
    }

    private static void rejectIfSent(String name, String value) {
        if (value != null) {
            throw new BinanceException(BinanceError.notRequired(name));
        }
    }

    static Side side(String text) {
        return switch (text) {
            case "BUY" -> Side.BUY;
            case "SELL" -> Side.SELL;
            default -> throw new BinanceException(BinanceError.INVALID_SIDE);
        };
    }

    private static OrderType type(String text) {
        return switch (text) {
            case "LIMIT" -> OrderType.LIMIT;
            case "MARKET" -> OrderType.MARKET;
            case "LIMIT_MAKER" -> OrderType.LIMIT_MAKER;
            case "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT" ->
                    throw new BinanceException(BinanceError.UNKNOWN_ORDER_COMPOSITION);
            default -> throw new BinanceException(BinanceError.INVALID_ORDER_TYPE);
        };
    }

    private static TimeInForce timeInForce(String text) {
        return switch (text) {
            case "GTC" -> TimeInForce.GTC;
            case "IOC" -> TimeInForce.IOC;
            case "FOK" -> TimeInForce.FOK;
            default -> throw new BinanceException(BinanceError.INVALID_TIF);
        };
    }

    private static SelfTradePrevention stp(String text) {
        if (text == null) {
            return SelfTradePrevention.MARKET_DEFAULT;
        }
        return switch (text) {
            case "NONE" -> SelfTradePrevention.NONE;
            case "EXPIRE_TAKER" -> SelfTradePrevention.EXPIRE_TAKER;
            case "EXPIRE_MAKER" -> SelfTradePrevention.EXPIRE_MAKER;
            case "EXPIRE_BOTH" -> SelfTradePrevention.EXPIRE_BOTH;
            default -> throw new BinanceException(BinanceError.invalidData("selfTradePreventionMode"));
        };
    }

    private static String responseType(String text) {
        if (text == null) {
            return "FULL";
        }
        return switch (text) {
            case "ACK", "RESULT", "FULL" -> text;
            default -> throw new BinanceException(BinanceError.invalidData("newOrderRespType"));
        };
    }

    /** @return the client's id after checking it, or a fresh one if it sent none. */
    static String clientOrderId(String given, String parameter) {
        if (given == null) {
            return generatedClientOrderId();
        }
        if (!CLIENT_ORDER_ID.matcher(given).matches()) {
            throw new BinanceException(BinanceError.illegalChars(parameter));
        }
        return given;
    }

    static String generatedClientOrderId() {
        char[] id = new char[22];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_CHARS[RANDOM.nextInt(ID_CHARS.length)];
        }
        return new String(id);
    }

    /** Reads an id that may be given as orderId or origClientOrderId (one of them required). */
    static String checkedOrigClientOrderId(String given) {
        if (given != null && !CLIENT_ORDER_ID.matcher(given).matches()) {
            throw new BinanceException(BinanceError.illegalChars("origClientOrderId"));
        }
        return given;
    }
}
