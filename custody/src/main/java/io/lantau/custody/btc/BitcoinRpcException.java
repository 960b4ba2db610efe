package io.lantau.custody.btc;

/**
 * A Bitcoin Core JSON-RPC call failed: the node answered with an error ({@link #code()} is Bitcoin Core's RPC error
 * code, e.g. -5 for an unknown transaction, -26 for a rejected one) or could not be reached (code 0).
 */
public final class BitcoinRpcException extends RuntimeException {
    /** Bitcoin Core's RPC_INVALID_ADDRESS_OR_KEY: also "no such mempool or blockchain transaction". */
    public static final int INVALID_ADDRESS_OR_KEY = -5;
    /** Bitcoin Core's RPC_VERIFY_REJECTED: the transaction was refused by the mempool or consensus rules. */
    public static final int VERIFY_REJECTED = -26;
    /** Bitcoin Core's RPC_VERIFY_ALREADY_IN_CHAIN: the transaction is already in a block. */
    public static final int VERIFY_ALREADY_IN_CHAIN = -27;

    private final int code;

    public BitcoinRpcException(int code, String message) {
        super(message);
        this.code = code;
    }

    public BitcoinRpcException(String message, Throwable cause) {
        super(message, cause);
        this.code = 0;
    }

    /** @return Bitcoin Core's error code, or 0 if the node was not reached. */
    public int code() {
        return code;
    }
}
