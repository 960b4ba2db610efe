package io.lantau.custody.reconcile;

import io.lantau.store.EngineTestBase;
import static io.lantau.custody.testbed.CustodyTestBed.BTC;
import static io.lantau.custody.testbed.CustodyTestBed.ETH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.custody.hotcold.TierBalances;
import io.lantau.custody.hotcold.WalletTier;
import io.lantau.custody.ledger.ChainAsset;
import io.lantau.custody.ledger.CustodyLedger;
import io.lantau.custody.ledger.LedgerEntry;
import io.lantau.custody.ledger.LedgerKind;
import io.lantau.custody.testbed.CustodyTestBed;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HK-33: core ledger, custody ledger and chain agree, or the asset's withdrawals freeze and an incident opens. */
class ReconcilerTest extends EngineTestBase {
    static final BigInteger WEI_PER_BOOK_UNIT = BigInteger.TEN.pow(10);
    CustodyTestBed bed;
    TierBalances tiers;
    Incidents incidents;
    Reconciler reconciler;
    LedgerChain bitcoin = new LedgerChain("BTC");
    LedgerChain ethereum = new LedgerChain("ETH");

    @BeforeEach
    void setUp() {
        bed = new CustodyTestBed(database);
        tiers = new TierBalances(bed.dataSource());
        incidents = new Incidents(bed.dataSource(), bed.audit, bed.clock);
        reconciler = new Reconciler(bed.dataSource(), bed.liabilities, List.of(
                new Reconciler.Source(BTC, "BTC", tiers, new ChainHoldings(BTC, bitcoin,
                        () -> List.of("bc1qhot", "bc1qcold"), 8, 8)),
                new Reconciler.Source(ETH, "ETH", tiers, new ChainHoldings(ETH, ethereum,
                        () -> List.of("0xhot", "0xcold"), 18, 8))), incidents, bed.clock);
        long client = bed.client("c@example.com");
        // 1 BTC and 10 ETH credited in the core, held 2 % hot and 98 % cold, and on chain.
        bed.fund(client, BTC, 100_000_000L);
        bed.fund(client, ETH, 1_000_000_000L);
        tiers.credit(BTC, WalletTier.HOT, 2_000_000L);
        tiers.credit(BTC, WalletTier.COLD, 98_000_000L);
        tiers.credit(ETH, WalletTier.HOT, 20_000_000L);
        tiers.credit(ETH, WalletTier.COLD, 980_000_000L);
        bitcoin.set("bc1qhot", BigInteger.valueOf(2_000_000L));
        bitcoin.set("bc1qcold", BigInteger.valueOf(98_000_000L));
        ethereum.set("0xhot", BigInteger.valueOf(20_000_000L).multiply(WEI_PER_BOOK_UNIT).add(BigInteger.valueOf(7)));
        ethereum.set("0xcold", BigInteger.valueOf(980_000_000L).multiply(WEI_PER_BOOK_UNIT));
    }

    @AfterEach
    void tearDown() {
        reconciler.close();
        bed.close();
    }

    @Test
    void shouldMatchWhenAllThreeLedgersAgree() {
        List<AssetReconciliation> results = reconciler.run(Reconciler.MANUAL);

        assertThat(results).allSatisfy(r -> assertThat(r.matched()).isTrue());
        assertThat(results.get(1)).isEqualTo(new AssetReconciliation(ETH, "ETH", 1_000_000_000L, 1_000_000_000L,
                1_000_000_000L, true, 0)); // 7 wei of dust are not a client asset
        assertThat(incidents.list(false)).isEmpty();
        assertThat(incidents.isFrozen(BTC)).isFalse();
        assertThat(bed.rows("reconciliation_runs")).isEqualTo(2);
    }

    @Test
    void shouldFreezeTheAssetAndOpenOneIncidentOnAMismatch() {
        long auditBefore = bed.audit.lastSequence();
        bitcoin.set("bc1qcold", BigInteger.valueOf(97_999_999L)); // one satoshi missing on chain

        List<AssetReconciliation> results = reconciler.run(Reconciler.MANUAL);
        reconciler.run(Reconciler.SCHEDULED);

        AssetReconciliation btc = results.get(0);
        assertThat(btc.matched()).isFalse();
        assertThat(btc.chainMinor()).isEqualTo(99_999_999L);
        assertThat(btc.incidentId()).isPositive();
        assertThat(incidents.isFrozen(BTC)).isTrue();
        assertThat(incidents.isFrozen(ETH)).isFalse();
        assertThat(incidents.list(true)).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo(btc.incidentId());
            assertThat(i.coreMinor()).isEqualTo(100_000_000L);
            assertThat(i.custodyMinor()).isEqualTo(100_000_000L);
            assertThat(i.trigger()).isEqualTo(Reconciler.MANUAL);
        });
        assertThat(bed.audit.lastSequence()).isEqualTo(auditBefore + 1);
        assertThat(auditDetails(auditBefore + 1)).contains("\"event\":\"RECONCILIATION_MISMATCH\"",
                "\"chainMinor\":99999999", "\"withdrawals\":\"FROZEN\"");
    }

    @Test
    void shouldFreezeWhenCoreAndCustodyDisagreeOrTheChainCannotBeRead() {
        tiers.debit(ETH, WalletTier.HOT, 1L);
        bitcoin.down = true;

        List<AssetReconciliation> results = reconciler.run(Reconciler.MANUAL);

        assertThat(results).noneSatisfy(r -> assertThat(r.matched()).isTrue());
        assertThat(incidents.isFrozen(BTC)).isTrue();
        assertThat(incidents.isFrozen(ETH)).isTrue();
    }

    @Test
    void shouldThawOnlyWhenStaffResolveTheIncident() {
        bitcoin.set("bc1qhot", BigInteger.ZERO);
        long incident = reconciler.run(Reconciler.MANUAL).get(0).incidentId();
        bitcoin.set("bc1qhot", BigInteger.valueOf(2_000_000L));

        assertThat(reconciler.run(Reconciler.MANUAL).get(0).matched()).isTrue();
        assertThat(incidents.isFrozen(BTC)).isTrue(); // a clean run does not clear it: staff do

        assertRefused(() -> incidents.resolve(incident, 7, " "), ReconcileRefusal.RESOLUTION_NOTE_REQUIRED);
        assertRefused(() -> incidents.resolve(incident + 100, 7, "x"), ReconcileRefusal.INCIDENT_NOT_FOUND);
        Incident resolved = incidents.resolve(incident, 7, "hot wallet RPC returned a stale balance; re-checked");
        assertRefused(() -> incidents.resolve(incident, 7, "again"), ReconcileRefusal.INCIDENT_ALREADY_RESOLVED);

        assertThat(resolved.resolvedBy()).isEqualTo(7L);
        assertThat(incidents.isFrozen(BTC)).isFalse();
        assertThat(incidents.list(true)).isEmpty();
    }

    @Test
    void shouldRunOnASchedule() throws InterruptedException {
        bitcoin.set("bc1qcold", BigInteger.ONE);
        reconciler.schedule(Duration.ofMillis(20));

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!incidents.isFrozen(BTC) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        assertThat(incidents.list(true)).singleElement()
                .satisfies(i -> assertThat(i.trigger()).isEqualTo(Reconciler.SCHEDULED));
    }

    @Test
    void shouldReconcileTheChainCustodyLedgerWithHouseFundsOnChain() {
        CustodyLedger ledger = new CustodyLedger(bed.dataSource(), bed.clock);
        long client = bed.client("d@example.com");
        bed.fund(client, ETH, 300_000_000L);
        BigInteger threeEth = BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(3));
        BigInteger gasFloat = BigInteger.TEN.pow(16);
        ledger.append(new LedgerEntry("ETH", "ETH", LedgerKind.DEPOSIT_CREDITED, client, threeEth, "tx-1"));
        ledger.append(new LedgerEntry("ETH", "ETH", LedgerKind.HOUSE_FUNDING, 0, gasFloat, "float-1"));
        LedgerCustodyBalances custody = new LedgerCustodyBalances(ledger, List.of(ChainAsset.ETH));
        LedgerChain eth = new LedgerChain("ETH");
        eth.set("0xhot", threeEth.add(gasFloat));
        Reconciler chainLedger = new Reconciler(bed.dataSource(), asset -> bed.liabilities.liabilitiesMinor(asset)
                - 1_000_000_000L, List.of(new Reconciler.Source(ETH, "ETH", custody, new ChainHoldings(ETH, eth,
                        () -> List.of("0xhot"), 18, 8), custody.onChain())), incidents, bed.clock);

        assertThat(chainLedger.run(Reconciler.MANUAL)).singleElement().satisfies(r -> {
            assertThat(r.matched()).isTrue();
            assertThat(r.custodyMinor()).isEqualTo(300_000_000L);
            assertThat(r.chainMinor()).isEqualTo(301_000_000L);
        });
        eth.set("0xhot", threeEth); // the gas float is gone without a ledger entry
        assertThat(chainLedger.run(Reconciler.MANUAL).get(0).matched()).isFalse();
        assertThat(incidents.isFrozen(ETH)).isTrue();
    }

    private String auditDetails(long seq) {
        try (Connection c = bed.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT details FROM audit_log WHERE seq = ?")) {
            s.setLong(1, seq);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    static void assertRefused(Runnable call, ReconcileRefusal refusal) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ReconcileException.class,
                e -> assertThat(e.refusal()).isEqualTo(refusal));
    }
}
