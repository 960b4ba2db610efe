package io.lantau.core;

/**
 * Carries the current command's sequence number, timestamp and listener to the code that emits events, so that
 * matching and ledger code need not pass them around. Set once per command by {@link ExchangeCore}.
 */
final class Emitter {
    CoreEventListener listener = CoreEventListener.NO_OP;
    long sequence;
    long timestampNanos;

    void begin(long sequence, long timestampNanos, CoreEventListener listener) {
        this.sequence = sequence;
        this.timestampNanos = timestampNanos;
        this.listener = listener;
    }

    void balanceChanged(Account account, int assetId, BalanceChangeReason reason) {
        listener.onBalanceChanged(sequence, timestampNanos, account.accountId, assetId, account.available[assetId],
                account.locked[assetId], reason);
    }
}
