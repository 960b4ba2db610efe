package io.lantau.gateway.binance;

/**
 * An error answer of the Binance-compatible API: Binance's code and its exact message (CCXT matches the message
 * text first, then the code), and the HTTP status.
 */
public record BinanceError(int httpStatus, int code, String msg) {

    public static final BinanceError UNKNOWN = new BinanceError(500, -1000, "An unknown error occurred while processing the request.");
    public static final BinanceError DISCONNECTED = new BinanceError(503, -1001, "Internal error; unable to process your request. Please try again.");
    public static final BinanceError UNAUTHORIZED = new BinanceError(401, -1002, "You are not authorized to execute this request.");
    public static final BinanceError OVERLOADED = new BinanceError(503, -1008, "Server is currently overloaded with other requests. Please try again in a few minutes.");
    public static final BinanceError CANCEL_REPLACE_FAILED = new BinanceError(400, -2022, "Order cancel-replace failed.");
    public static final BinanceError CANCEL_REPLACE_PARTIAL = new BinanceError(409, -2021, "Order cancel-replace partially failed.");
    public static final BinanceError TIMEOUT = new BinanceError(503, -1007, "Timeout waiting for response from backend server. Send status unknown; execution status unknown.");
    public static final BinanceError UNKNOWN_ORDER_COMPOSITION = new BinanceError(400, -1014, "Unsupported order combination.");
    public static final BinanceError TOO_MANY_ORDERS = new BinanceError(429, -1015, "Too many new orders.");
    public static final BinanceError INVALID_TIMESTAMP_AHEAD = new BinanceError(400, -1021, "Timestamp for this request was 1000ms ahead of the server's time.");
    public static final BinanceError INVALID_TIMESTAMP_WINDOW = new BinanceError(400, -1021, "Timestamp for this request is outside of the recvWindow.");
    public static final BinanceError INVALID_SIGNATURE = new BinanceError(400, -1022, "Signature for this request is not valid.");
    public static final BinanceError DUPLICATE_REQUEST = new BinanceError(400, -1022, "Signature for this request was already used.");
    public static final BinanceError BAD_SYMBOL = new BinanceError(400, -1121, "Invalid symbol.");
    public static final BinanceError INVALID_INTERVAL = new BinanceError(400, -1120, "Invalid interval.");
    public static final BinanceError INVALID_SIDE = new BinanceError(400, -1117, "Invalid side.");
    public static final BinanceError INVALID_ORDER_TYPE = new BinanceError(400, -1116, "Invalid orderType.");
    public static final BinanceError INVALID_TIF = new BinanceError(400, -1115, "Invalid timeInForce.");
    public static final BinanceError INVALID_LISTEN_KEY = new BinanceError(400, -1125, "This listenKey does not exist.");
    public static final BinanceError BAD_RECV_WINDOW = new BinanceError(400, -1131, "recvWindow must be less than 60000");
    public static final BinanceError NEW_ORDER_REJECTED = new BinanceError(400, -2010, "New order rejected.");
    public static final BinanceError INSUFFICIENT_BALANCE = new BinanceError(400, -2010, "Account has insufficient balance for requested action.");
    public static final BinanceError WOULD_TAKE = new BinanceError(400, -2010, "Order would immediately match and take.");
    public static final BinanceError DUPLICATE_ORDER = new BinanceError(400, -2010, "Duplicate order sent.");
    public static final BinanceError ACCOUNT_CANNOT_TRADE = new BinanceError(400, -2010, "This account may not place or cancel orders.");
    public static final BinanceError CANCEL_REJECTED = new BinanceError(400, -2011, "Unknown order sent.");
    public static final BinanceError NO_SUCH_ORDER = new BinanceError(400, -2013, "Order does not exist.");
    public static final BinanceError BAD_API_KEY_FORMAT = new BinanceError(401, -2014, "API-key format invalid.");
    public static final BinanceError REJECTED_MBX_KEY = new BinanceError(401, -2015, "Invalid API-key, IP, or permissions for action.");
    public static final BinanceError MARKET_CLOSED = new BinanceError(400, -1013, "Market is closed.");
    public static final BinanceError PRICE_FILTER = new BinanceError(400, -1013, "Filter failure: PRICE_FILTER");
    public static final BinanceError LOT_SIZE = new BinanceError(400, -1013, "Filter failure: LOT_SIZE");
    public static final BinanceError MARKET_LOT_SIZE = new BinanceError(400, -1013, "Filter failure: MARKET_LOT_SIZE");
    public static final BinanceError NOTIONAL = new BinanceError(400, -1013, "Filter failure: NOTIONAL");
    public static final BinanceError TOO_MANY_REQUESTS = new BinanceError(429, -1003, "Too many requests; current limit is exceeded. Please use WebSocket Streams for live updates.");
    public static final BinanceError IP_BANNED = new BinanceError(418, -1003, "Way too many requests; IP banned. Please use WebSocket Streams for live updates.");
    public static final BinanceError DUPLICATE_PARAMETER = new BinanceError(400, -1101, "Duplicate values for a parameter detected.");
    public static final BinanceError PAYLOAD_TOO_LARGE = new BinanceError(413, -1100, "Request body is too large.");
    public static final BinanceError NOT_FOUND = new BinanceError(404, -1100, "Unknown endpoint.");
    public static final BinanceError METHOD_NOT_ALLOWED = new BinanceError(405, -1100, "Method not allowed for this endpoint.");

    /** -1100: illegal characters. */
    public static BinanceError illegalChars(String parameter) {
        return new BinanceError(400, -1100, "Illegal characters found in parameter '" + parameter + "'; legal range is '^[.A-Z:/a-z0-9_-]{1,36}$'.");
    }

    /** -1102: a mandatory parameter is missing or malformed. */
    public static BinanceError mandatory(String parameter) {
        return new BinanceError(400, -1102, "Mandatory parameter '" + parameter + "' was not sent, was empty/null, or malformed.");
    }

    /** -1104: parameters that the endpoint does not read. */
    public static BinanceError notAllRead(int read, int sent) {
        return new BinanceError(400, -1104, "Not all sent parameters were read; read '" + read + "' parameter(s) but was sent '" + sent + "'.");
    }

    /** -1105: a parameter was sent empty. */
    public static BinanceError empty(String parameter) {
        return new BinanceError(400, -1105, "Parameter '" + parameter + "' was empty.");
    }

    /** -1106: a parameter that this combination does not take. */
    public static BinanceError notRequired(String parameter) {
        return new BinanceError(400, -1106, "Parameter '" + parameter + "' sent when not required.");
    }

    /** -1111: more decimals than the asset or filter allows, or a malformed number. */
    public static BinanceError tooMuchPrecision(String parameter) {
        return new BinanceError(400, -1111, "Parameter '" + parameter + "' has too much precision.");
    }

    /** -1100 for a value outside the parameter's range (negative, zero where not allowed, too large). */
    public static BinanceError illegalValue(String parameter) {
        return new BinanceError(400, -1100, "Illegal characters found in parameter '" + parameter + "'; legal range is '^[0-9]{1,20}(\\.[0-9]{1,20})?$'.");
    }

    /** -1130: a parameter value is invalid. */
    public static BinanceError invalidData(String parameter) {
        return new BinanceError(400, -1130, "Invalid data sent for a parameter: '" + parameter + "'.");
    }

    /** -1128: a combination of optional parameters is invalid. */
    public static BinanceError badCombination(String detail) {
        return new BinanceError(400, -1128, "Combination of optional parameters invalid. " + detail);
    }

    /** -2010 with a Lantau reason the core gave (a rule beyond Binance's). */
    public static BinanceError rejected(String reason) {
        return new BinanceError(400, -2010, reason);
    }
}
