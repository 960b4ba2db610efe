package io.lantau.custody.reserves;

import java.time.Clock;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Takes a liabilities snapshot, builds its sum tree and publishes the root with every client's proof (PoR-1): on
 * demand (a staff endpoint) and on a schedule (the wiring calls {@link #publish} from a timer). One publication at a
 * time. Thread-safe; blocking.
 */
public final class ReservesPublisher {
    private final Supplier<LiabilitySnapshot> snapshots;
    private final ReservesRepository repository;
    private final Random random;
    private final Clock clock;

    /**
     * @param snapshots the liabilities at a consistent point of the core (see
     *                  {@link LiabilitySnapshot#fromCore}).
     * @param random    salts and leaf order: a {@link java.security.SecureRandom} in production.
     */
    public ReservesPublisher(Supplier<LiabilitySnapshot> snapshots, ReservesRepository repository, Random random,
            Clock clock) {
        this.snapshots = snapshots;
        this.repository = repository;
        this.random = random;
        this.clock = clock;
    }

    /**
     * @return the new root as stored.
     * @throws ReservesException if the snapshot cannot become a tree (no client, a negative balance, an overflow);
     *                           nothing is stored then.
     */
    public synchronized PublishedRoot publish() {
        MerkleSumTree tree = MerkleSumTree.build(snapshots.get(), random);
        return repository.save(tree, clock.instant());
    }
}
