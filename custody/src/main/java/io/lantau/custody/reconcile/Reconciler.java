package io.lantau.custody.reconcile;

import io.lantau.custody.ledger.PeriodicTask;
import io.lantau.store.Jdbc;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles, per asset, the core's ledger, the custody ledger and (for a virtual asset) the chain (HK-33): the core
 * must equal custody's client total, and the chain what custody says the platform's addresses hold. Every run is recorded ({@code reconciliation_runs}); a mismatch opens an {@link Incidents incident},
 * which freezes the asset's withdrawals until staff resolve it. A chain that cannot be read counts as a mismatch:
 * custody that cannot be checked is not released. Runs on demand ({@link #run}) and on a schedule
 * ({@link #schedule}); runs never overlap. Thread-safe.
 */
public final class Reconciler implements AutoCloseable {
    /** A manual run's trigger name. */
    public static final String MANUAL = "MANUAL";
    /** A scheduled run's trigger name. */
    public static final String SCHEDULED = "SCHEDULED";
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    /**
     * One asset to reconcile.
     *
     * @param custody the custody ledger's client total: must equal the core's ledger.
     * @param chain   the asset's on-chain holdings, or null for fiat.
     * @param onChain what custody says the chain must hold (client trust plus house funds); null for
     *                {@code custody} itself.
     */
    public record Source(int assetId, String assetCode, CustodyBalances custody, ChainHoldings chain,
            CustodyBalances onChain) {
        public Source {
            Objects.requireNonNull(assetCode);
            Objects.requireNonNull(custody);
            if (chain != null && chain.assetId() != assetId) {
                throw new IllegalArgumentException("chain holdings of another asset");
            }
            onChain = onChain == null ? custody : onChain;
        }

        /** A source whose chain must hold exactly the client total. */
        public Source(int assetId, String assetCode, CustodyBalances custody, ChainHoldings chain) {
            this(assetId, assetCode, custody, chain, null);
        }
    }

    private final DataSource dataSource;
    private final CoreLedger core;
    private final List<Source> sources;
    private final Incidents incidents;
    private final Clock clock;
    private PeriodicTask schedule;

    public Reconciler(DataSource dataSource, CoreLedger core, List<Source> sources, Incidents incidents, Clock clock) {
        this.dataSource = dataSource;
        this.core = core;
        this.sources = List.copyOf(sources);
        this.incidents = incidents;
        this.clock = clock;
    }

    /**
     * Reconciles every asset now.
     *
     * @param trigger {@link #MANUAL} or {@link #SCHEDULED}.
     * @return each asset's figures, with the incident opened (or already open) for a mismatch.
     */
    public synchronized List<AssetReconciliation> run(String trigger) {
        Instant now = clock.instant();
        List<AssetReconciliation> results = new ArrayList<>();
        for (Source source : sources) {
            long coreMinor = core.liabilitiesMinor(source.assetId());
            long custodyMinor = source.custody().clientAssetsMinor(source.assetId());
            Long chainMinor = null;
            boolean chainRead = true;
            if (source.chain() != null) {
                try {
                    chainMinor = source.chain().bookMinor();
                } catch (RuntimeException e) {
                    LOG.warn("cannot read {} balances on chain: {}", source.assetCode(), e.toString());
                    chainRead = false;
                }
            }
            boolean matched = chainRead && coreMinor == custodyMinor
                    && (chainMinor == null || chainMinor == source.onChain().clientAssetsMinor(source.assetId()));
            AssetReconciliation figures = new AssetReconciliation(source.assetId(), source.assetCode(), coreMinor,
                    custodyMinor, chainMinor, matched, 0);
            record(now, figures, trigger);
            if (!matched) {
                long incident = incidents.open(figures, trigger);
                figures = new AssetReconciliation(source.assetId(), source.assetCode(), coreMinor, custodyMinor,
                        chainMinor, false, incident);
            }
            results.add(figures);
        }
        return results;
    }

    /** Runs {@link #run(String) run(SCHEDULED)} every {@code period} on a daemon thread until {@link #close}. */
    public synchronized void schedule(Duration period) {
        if (schedule != null) {
            throw new IllegalStateException("already scheduled");
        }
        schedule = PeriodicTask.start("custody-reconciler", period, () -> run(SCHEDULED));
    }

    /** Stops the schedule; a run in progress finishes first (outside this object's lock, which it needs). */
    @Override
    public void close() {
        PeriodicTask running;
        synchronized (this) {
            running = schedule;
            schedule = null;
        }
        if (running != null) {
            running.close();
        }
    }

    private void record(Instant now, AssetReconciliation figures, String trigger) {
        Jdbc.inTransaction(dataSource, "record a reconciliation run", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO reconciliation_runs (run_at, asset_id,"
                    + " core_minor, custody_minor, chain_minor, matched, trigger_name) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                Jdbc.setInstant(s, 1, now);
                s.setInt(2, figures.assetId());
                s.setLong(3, figures.coreMinor());
                s.setLong(4, figures.custodyMinor());
                Jdbc.setLongOrNull(s, 5, figures.chainMinor());
                s.setBoolean(6, figures.matched());
                s.setString(7, trigger);
                s.executeUpdate();
            }
            return null;
        });
    }
}
