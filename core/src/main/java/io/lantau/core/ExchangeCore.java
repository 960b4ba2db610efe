package io.lantau.core;

import io.lantau.core.command.Command;
import io.lantau.core.config.CoreConfig;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * The trading core (API outline; implementation lands next).
 */
public final class ExchangeCore {
    public ExchangeCore(CoreConfig config, BookKind bookKind) {
        throw new UnsupportedOperationException("in progress");
    }

    public ResultCode apply(long sequence, long timestampNanos, Command command, CoreEventListener listener) {
        throw new UnsupportedOperationException("in progress");
    }

    public CoreConfig config() {
        throw new UnsupportedOperationException("in progress");
    }

    public long lastSequence() {
        throw new UnsupportedOperationException("in progress");
    }

    public void writeSnapshot(DataOutput out) throws IOException {
        throw new UnsupportedOperationException("in progress");
    }

    public static ExchangeCore readSnapshot(DataInput in, BookKind bookKind) throws IOException {
        throw new UnsupportedOperationException("in progress");
    }

    public byte[] stateHash() {
        throw new UnsupportedOperationException("in progress");
    }

    public String stateHashHex() {
        throw new UnsupportedOperationException("in progress");
    }

    public long availableMinor(long accountId, int assetId) {
        throw new UnsupportedOperationException("in progress");
    }

    public long lockedMinor(long accountId, int assetId) {
        throw new UnsupportedOperationException("in progress");
    }

    public List<Long> accountIds() {
        throw new UnsupportedOperationException("in progress");
    }

    public long totalHeldMinor(int assetId) {
        throw new UnsupportedOperationException("in progress");
    }

    public long netDepositsMinor(int assetId) {
        throw new UnsupportedOperationException("in progress");
    }

    public List<OrderView> openOrders(long accountId) {
        throw new UnsupportedOperationException("in progress");
    }

    public OrderView openOrder(long orderId) {
        throw new UnsupportedOperationException("in progress");
    }

    public MarketStatus marketStatus(int marketId) {
        throw new UnsupportedOperationException("in progress");
    }
}
