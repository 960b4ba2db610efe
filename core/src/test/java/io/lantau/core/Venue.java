package io.lantau.core;

import io.lantau.core.command.Command;
import io.lantau.core.config.CoreConfig;
import io.lantau.core.event.CoreEvent;
import io.lantau.core.event.EventRecorder;
import java.util.List;

/**
 * What the tests drive: the engine ({@link ExchangeCore} with either book) or the {@link ReferenceExchange}. The same
 * commands, the same queries, so that one test runs against all three.
 */
interface Venue {

    /** Applies the command and appends its events to {@code out}. */
    ResultCode apply(long sequence, long timestampNanos, Command command, List<CoreEvent> out);

    CoreConfig config();

    long availableMinor(long accountId, int assetId);

    long lockedMinor(long accountId, int assetId);

    List<Long> accountIds();

    long totalHeldMinor(int assetId);

    long netDepositsMinor(int assetId);

    List<? extends OrderView> openOrders(long accountId);

    OrderView openOrder(long orderId);

    MarketStatus marketStatus(int marketId);

    /** @return the item's state, or {@code null} for an unknown id. */
    ItemView item(long itemId);

    /** @return a digest of the whole state; equal states give equal digests (within one implementation). */
    String stateDigest();

    /** The three implementations the tests run against. */
    enum Kind {
        FAST_BOOK, REFERENCE_BOOK, REFERENCE_EXCHANGE;

        Venue create(CoreConfig config) {
            return switch (this) {
                case FAST_BOOK -> new EngineVenue(new ExchangeCore(config, BookKind.FAST));
                case REFERENCE_BOOK -> new EngineVenue(new ExchangeCore(config, BookKind.REFERENCE));
                case REFERENCE_EXCHANGE -> new ReferenceExchange(config);
            };
        }
    }

    /** Adapts {@link ExchangeCore} to the tests' view. */
    record EngineVenue(ExchangeCore core) implements Venue {

        @Override
        public ResultCode apply(long sequence, long timestampNanos, Command command, List<CoreEvent> out) {
            return core.apply(sequence, timestampNanos, command, new EventRecorder(out::add));
        }

        @Override
        public CoreConfig config() {
            return core.config();
        }

        @Override
        public long availableMinor(long accountId, int assetId) {
            return core.availableMinor(accountId, assetId);
        }

        @Override
        public long lockedMinor(long accountId, int assetId) {
            return core.lockedMinor(accountId, assetId);
        }

        @Override
        public List<Long> accountIds() {
            return core.accountIds();
        }

        @Override
        public long totalHeldMinor(int assetId) {
            return core.totalHeldMinor(assetId);
        }

        @Override
        public long netDepositsMinor(int assetId) {
            return core.netDepositsMinor(assetId);
        }

        @Override
        public List<? extends OrderView> openOrders(long accountId) {
            return core.openOrders(accountId);
        }

        @Override
        public OrderView openOrder(long orderId) {
            return core.openOrder(orderId);
        }

        @Override
        public MarketStatus marketStatus(int marketId) {
            return core.marketStatus(marketId);
        }

        @Override
        public ItemView item(long itemId) {
            return core.item(itemId);
        }

        @Override
        public String stateDigest() {
            return core.stateHashHex();
        }
    }
}
