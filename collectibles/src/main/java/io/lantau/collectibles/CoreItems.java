package io.lantau.collectibles;

import io.lantau.core.ResultCode;
import io.lantau.core.command.Command;
import io.lantau.store.Jdbc;
import io.lantau.store.dispatch.AppliedCommandListener;
import io.lantau.store.dispatch.CommandRecord;
import io.lantau.store.dispatch.CommandSubmitter;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * How the collectibles services change ownership: every mint, sale, gift, lock and burn is a core command sent
 * through the {@link CommandSubmitter} (journaled, replayable); the caller waits for its applied record (result and
 * events), then the {@link Holdings} read model takes the events in. A core rejection becomes a
 * {@link CollectiblesException} with the nearest refusal of this module. Also hands out the ids of the core objects
 * the services create (holds, sales), unique across restarts. Thread-safe.
 */
public final class CoreItems {
    private final CommandSubmitter submitter;
    private final Duration timeout;
    private final Holdings holdings;
    private final DataSource dataSource;

    public CoreItems(CommandSubmitter submitter, Duration timeout, Holdings holdings, DataSource dataSource) {
        this.submitter = Objects.requireNonNull(submitter);
        this.timeout = Objects.requireNonNull(timeout);
        this.holdings = Objects.requireNonNull(holdings);
        this.dataSource = Objects.requireNonNull(dataSource);
    }

    /**
     * Sends the command, waits for it to be durable and applied, and feeds its events to the read model.
     *
     * @return the applied record, whatever its result.
     * @throws CollectiblesException CORE_UNAVAILABLE if the queue is full or the core does not answer in time.
     */
    public CommandRecord send(Command command) {
        CompletableFuture<CommandRecord> applied = new CompletableFuture<>();
        AppliedCommandListener listener = applied::complete;
        if (!submitter.submit(command, listener)) {
            throw new CollectiblesException(CollectiblesRefusal.CORE_UNAVAILABLE, "queue full");
        }
        CommandRecord record;
        try {
            record = applied.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new CollectiblesException(CollectiblesRefusal.CORE_UNAVAILABLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CollectiblesException(CollectiblesRefusal.CORE_UNAVAILABLE, "interrupted");
        }
        if (record.code() == ResultCode.OK) {
            holdings.apply(record);
        }
        return record;
    }

    /** Sends the command and returns its record only if the core accepted it; else the mapped refusal. */
    public CommandRecord sendOrRefuse(Command command) {
        CommandRecord record = send(command);
        if (record.code() != ResultCode.OK) {
            throw refusalOf(record.code());
        }
        return record;
    }

    /** @return a new id for a core hold or sale. */
    public long nextId(String purpose) {
        return Jdbc.inTransaction(dataSource, "allocate core id", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO coll_core_ids (purpose) VALUES (?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                s.setString(1, purpose);
                s.executeUpdate();
                return Catalogue.generatedId(s);
            }
        });
    }

    static CollectiblesException refusalOf(ResultCode code) {
        CollectiblesRefusal refusal = switch (code) {
            case INSUFFICIENT_BALANCE -> CollectiblesRefusal.INSUFFICIENT_BALANCE;
            case HOLDING_PERIOD_NOT_MET -> CollectiblesRefusal.HOLDING_PERIOD;
            case ITEM_LOCKED -> CollectiblesRefusal.ITEM_LOCKED;
            case NOT_ITEM_OWNER -> CollectiblesRefusal.NOT_OWNER;
            case DUPLICATE_CONTENT -> CollectiblesRefusal.DUPLICATE_CONTENT;
            case UNKNOWN_ITEM -> CollectiblesRefusal.UNKNOWN_ITEM;
            case SELF_TRANSFER -> CollectiblesRefusal.OWN_ITEM;
            default -> CollectiblesRefusal.CORE_REJECTED;
        };
        return new CollectiblesException(refusal, "core: " + code.name());
    }
}
