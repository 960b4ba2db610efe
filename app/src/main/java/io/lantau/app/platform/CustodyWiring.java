package io.lantau.app.platform;

import io.lantau.compliance.suitability.CoreCommands;
import io.lantau.core.config.Asset;
import io.lantau.core.config.StandardMarkets;
import io.lantau.custody.deposit.DepositAddresses;
import io.lantau.custody.deposit.DepositRepository;
import io.lantau.custody.deposit.DepositTracker;
import io.lantau.custody.deposit.WalletDepositAddresses;
import io.lantau.custody.eth.EthereumAdapter;
import io.lantau.custody.fiat.DesignatedAccounts;
import io.lantau.custody.fiat.FiatCurrencies;
import io.lantau.custody.fiat.FiatCustodyBalances;
import io.lantau.custody.fiat.FiatDeposits;
import io.lantau.custody.fiat.FiatWithdrawals;
import io.lantau.custody.fiat.OnboardingIdentities;
import io.lantau.custody.fiat.PlatformBankAccount;
import io.lantau.custody.hotcold.ColdToHotTopUps;
import io.lantau.custody.hotcold.HotColdMonitor;
import io.lantau.custody.hotcold.HotColdPolicy;
import io.lantau.custody.hotcold.SweepPlanner;
import io.lantau.custody.hotcold.TierBalances;
import io.lantau.custody.hotcold.WalletTier;
import io.lantau.custody.ledger.ChainAsset;
import io.lantau.custody.ledger.CustodyLedger;
import io.lantau.custody.ledger.CustodySettings;
import io.lantau.custody.ledger.PeriodicTask;
import io.lantau.custody.reconcile.ChainHoldings;
import io.lantau.custody.reconcile.Incidents;
import io.lantau.custody.reconcile.LedgerCustodyBalances;
import io.lantau.custody.reconcile.Reconciler;
import io.lantau.custody.reconcile.WithdrawalControls;
import io.lantau.custody.signer.EthHotSigner;
import io.lantau.custody.signer.OperatorSecret;
import io.lantau.custody.signer.SealedKey;
import io.lantau.custody.signer.SignerKeyStore;
import io.lantau.custody.travelrule.DepositGate;
import io.lantau.custody.travelrule.TravelRule;
import io.lantau.custody.travelrule.TravelRuleDepositGate;
import io.lantau.custody.travelrule.TravelRuleSettings;
import io.lantau.custody.wallet.DepositAddressBook;
import io.lantau.custody.wallet.EthereumAddressDeriver;
import io.lantau.custody.sweep.SweepExecutor;
import io.lantau.custody.sweep.SweepRepository;
import io.lantau.custody.wallet.EthereumColdAddress;
import io.lantau.custody.withdrawal.AddressBook;
import io.lantau.custody.withdrawal.EthereumPersonalSign;
import io.lantau.custody.withdrawal.WithdrawalProcessor;
import io.lantau.custody.withdrawal.WithdrawalRepository;
import io.lantau.custody.withdrawal.WithdrawalService;
import io.lantau.gateway.custody.ChainCustodyEndpoints;
import io.lantau.gateway.fiat.CustodyStaffEndpoints;
import io.lantau.gateway.fiat.FiatEndpoints;
import io.lantau.gateway.nativeapi.NativeApi;
import io.lantau.compliance.onboarding.AccessAction;
import io.vertx.core.http.HttpMethod;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Custody as the platform runs it (issue 5; HK-07, HK-15 to HK-22, HK-33): always the fiat side through designated
 * bank accounts, the hot/cold tiers with their continuous check and cold-to-hot top-ups, the travel rule and the
 * reconciliation of the core's ledger against custody's; and, when an Ethereum node is configured
 * ({@code eth.rpc.url}), ETH deposits to per-client addresses derived from the account xpub and withdrawals signed by
 * the sealed hot key, and hot-to-cold sweeps executed on chain to the cold account's first address. Every threshold
 * comes from the profile's {@code custody} and {@code travelRule} sections.
 *
 * <p>Built once by {@link #mount} from the platform's parts, after the native API exists and before it is mounted;
 * what it starts is added to the platform's stop list.
 */
public final class CustodyWiring {
    private static final Logger LOG = LoggerFactory.getLogger(CustodyWiring.class);
    /** How often the chain is scanned for deposits and withdrawals are moved on. */
    static final Duration CHAIN_PASS_EVERY = Duration.ofSeconds(2);
    static final Duration HOT_COLD_CHECK_EVERY = Duration.ofMinutes(1);
    static final Duration RECONCILE_EVERY = Duration.ofMinutes(10);
    static final String HOT_KEY_CHAIN = "ETH";

    private final CustodyLedger ledger;
    private final TierBalances tiers;
    private final Reconciler reconciler;
    private final AddressBook addressBook;
    private final String hotWalletAddress;
    private final String coldWalletAddress;
    private final SweepRepository sweeps;

    private CustodyWiring(CustodyLedger ledger, TierBalances tiers, Reconciler reconciler, AddressBook addressBook,
            ChainPart eth) {
        this.ledger = ledger;
        this.tiers = tiers;
        this.reconciler = reconciler;
        this.addressBook = addressBook;
        this.hotWalletAddress = eth == null ? null : eth.hotWallet();
        this.coldWalletAddress = eth == null ? null : eth.coldWallet();
        this.sweeps = eth == null ? null : eth.sweeps();
    }

    /**
     * Builds custody on the platform's parts, adds its endpoints to the native API, points
     * {@code p.withdrawalWhitelist} (collectibles' export) at the custody address book, and starts its schedules.
     *
     * @param closeInOrder the platform's stop list; what starts here is put at its front.
     */
    static CustodyWiring mount(PlatformConfig config, Platform.Parts p, List<AutoCloseable> closeInOrder) {
        Licensing l = p.licensing;
        DataSource ds = p.database.dataSource();
        Clock clock = Clock.systemUTC();
        CoreCommands core = new CoreCommands(p.submitter, Licensing.COMMAND_TIMEOUT);
        CustodySettings custody = CustodySettings.of(l.profile);
        HotColdPolicy policy = new HotColdPolicy(custody);
        PlatformBankAccount bank = config.custody().bankAccount();

        // Fiat through designated accounts (HK-07).
        FiatCurrencies currencies = new FiatCurrencies(p.coreConfig);
        Incidents incidents = new Incidents(ds, l.audit, clock);
        DesignatedAccounts designated = new DesignatedAccounts(ds, new OnboardingIdentities(l.onboarding), l.audit,
                clock);
        FiatDeposits fiatDeposits = new FiatDeposits(ds, designated, currencies, core, bank, clock);
        FiatWithdrawals fiatWithdrawals = new FiatWithdrawals(ds, designated, currencies, core, bank, incidents,
                clock);

        // Hot and cold (HK-16, HK-17).
        List<Asset> virtual = List.of(StandardMarkets.BTC, StandardMarkets.ETH);
        List<Integer> virtualIds = virtual.stream().map(Asset::assetId).toList();
        TierBalances tiers = new TierBalances(ds);
        HotColdMonitor monitor = new HotColdMonitor(ds, tiers, policy, virtualIds, l.security.notifications(),
                l.security.staff(), clock);
        monitor.schedule(HOT_COLD_CHECK_EVERY);
        closeInOrder.add(0, monitor);
        ColdToHotTopUps topUps = new ColdToHotTopUps(ds, l.security.approvals(), l.security.staff(), tiers, policy,
                clock);

        // The travel rule (HK-22), valued in the profile's valuation currency.
        TravelRule travelRule = new TravelRule(ds, l.profile.section(TravelRuleSettings.SECTION,
                TravelRuleSettings.class), new MarketValuation(p.coreConfig, l.profile.valuationCurrency(),
                p.marketData, config.referencePrices()), l.profile.valuationCurrency(), clock);
        DepositGate travelHold = new DepositGate(ds, travelRule, clock);
        WithdrawalControls controls = new WithdrawalControls(incidents, monitor, travelRule);

        // The client address book (HK-18) also answers collectibles' exports.
        AddressBook book = new AddressBook(ds, List.of(new EthereumPersonalSign()),
                Duration.ofHours(custody.newAddressCooldownHours()), clock);
        p.withdrawalWhitelist = (account, address) -> book.find(account, EthereumAdapter.CHAIN, address)
                .filter(entry -> !clock.instant().isBefore(entry.usableFrom())).isPresent();

        CustodyLedger ledger = new CustodyLedger(ds, clock);
        List<Reconciler.Source> sources = new ArrayList<>();
        FiatCustodyBalances fiatBalances = new FiatCustodyBalances(fiatDeposits, fiatWithdrawals,
                p.coreConfig.assets());
        for (Asset a : p.coreConfig.assets()) {
            if (a.fiat()) {
                sources.add(new Reconciler.Source(a.assetId(), a.code(), fiatBalances, null));
            }
        }
        ChainPart eth = config.custody().ethRpcUrl() == null ? null
                : mountEthereum(config, p, closeInOrder, custody, core, travelHold, controls, book, ledger, tiers,
                        sources);
        Reconciler reconciler = new Reconciler(ds, p.coreTotals, sources, incidents, clock);
        closeInOrder.add(0, reconciler);
        if (eth == null) {
            reconciler.schedule(RECONCILE_EVERY);
        } else {
            // Scheduled runs between chain passes, on their thread: a run never falls between a deposit's credit in
            // the core and its record in custody (or a withdrawal's settlement and its record), which would read as
            // a discrepancy and freeze the asset for nothing.
            Runnable reconcile = new DueEvery(RECONCILE_EVERY, () -> reconciler.run(Reconciler.SCHEDULED));
            closeInOrder.add(0, PeriodicTask.start("custody-eth", CHAIN_PASS_EVERY,
                    () -> runEach(eth.pass(), reconcile)));
        }

        // HK-23: every withdrawal request is in the access log with its IP address, time and device.
        p.nativeApi.recordAccess(HttpMethod.POST, "/fiat/withdrawals", AccessAction.WITHDRAWAL, p.accessLog)
                .recordAccess(HttpMethod.POST, "/custody/withdrawals", AccessAction.WITHDRAWAL, p.accessLog);
        p.nativeApi.add(new FiatEndpoints(designated, fiatDeposits, fiatWithdrawals, currencies, bank,
                p.nativeApi.staffAccess()));
        p.nativeApi.add(new CustodyStaffEndpoints(p.coreConfig.assets(), virtual, tiers, policy, monitor,
                new SweepPlanner(tiers, policy, virtualIds), topUps, reconciler, incidents, travelRule, travelHold,
                p.nativeApi.staffAccess()));
        p.http.allowLargeBodies(NativeApi.PREFIX + FiatEndpoints.STATEMENTS_PATH);
        return new CustodyWiring(ledger, tiers, reconciler, book, eth);
    }

    /**
     * What the chain part adds: its hot wallet, its cold address and sweeps (null when no cold account is known), and
     * one pass over deposits, withdrawals and sweeps.
     */
    private record ChainPart(String hotWallet, String coldWallet, SweepRepository sweeps, Runnable pass) {
    }

    /** ETH deposits and withdrawals on the configured node; its pass is started by the caller. */
    private static ChainPart mountEthereum(PlatformConfig config, Platform.Parts p, List<AutoCloseable> closeInOrder,
            CustodySettings custody, CoreCommands core, DepositGate travelHold, WithdrawalControls controls,
            AddressBook book, CustodyLedger ledger, TierBalances tiers, List<Reconciler.Source> sources) {
        DataSource ds = p.database.dataSource();
        Clock clock = Clock.systemUTC();
        CustodyConfig c = config.custody();
        ChainAsset asset = ChainAsset.ETH;
        String operatorA = operatorSecret(config, c.hotKeyOperatorA(), DemoCustodyKeys.OPERATOR_A_FILE);
        String operatorB = operatorSecret(config, c.hotKeyOperatorB(), DemoCustodyKeys.OPERATOR_B_FILE);
        String xpub = c.ethAccountXpub();
        // Sweeps go to the cold account's first address (HK-16), the only destination the hot signer signs a sweep
        // for: the configured cold xpub, or the demo seed's; without either, sweeps stay proposed.
        String coldXpub = c.ethColdXpub();
        if (xpub == null) {
            if (!config.demoMode()) {
                throw new IllegalArgumentException("eth.account.xpub (LANTAU_ETH_ACCOUNT_XPUB) is required with "
                        + "eth.rpc.url outside demo mode");
            }
            xpub = DemoCustodyKeys.ethAccountXpub(config.dataDir(), operatorA, operatorB);
            if (coldXpub == null) {
                coldXpub = DemoCustodyKeys.ethColdXpub(config.dataDir(), operatorA, operatorB);
            }
        }
        String cold = coldXpub == null ? null : EthereumColdAddress.of(coldXpub);
        EthereumAdapter eth = EthereumAdapter.connect(c.ethRpcUrl());
        closeInOrder.add(0, eth);
        EthHotSigner signer = hotSigner(ds, clock, eth, asset, operatorA, operatorB, cold);

        DepositAddresses addresses = new WalletDepositAddresses(new DepositAddressBook(ds,
                List.of(EthereumAddressDeriver.parse(xpub)), clock), asset.chain());
        DepositRepository deposits = new DepositRepository(ds, ledger, clock);
        DepositTracker tracker = new DepositTracker(eth, asset, addresses, deposits, core,
                new TravelRuleDepositGate(travelHold, p.coreConfig), custody.depositConfirmations(),
                c.ethStartHeight());
        WithdrawalRepository rows = new WithdrawalRepository(ds, ledger, clock);
        WithdrawalService withdrawals = new WithdrawalService(rows, book, p.licensing.security.totp(), core, custody,
                List.of(asset), clock, controls.asCheck(asset));
        WithdrawalProcessor processor = new WithdrawalProcessor(withdrawals, rows, eth, signer, asset, core,
                custody.withdrawalConfirmations());
        TierFeed feed = new TierFeed(tiers, new LedgerCustodyBalances(ledger, List.of(asset)), asset.assetId());

        LedgerCustodyBalances chainCustody = new LedgerCustodyBalances(ledger, List.of(asset));
        String hot = signer.address();
        sources.add(new Reconciler.Source(asset.assetId(), asset.asset(), chainCustody,
                new ChainHoldings(asset.assetId(), eth, () -> {
                    Set<String> held = new HashSet<>(addresses.all());
                    held.add(hot);
                    if (cold != null) {
                        held.add(cold);
                    }
                    return held;
                }, asset.units().chainDecimals(), asset.units().bookDecimals()), chainCustody.onChain()));
        p.nativeApi.add(new ChainCustodyEndpoints(List.of(asset), List.of(addresses), deposits, book, withdrawals,
                p.nativeApi.staffAccess(), new OnboardingIdentities(p.licensing.onboarding)));
        LOG.info("custody: ETH on a node from block {}, hot wallet {}, cold storage {}", c.ethStartHeight(), hot,
                cold == null ? "not configured (sweeps are proposed only)" : cold);
        if (cold == null) {
            return new ChainPart(hot, null, null,
                    () -> runEach(tracker::scanOnce, feed::align, processor::runOnce, feed::align));
        }
        SweepRepository sweeps = new SweepRepository(ds, ledger, tiers, clock);
        SweepExecutor sweeper = new SweepExecutor(new SweepPlanner(tiers, new HotColdPolicy(custody),
                List.of(asset.assetId())), sweeps, eth, signer, asset, custody.withdrawalConfirmations());
        // Sweeps after the tiers are aligned with this pass's deposits and withdrawals: the planner reads them.
        return new ChainPart(hot, cold, sweeps, () -> runEach(tracker::scanOnce, feed::align, processor::runOnce,
                feed::align, sweeper::runOnce));
    }

    /**
     * The hot key sealed under both operators: the first start with a node is its key ceremony (a new key sealed
     * and stored; only its address is logged); every later start unseals it with the same two secrets.
     */
    private static EthHotSigner hotSigner(DataSource ds, Clock clock, EthereumAdapter eth, ChainAsset asset,
            String operatorA, String operatorB, String coldAddress) {
        OperatorSecret first = new OperatorSecret("operator-a", operatorA.toCharArray());
        OperatorSecret second = new OperatorSecret("operator-b", operatorB.toCharArray());
        try {
            SignerKeyStore keys = new SignerKeyStore(ds, clock);
            SealedKey sealed = keys.find(HOT_KEY_CHAIN).orElse(null);
            if (sealed == null) {
                keys.put(HOT_KEY_CHAIN, EthHotSigner.generate(first, second, new SecureRandom()));
                sealed = keys.find(HOT_KEY_CHAIN).orElseThrow();
                LOG.info("custody: generated the ETH hot key {} sealed under two operators", sealed.address());
            }
            return EthHotSigner.unseal(sealed, first, second, eth, asset.units(), coldAddress);
        } finally {
            first.wipe();
            second.wipe();
        }
    }

    static String operatorSecret(PlatformConfig config, String configured, String demoFile) {
        if (configured == null && !config.demoMode()) {
            throw new IllegalArgumentException("LANTAU_HOT_KEY_OPERATOR_A and LANTAU_HOT_KEY_OPERATOR_B are required "
                    + "with eth.rpc.url outside demo mode");
        }
        return DemoCustodyKeys.operatorSecret(configured, config.dataDir(), demoFile);
    }

    /** Runs each step of a pass; one that fails (a node that does not answer) does not stop the others. */
    private static void runEach(Runnable... steps) {
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                LOG.warn("custody pass step failed: {}", e.toString());
            }
        }
    }

    /** @return the custody ledger (client trust and house entries per chain). */
    public CustodyLedger ledger() {
        return ledger;
    }

    /** @return the hot and cold tiers of each virtual asset. */
    public TierBalances tiers() {
        return tiers;
    }

    public Reconciler reconciler() {
        return reconciler;
    }

    public AddressBook addressBook() {
        return addressBook;
    }

    /** @return the ETH hot wallet's address, or null without a node. */
    public String hotWalletAddress() {
        return hotWalletAddress;
    }

    /** @return the ETH cold address sweeps go to, or null without a node or a known cold account. */
    public String coldWalletAddress() {
        return coldWalletAddress;
    }

    /** @return the ETH hot-to-cold sweeps, or null when none are executed (no node, or no cold account). */
    public SweepRepository sweeps() {
        return sweeps;
    }

    /** Runs a task when it is due: at once, then not again until {@code period} has passed. One caller thread. */
    static final class DueEvery implements Runnable {
        private final long periodNanos;
        private final Runnable task;
        private long lastStart;
        private boolean started;

        DueEvery(Duration period, Runnable task) {
            this.periodNanos = period.toNanos();
            this.task = task;
        }

        @Override
        public void run() {
            long now = System.nanoTime();
            if (!started || now - lastStart >= periodNanos) {
                started = true;
                lastStart = now;
                task.run();
            }
        }
    }

    /**
     * Keeps the tiers' total of a chain asset equal to the custody ledger's client trust: a credited deposit lands in
     * the HOT tier (where the deposit addresses are), a settled withdrawal leaves it; a confirmed sweep moves HOT to
     * COLD ({@link SweepExecutor}), leaving the total as it is. Aligning to the ledger, rather than counting events, makes it exactly once across
     * crashes. Run on the chain pass's one thread.
     */
    static final class TierFeed {
        private final TierBalances tiers;
        private final LedgerCustodyBalances custody;
        private final int assetId;

        TierFeed(TierBalances tiers, LedgerCustodyBalances custody, int assetId) {
            this.tiers = tiers;
            this.custody = custody;
            this.assetId = assetId;
        }

        void align() {
            long difference = Math.subtractExact(custody.clientAssetsMinor(assetId), tiers.clientAssetsMinor(assetId));
            if (difference > 0) {
                tiers.credit(assetId, WalletTier.HOT, difference);
            } else if (difference < 0) {
                tiers.debit(assetId, WalletTier.HOT, -difference);
            }
        }
    }
}
