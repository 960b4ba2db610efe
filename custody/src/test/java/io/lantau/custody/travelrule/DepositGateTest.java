package io.lantau.custody.travelrule;

import io.lantau.store.EngineTestBase;
import static io.lantau.custody.testbed.CustodyTestBed.BTC;
import static io.lantau.custody.travelrule.TravelRuleTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.custody.deposit.DepositState;
import io.lantau.custody.deposit.ObservedDeposit;
import io.lantau.custody.testbed.CustodyTestBed;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HK-22: incoming deposits at or above HK$8,000 are held until their originator data is present. */
class DepositGateTest extends EngineTestBase {
    static final String OUR_ADDRESS = "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh";
    CustodyTestBed bed;
    DepositGate gate;
    long chan;
    final List<DepositGate.IncomingDeposit> released = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        bed = new CustodyTestBed(database);
        gate = new TravelRuleFixture(bed).gate;
        gate.onRelease(released::add);
        chan = bed.client("chan@example.com");
    }

    @AfterEach
    void tearDown() {
        bed.close();
    }

    @Test
    void shouldHoldIncomingDepositAtThresholdUntilOriginatorDataArrives() {
        DepositGate.IncomingDeposit deposit = new DepositGate.IncomingDeposit("BTC:ab12:0", chan, BTC, 2_000_000L);

        assertThat(gate.mayCredit(deposit)).isFalse();
        assertThat(gate.mayCredit(deposit)).isFalse();
        assertThat(gate.held()).singleElement().satisfies(h -> {
            assertThat(h.deposit()).isEqualTo(deposit);
            assertThat(h.valueMinor()).isEqualTo(1_000_000L);
        });

        Ivms101.Payload reduced = new Ivms101.Payload(TravelRuleFixture.nameOnlyOriginator("ext-77"),
                TravelRuleFixture.beneficiary("Chan", OUR_ADDRESS));
        assertRefused(() -> gate.provideOriginator("BTC:ab12:0", reduced), TravelRuleRefusal.TRAVEL_RULE_DATA_MISSING);
        assertThat(gate.mayCredit(deposit)).isFalse();
        assertThat(released).isEmpty();

        DepositGate.IncomingDeposit out = gate.provideOriginator("BTC:ab12:0", new Ivms101.Payload(
                TravelRuleFixture.companyOriginator("ext-77"), TravelRuleFixture.beneficiary("Chan", OUR_ADDRESS)));

        assertThat(out).isEqualTo(deposit);
        assertThat(released).containsExactly(deposit);
        assertThat(gate.mayCredit(deposit)).isTrue();
        assertThat(gate.held()).isEmpty();
        assertThat(bed.rows("travel_rule_records")).isEqualTo(1);
    }

    @Test
    void shouldGateTheChainDepositTrackerUntilReleased() {
        TravelRuleDepositGate trackerGate = new TravelRuleDepositGate(gate,
                io.lantau.core.config.StandardMarkets.config());
        ObservedDeposit seen = new ObservedDeposit(42, "BTC", "BTC", "beef", 1, chan, OUR_ADDRESS, null,
                BigInteger.valueOf(2_000_000L), 2_000_000L, BigInteger.ZERO, 100, "h", DepositState.SEEN,
                bed.clock.instant(), null);

        assertThat(trackerGate.check(seen)).isEqualTo(io.lantau.custody.deposit.DepositGate.Decision.HOLD);
        gate.provideOriginator("BTC:beef:1", new Ivms101.Payload(TravelRuleFixture.companyOriginator("ext-1"),
                TravelRuleFixture.beneficiary("Chan", OUR_ADDRESS)));

        assertThat(trackerGate.check(seen)).isEqualTo(io.lantau.custody.deposit.DepositGate.Decision.ALLOW);
    }

    @Test
    void shouldLetDepositsBelowThresholdThroughWithoutAHold() {
        assertThat(gate.mayCredit(new DepositGate.IncomingDeposit("BTC:cd34:1", chan, BTC, 1_599_998L))).isTrue();
        assertThat(bed.rows("travel_rule_holds")).isZero();
    }

    @Test
    void shouldRefuseOriginatorDataForADepositThatIsNotHeld() {
        assertRefused(() -> gate.provideOriginator("BTC:none:0", new Ivms101.Payload(
                TravelRuleFixture.companyOriginator("x"), TravelRuleFixture.beneficiary("Chan", OUR_ADDRESS))),
                TravelRuleRefusal.DEPOSIT_NOT_HELD);
        assertThat(bed.rows("travel_rule_records")).isZero();
    }
}
