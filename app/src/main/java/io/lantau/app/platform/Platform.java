package io.lantau.app.platform;

import io.lantau.core.BookKind;
import io.lantau.core.ExchangeCore;
import io.lantau.core.OrderView;
import io.lantau.core.config.CoreConfig;
import io.lantau.core.config.MarketSpec;
import io.lantau.core.config.StandardMarkets;
import io.lantau.store.dispatch.CommandSubmitter;
import io.lantau.gateway.admin.AdminEndpoints;
import io.lantau.gateway.nativeapi.NativeApi;
import io.lantau.gateway.nativeapi.NativeApiSettings;
import io.lantau.gateway.auth.RequestAuthenticator;
import io.lantau.gateway.auth.SecretCipher;
import io.lantau.gateway.auth.StoredApiKeys;
import io.lantau.gateway.binance.BinanceApi;
import io.lantau.gateway.binance.ExchangeInfoEndpoints;
import io.lantau.gateway.binance.MarketDataEndpoints;
import io.lantau.gateway.binance.Markets;
import io.lantau.gateway.binance.OrderEndpoints;
import io.lantau.gateway.binance.QueryEndpoints;
import io.lantau.gateway.http.HttpGateway;
import io.lantau.gateway.http.OpsEndpoints;
import io.lantau.gateway.limits.RateLimiter;
import io.lantau.gateway.ws.WebSocketGateway;
import io.lantau.gateway.ws.WebSocketLimits;
import io.lantau.journal.JournalConfig;
import io.lantau.journal.JournaledCore;
import io.lantau.journal.Recovery;
import io.lantau.store.Database;
import io.lantau.store.MarketStatuses;
import io.lantau.store.Projection;
import io.lantau.store.account.AccountReadModel;
import io.lantau.store.account.ExposureView;
import io.lantau.store.account.ApiKeyRepository;
import io.lantau.store.account.SessionRepository;
import io.lantau.store.account.UserRepository;
import io.lantau.compliance.audit.AuditProjection;
import io.lantau.compliance.audit.AuditTrail;
import io.lantau.store.dispatch.BackgroundProjection;
import io.lantau.store.dispatch.JournalCatchUp;
import io.lantau.store.dispatch.ProjectionDispatcher;
import io.lantau.store.history.CandleRepository;
import io.lantau.store.history.HistoryProjection;
import io.lantau.store.history.OrderHistoryRepository;
import io.lantau.store.history.TradeHistoryRepository;
import io.lantau.store.market.MarketData;
import io.lantau.store.market.MarketDataSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import io.lantau.custody.reserves.EthereumControlProofVerifier;
import io.lantau.custody.reserves.LiabilityLedger;
import io.lantau.custody.reconcile.CoreLiabilities;
import io.lantau.custody.reserves.ReservesPublisher;
import io.lantau.custody.reserves.ReservesRepository;
import io.lantau.gateway.reserves.ReservesEndpoints;
import io.lantau.gateway.compliance.ComplianceEndpoints;
import io.lantau.collectibles.Collectibles;
import io.lantau.collectibles.OnboardingIdentities;
import io.lantau.gateway.collectibles.CollectiblesEndpoints;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole platform in one process. {@link #start} recovers the core from the journal, brings the relational
 * history up to the journal's end, seeds the in-memory read models from the recovered core, starts the journaled
 * engine and the projection dispatcher, and opens the HTTP and WebSocket gateway. {@link #close} stops it in the
 * reverse order; a crash instead is recovered on the next start.
 */
public final class Platform implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Platform.class);
    /** How often a reserves root is published without being asked (PoR-2: at least as often as reported). */
    static final java.time.Duration RESERVES_EVERY = java.time.Duration.ofHours(24);

    private final PlatformConfig config;
    private final List<AutoCloseable> closeInOrder = new ArrayList<>();
    private final Parts parts = new Parts();
    private int port;

    /** What the running platform is made of; for the wiring of further parts and for tests. */
    public static final class Parts {
        public CoreConfig coreConfig;
        public Markets markets;
        public Database database;
        public JournaledCore journaled;
        public ProjectionDispatcher dispatcher;
        public BackgroundProjection history;
        public AccountReadModel accounts;
        public MarketStatuses statuses;
        public MarketData marketData;
        public CommandSubmitter submitter;
        public StoredApiKeys apiKeys;
        public SecretCipher cipher;
        public RateLimiter limiter;
        public RequestAuthenticator authenticator;
        public PrometheusMeterRegistry metrics;
        public Vertx vertx;
        public HttpGateway http;
        public String adminToken;
        public NativeApi nativeApi;
        public WebSocketGateway webSockets;
        public LongSupplier clockMillis;
        /** The profile in force and the compliance services built from it. */
        public Licensing licensing;
        public BackgroundProjection audit;
        public AuditTrail auditTrail;
        public AsyncAccessLog accessLog;
        public ReferencePriceFeed referencePrices;
        /** Client liabilities per asset as the core holds them, for proof of reserves (PoR-1). */
        public LiabilityLedger liabilities;
        /** The core's ledger totals per asset (deposits minus settled withdrawals), for reconciliation (HK-33). */
        public CoreLiabilities coreTotals;
        /** Each client's exposure as the core values it (HK-04), shown beside the limit. */
        public ExposureView exposure;
        public ReservesPublisher reserves;
        public Collectibles collectibles;
        /** Whether an address is on a client's withdrawal whitelist (custody), for exports of collectibles. */
        public io.lantau.collectibles.AddressBook withdrawalWhitelist = (account, address) -> false;
        /** The ERC-721 contract collectibles export to, when a node is configured (else none). */
        public CollectiblesChain collectiblesChain;
        /** Custody: fiat, hot/cold, travel rule, reconciliation, and ETH on chain when a node is configured. */
        public CustodyWiring custody;
    }

    private Platform(PlatformConfig config) {
        this.config = config;
    }

    /** Starts everything; throws (after stopping what started) if any part fails to start. */
    public static Platform start(PlatformConfig config) {
        Platform platform = new Platform(config);
        try {
            platform.startParts();
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private void startParts() {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + config.dataDir(), e);
        }
        Parts p = parts;
        p.clockMillis = System::currentTimeMillis;
        LongSupplier clockNanos = () -> {
            Instant now = Instant.now();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
        p.coreConfig = StandardMarkets.config();
        p.markets = new Markets(p.coreConfig);
        p.metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        p.cipher = new SecretCipher(GeneratedSecrets.orGenerate(config.masterKey(),
                config.dataDir().resolve("master.key")));
        p.adminToken = GeneratedSecrets.orGenerate(config.adminToken(), config.dataDir().resolve("admin.token"));

        p.database = config.jdbcUrl() == null ? Database.openH2(config.dataDir().resolve("db"))
                : Database.open(config.jdbcUrl(), config.jdbcUser(), config.jdbcPassword());
        closeInOrder.add(p.database);

        // 1. The core as the journal leaves it (a torn tail is cut here).
        ExchangeCore recovered = Recovery.recover(p.coreConfig, config.dataDir(),
                io.lantau.core.CoreEventListener.NO_OP).core();
        // 2. The relational history up to the same sequence: no gap, no duplicate.
        HistoryProjection historyProjection = new HistoryProjection(p.database.dataSource());
        p.auditTrail = new AuditTrail(p.database.dataSource());
        AuditProjection auditProjection = new AuditProjection(p.auditTrail);
        JournalCatchUp.catchUp(List.of(historyProjection, auditProjection), p.coreConfig, config.dataDir());
        // 3. In-memory read models seeded from the recovered core and the history.
        p.accounts = seedAccounts(recovered, p.coreConfig.assets().size());
        // The fee account is the platform's own and never a liability; no other platform account exists yet.
        p.liabilities = new LiabilityLedger(p.coreConfig, Set.of());
        p.liabilities.seed(recovered);
        p.coreTotals = new CoreLiabilities(recovered);
        p.exposure = new ExposureView(p.coreConfig, p.accounts, recovered);
        p.statuses = new MarketStatuses(p.coreConfig);
        for (MarketSpec m : p.coreConfig.markets()) {
            p.statuses.seed(m.marketId(), recovered.marketStatus(m.marketId()), recovered.lastSequence());
        }
        p.vertx = Vertx.vertx();
        p.apiKeys = new StoredApiKeys(new ApiKeyRepository(p.database.dataSource()), p.cipher);
        p.webSockets = new WebSocketGateway(p.vertx, p.markets, p.apiKeys, p.clockMillis, WebSocketLimits.BINANCE);
        closeInOrder.add(p.webSockets);
        p.marketData = MarketData.recover(recovered,
                RecentHistoryLoader.load(p.coreConfig, p.database.dataSource(), p.clockMillis.getAsLong()),
                MarketDataSettings.defaults(), p.webSockets.marketDataListener());
        p.webSockets.attach(p.marketData);
        // 4. The engine, and the dispatcher that feeds the read models once commands are durable.
        p.history = new BackgroundProjection("history", historyProjection);
        p.audit = new BackgroundProjection(AuditProjection.NAME, auditProjection);
        List<Projection> inMemory = new ArrayList<>(List.of(p.accounts, p.statuses, p.marketData));
        inMemory.add(p.webSockets.userDataProjection());
        inMemory.add(p.liabilities);
        inMemory.add(p.coreTotals);
        inMemory.add(p.exposure);
        p.dispatcher = new ProjectionDispatcher(inMemory, List.of(p.history, p.audit));
        JournalConfig journal = JournalConfig.defaults(config.dataDir()).withFsyncPolicy(config.fsyncPolicy())
                .withSnapshotEveryCommands(config.snapshotEveryCommands());
        p.journaled = JournaledCore.start(p.coreConfig, journal, p.dispatcher.engineEvents(),
                p.dispatcher.engineBoundaries(), clockNanos);
        closeInOrder.add(0, p.dispatcher);
        closeInOrder.add(0, p.journaled);
        p.dispatcher.start(p.journaled::durableSequence, recovered.lastSequence());
        p.submitter = new JournalCommandSubmitter(p.journaled, p.metrics);
        startLicensing(recovered);
        registerGauges();

        // 5. The gateway.
        p.limiter = new RateLimiter(config.rateLimits(), p.clockMillis);
        p.authenticator = new RequestAuthenticator(p.apiKeys, p.clockMillis);
        p.http = new HttpGateway(p.vertx, config.httpIdleTimeoutSeconds());
        BinanceApi binance = new BinanceApi(p.authenticator, p.limiter);
        p.http.mount(router -> {
            new ExchangeInfoEndpoints(p.markets, p.statuses, p.clockMillis).mount(binance, router);
            new MarketDataEndpoints(p.markets, p.marketData, new TradeHistoryRepository(p.database.dataSource()),
                    new CandleRepository(p.database.dataSource()), p.history, p.clockMillis).mount(binance, router);
            new OrderEndpoints(p.markets, p.submitter, p.limiter, p.accessLog).mount(binance, router);
            new QueryEndpoints(p.markets, p.accounts, new OrderHistoryRepository(p.database.dataSource()),
                    new TradeHistoryRepository(p.database.dataSource()), p.history,
                    p.dispatcher::appliedSequence).mount(binance, router);
            new OpsEndpoints(this::health, p.metrics).mount(router);
        });
        mountExtras();
        closeInOrder.add(0, () -> p.vertx.close().await());
        closeInOrder.add(0, p.http);
        port = p.http.listen(config.host(), config.port(), p.webSockets::handle);
        LOG.info("Lantau is serving on {}:{} ({})", config.host(), port, config);
    }

    /**
     * The profile in force and its compliance services, once the core runs: what they decided is sent to the core
     * again (a command lost in a crash is applied now), on a fresh platform retail access fails closed for markets no
     * committee decided on, and reference prices are seeded and then follow the market.
     */
    private void startLicensing(ExchangeCore recovered) {
        Parts p = parts;
        Clock clock = Clock.systemUTC();
        p.licensing = Licensing.start(config.profile(), p.database.dataSource(), p.auditTrail, p.submitter, p.cipher,
                p.coreConfig, clock);
        p.accessLog = new AsyncAccessLog(p.licensing.accessLog, clock);
        closeInOrder.add(0, p.accessLog);
        p.licensing.reassert();
        if (p.licensing.suitability.settings().retailGates() && recovered.lastSequence() == 0) {
            // A fresh platform: from here on, retail access is what the committee and the operator set (journaled).
            RetailMarketAccess.closeUndecidedMarkets(p.coreConfig, p.licensing.admission, p.submitter);
        }
        p.referencePrices = new ReferencePriceFeed(p.coreConfig, p.licensing.profile.valuationCurrency(),
                p.submitter, recovered::referencePriceMinor);
        closeInOrder.add(0, p.referencePrices);
        p.referencePrices.seed(config.referencePrices());
        p.referencePrices.follow(p.marketData);
        LOG.info("jurisdiction profile in force: {} ({})", p.licensing.profile.id(), p.licensing.profile.name());
    }

    /** The native API (accounts, sessions, keys) and the operator's admin API. */
    private void mountExtras() {
        Parts p = parts;
        Licensing l = p.licensing;
        p.nativeApi = new NativeApi(p.vertx, new UserRepository(p.database.dataSource()),
                new ApiKeyRepository(p.database.dataSource()), new SessionRepository(p.database.dataSource()),
                p.cipher, p.apiKeys, p.submitter, l.nativeApiSettings(NativeApiSettings.DEFAULTS), Clock.systemUTC(),
                l.security, new ProfileClientHooks(l.onboarding, p.accessLog));
        closeInOrder.add(0, p.nativeApi);
        // The admin routes first: the native API answers 404 for any other path under its prefix.
        p.http.mount(new AdminEndpoints(p.markets, p.submitter, new UserRepository(p.database.dataSource()),
                p.adminToken, config.demoMode(), l.security.staff(), l.securityAudit())::mount);
        // The licensing endpoints (HK-01 to HK-08, HK-10 to HK-14, HK-23, HK-24, HK-33, HK-34).
        new ComplianceEndpoints(l.profile, l.onboarding, l.suitability, l.classification, l.screening, l.admission,
                l.campaigns, l.accessLog, l.audit, p.coreConfig, p.submitter, Clock.systemUTC())
                .addTo(p.nativeApi, p.http, p.exposure::exposureMinor);
        p.custody = CustodyWiring.mount(config, p, closeInOrder);
        mountReserves();
        mountCollectibles();
        io.lantau.gateway.web.WebUi.install(p.http, p.nativeApi, new io.lantau.gateway.web.WebTradingEndpoints(
                p.markets, p.submitter, p.limiter, p.accounts, p.database.dataSource(), p.history,
                p.dispatcher::appliedSequence));
        p.http.mount(p.nativeApi::mount);
    }

    /**
     * Proof of reserves (PoR-1 to PoR-4): a Merkle sum tree over client liabilities published daily and on a custody
     * officer's request, each client's inclusion proof through the API, and the asset-side report.
     */
    private void mountReserves() {
        Parts p = parts;
        ReservesRepository repository = new ReservesRepository(p.database.dataSource());
        p.reserves = new ReservesPublisher(() -> p.liabilities.snapshot(Instant.now()), repository,
                new SecureRandom(), Clock.systemUTC());
        p.nativeApi.add(new ReservesEndpoints(repository, p.reserves, p.nativeApi.staffAccess(), Map.of(),
                Map.of("ETH", new EthereumControlProofVerifier())));
        long timer = p.vertx.setPeriodic(RESERVES_EVERY.toMillis(), id -> p.vertx
                .executeBlocking(p.reserves::publish, false)
                .onFailure(e -> LOG.warn("publishing the reserves root failed", e)));
        closeInOrder.add(0, () -> p.vertx.cancelTimer(timer));
    }

    /**
     * Digital collectibles under the profile's rules (CN-01 to CN-10 under the mainland profile): issuers,
     * collections, items with their media, drops, resale where allowed, gifts. Export to a public chain needs an
     * Ethereum node ({@code eth.rpc.url}) and a profile that allows it (not CN-07): then the ERC-721 contract is
     * deployed once and reused ({@link CollectiblesChain}) and tokens sent back are looked for every
     * {@link CollectiblesChain#RETURN_SCAN_EVERY}; without one the export endpoints refuse.
     */
    private void mountCollectibles() {
        Parts p = parts;
        Licensing l = p.licensing;
        boolean export = config.custody().ethRpcUrl() != null
                && io.lantau.collectibles.CollectiblesSettings.of(l.profile).exportToPublicChain();
        p.collectiblesChain = !export ? CollectiblesChain.none() : CollectiblesChain.connect(config,
                p.database.dataSource(), "http://" + config.host() + ":" + config.port() + NativeApi.PREFIX
                        + CollectiblesEndpoints.TOKEN_URI_PATH + "/", closeInOrder);
        p.collectibles = Collectibles.create(p.database.dataSource(), l.profile, p.coreConfig.assets(),
                new OnboardingIdentities(l.onboarding), p.withdrawalWhitelist, p.submitter,
                config.dataDir().resolve("media"), p.collectiblesChain.contract(), Clock.systemUTC());
        p.http.allowLargeBodies(NativeApi.PREFIX + CollectiblesEndpoints.MEDIA_PATH);
        p.nativeApi.add(new CollectiblesEndpoints(p.collectibles, p.nativeApi.staffAccess()));
        if (p.collectiblesChain.contract() != null) {
            // Tokens sent back to the platform's address unlock their items.
            Collectibles c = p.collectibles;
            closeInOrder.add(0, io.lantau.custody.ledger.PeriodicTask.start("collectibles-returns",
                    CollectiblesChain.RETURN_SCAN_EVERY, () -> c.exports().scanReturns()));
        }
    }

    private static AccountReadModel seedAccounts(ExchangeCore core, int assetCount) {
        AccountReadModel accounts = new AccountReadModel(assetCount);
        for (long id : core.accountIds()) {
            long[] available = new long[assetCount];
            long[] locked = new long[assetCount];
            for (int a = 0; a < assetCount; a++) {
                available[a] = core.availableMinor(id, a);
                locked[a] = core.lockedMinor(id, a);
            }
            accounts.seedBalances(id, available, locked, core.feeTier(id));
            for (OrderView order : core.openOrders(id)) {
                accounts.seedOpenOrder(order);
            }
        }
        accounts.seedSequence(core.lastSequence());
        return accounts;
    }

    private void registerGauges() {
        Parts p = parts;
        Gauge.builder("lantau.journal.durable.sequence", p.journaled, JournaledCore::durableSequence)
                .description("Last durable command").register(p.metrics);
        Gauge.builder("lantau.engine.queue", p.journaled, JournaledCore::queuedCommands)
                .description("Commands waiting for the engine").register(p.metrics);
        Gauge.builder("lantau.projections.lag", p, x -> x.journaled.durableSequence() - x.dispatcher.appliedSequence())
                .description("Durable commands the in-memory read models have not applied yet").register(p.metrics);
        Gauge.builder("lantau.history.lag", p,
                x -> x.dispatcher.appliedSequence() - x.history.projection().lastAppliedSequence())
                .description("Commands the relational history has not committed yet").register(p.metrics);
        Gauge.builder("lantau.audit.lag", p,
                x -> x.dispatcher.appliedSequence() - x.audit.projection().lastAppliedSequence())
                .description("Commands the audit trail has not recorded yet").register(p.metrics);
        Gauge.builder("lantau.access.log.dropped", p.accessLog, AsyncAccessLog::dropped)
                .description("Access log records dropped because the store fell behind").register(p.metrics);
        Gauge.builder("lantau.websocket.sessions", p.webSockets, WebSocketGateway::openSessions)
                .description("Open WebSocket connections").register(p.metrics);
        Gauge.builder("lantau.websocket.subscriptions", p.webSockets, WebSocketGateway::streamSubscriptions)
                .description("Market stream subscriptions").register(p.metrics);
        Gauge.builder("lantau.websocket.dropped", p.webSockets, WebSocketGateway::droppedSlowConsumers)
                .description("Connections closed for reading too slowly").register(p.metrics);
        Gauge.builder("lantau.websocket.backlog", p.webSockets, WebSocketGateway::fanOutBacklog)
                .description("Market data changes waiting to be sent").register(p.metrics);
    }

    /** The health document: UP unless a thread of the pipeline failed. */
    JsonObject health() {
        Parts p = parts;
        Throwable dispatcherFailure = p.dispatcher.failure();
        Throwable historyFailure = p.history.failure();
        Throwable auditFailure = p.audit.failure();
        boolean up = dispatcherFailure == null && historyFailure == null && auditFailure == null;
        JsonObject body = new JsonObject()
                .put("status", up ? "UP" : "DOWN")
                .put("durableSequence", p.journaled.durableSequence())
                .put("projectedSequence", p.dispatcher.appliedSequence())
                .put("historySequence", p.history.projection().lastAppliedSequence());
        if (dispatcherFailure != null) {
            body.put("projections", "failed: " + dispatcherFailure);
        }
        if (historyFailure != null) {
            body.put("history", "failed: " + historyFailure);
        }
        if (auditFailure != null) {
            body.put("audit", "failed: " + auditFailure);
        }
        body.put("profile", p.licensing.profile.id());
        return body;
    }

    /** @return the port the gateway listens on. */
    public int port() {
        return port;
    }

    public PlatformConfig config() {
        return config;
    }

    public Parts parts() {
        return parts;
    }

    /** Stops the gateway, drains the engine and projections, closes the store. Idempotent. */
    @Override
    public void close() {
        for (AutoCloseable c : closeInOrder) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("while stopping: {}", e.toString());
            }
        }
        closeInOrder.clear();
    }
}
