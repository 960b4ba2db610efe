package io.lantau.custody.eth;

/** The Ethereum node could not be reached or answered with an error; the call may be retried. */
public final class EthereumRpcException extends RuntimeException {
    public EthereumRpcException(String message) {
        super(message);
    }

    public EthereumRpcException(String message, Throwable cause) {
        super(message, cause);
    }
}
