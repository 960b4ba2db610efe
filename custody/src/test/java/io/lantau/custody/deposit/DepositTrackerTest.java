package io.lantau.custody.deposit;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.core.ResultCode;
import io.lantau.custody.ledger.CustodyIds;
import io.lantau.custody.testing.AnvilChain;
import io.lantau.custody.testing.CustodyRig;
import io.lantau.custody.testing.Profiles;
import java.math.BigInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deposits on a real anvil node credited to a real core after the Hong Kong profile's confirmation count, exactly
 * once (HK-18; issue 5 acceptance: "deposit → confirmations → credit exactly once, also after a restart in the
 * middle; a reorg below the confirmation depth never double-credits").
 */
class DepositTrackerTest {
    static AnvilChain chain;
    CustodyRig rig;
    int confirmations;
    long start;

    @BeforeAll
    static void startChain() {
        chain = new AnvilChain();
    }

    @AfterAll
    static void stopChain() {
        chain.close();
    }

    @BeforeEach
    void setUp() {
        rig = new CustodyRig(chain, Profiles.hongKong());
        confirmations = rig.settings.depositConfirmations();
        start = chain.adapter().tipHeight() + 1;
        rig.openAccount(1001);
        rig.openAccount(1002);
    }

    @AfterEach
    void tearDown() {
        rig.close();
    }

    static BigInteger eth(String amount) {
        return new java.math.BigDecimal(amount).multiply(new java.math.BigDecimal(AnvilChain.ETHER))
                .toBigIntegerExact();
    }

    @Test
    void shouldCreditDepositOnceAfterConfirmationsAndNeverAgain() {
        String address = rig.addresses.addressFor(1001);
        DepositTracker tracker = rig.newTracker(start);
        String txid = chain.send(AnvilChain.FUNDED, address, eth("1.5"));

        assertThat(tracker.scanOnce()).isZero();
        chain.mine(confirmations - 2);
        assertThat(tracker.scanOnce()).as("one block short of the profile's count").isZero();
        assertThat(rig.coreBalance(1001)).isZero();

        chain.mine(1);
        assertThat(tracker.scanOnce()).isEqualTo(1);
        chain.mine(3);
        assertThat(tracker.scanOnce()).isZero();

        assertThat(rig.coreBalance(1001)).isEqualTo(150_000_000L);
        ObservedDeposit d = rig.deposits.find(CustodyIds.depositId("ETH", txid, 0)).orElseThrow();
        assertThat(d.state()).isEqualTo(DepositState.CREDITED);
        assertThat(rig.deposits.history(1001, 10)).hasSize(1);
        assertThat(rig.deposits.history(1002, 10)).isEmpty();
        rig.assertBooksAgree();
    }

    @Test
    void shouldCreditOnceWhenRestartedMidwayOnTheSameDatabase() {
        String address = rig.addresses.addressFor(1001);
        chain.send(AnvilChain.FUNDED, address, eth("2"));
        rig.newTracker(start).scanOnce();
        chain.mine(confirmations);

        // A new tracker on the same database (the process restarted) credits it, and later ones never again.
        assertThat(rig.newTracker(start).scanOnce()).isEqualTo(1);
        assertThat(rig.newTracker(start).scanOnce()).isZero();

        assertThat(rig.coreBalance(1001)).isEqualTo(200_000_000L);
        rig.assertBooksAgree();
    }

    @Test
    void shouldNotCreditTwiceWhenCrashedAfterCoreAcceptedBeforeRecording() {
        String address = rig.addresses.addressFor(1001);
        String txid = chain.send(AnvilChain.FUNDED, address, eth("0.25"));
        rig.newTracker(start).scanOnce();
        chain.mine(confirmations);
        // The previous process got as far as the core's credit and died before marking the deposit credited.
        long depositId = CustodyIds.depositId("ETH", txid, 0);
        assertThat(rig.core.send(new io.lantau.core.command.Deposit(depositId, 1001, CustodyRig.ETH.assetId(),
                25_000_000L))).isEqualTo(ResultCode.OK);

        assertThat(rig.newTracker(start).scanOnce()).isEqualTo(1);

        assertThat(rig.coreBalance(1001)).isEqualTo(25_000_000L);
        assertThat(rig.deposits.find(depositId).orElseThrow().state()).isEqualTo(DepositState.CREDITED);
        rig.assertBooksAgree();
    }

    @Test
    void shouldDropDepositWhoseBlockLeftTheChainBelowConfirmationDepth() {
        String address = rig.addresses.addressFor(1001);
        DepositTracker tracker = rig.newTracker(start);
        String txid = chain.send(AnvilChain.FUNDED, address, eth("3"));
        chain.mine(2);
        tracker.scanOnce();
        assertThat(rig.deposits.unsettled("ETH")).hasSize(1);

        chain.reorg(4);
        chain.mine(confirmations + 2);
        tracker.scanOnce();
        tracker.scanOnce();

        assertThat(rig.deposits.find(CustodyIds.depositId("ETH", txid, 0)).orElseThrow().state())
                .isEqualTo(DepositState.DROPPED);
        assertThat(rig.coreBalance(1001)).isZero();
        assertThat(chain.adapter().balanceOf(address)).isZero();
        rig.assertBooksAgree();
    }

    @Test
    void shouldCreditOnlyTheReplacementWhenReorgDropsDepositAndClientPaysAgain() {
        String address = rig.addresses.addressFor(1001);
        DepositTracker tracker = rig.newTracker(start);
        chain.send(AnvilChain.FUNDED, address, eth("1"));
        tracker.scanOnce();
        chain.reorg(1);
        // The client pays again on the new best chain: a different transaction, the only one that counts.
        chain.send(AnvilChain.FUNDED, address, eth("1.2"));
        chain.mine(confirmations);
        tracker.scanOnce();

        assertThat(rig.coreBalance(1001)).isEqualTo(120_000_000L);
        assertThat(rig.deposits.history(1001, 10)).extracting(ObservedDeposit::state)
                .containsExactlyInAnyOrder(DepositState.CREDITED, DepositState.DROPPED);
        rig.assertBooksAgree();
    }

    @Test
    void shouldCreditOnceWhenTheSameTransactionIsMinedAgainInAnotherBlock() {
        String address = rig.addresses.addressFor(1001);
        DepositTracker tracker = rig.newTracker(start);
        byte[] signed = chain.signTransfer(AnvilChain.FUNDED, address, eth("1"));
        String first = chain.awaitMined(chain.adapter().broadcast(signed));
        String firstBlock = chain.adapter().status(first).blockHash();
        tracker.scanOnce();
        chain.reorg(1);
        // The same signed transaction lands in another block of the new best chain.
        String again = chain.awaitMined(chain.adapter().broadcast(signed));
        assertThat(again).isEqualTo(first);
        chain.mine(confirmations);
        tracker.scanOnce();

        assertThat(rig.coreBalance(1001)).isEqualTo(100_000_000L);
        ObservedDeposit d = rig.deposits.find(CustodyIds.depositId("ETH", first, 0)).orElseThrow();
        assertThat(d.state()).isEqualTo(DepositState.CREDITED);
        assertThat(d.blockHash()).isNotEqualTo(firstBlock);
        rig.assertBooksAgree();
    }

    @Test
    void shouldHoldDustBelowBookPrecisionAndCreditWholeMinorUnits() {
        String address = rig.addresses.addressFor(1002);
        DepositTracker tracker = rig.newTracker(start);
        // 1e-8 ETH + 1 wei credits 1 minor unit and holds 1 wei; 9999999999 wei (under 1e-8 ETH) credits nothing.
        chain.send(AnvilChain.FUNDED, address, new BigInteger("10000000001"));
        String dustTx = chain.send(AnvilChain.FUNDED, address, new BigInteger("9999999999"));
        chain.mine(confirmations);
        tracker.scanOnce();

        assertThat(rig.coreBalance(1002)).isEqualTo(1L);
        assertThat(rig.deposits.find(CustodyIds.depositId("ETH", dustTx, 0)).orElseThrow().state())
                .isEqualTo(DepositState.DUST);
        assertThat(rig.ledger.houseTotal("ETH")).isEqualTo(new BigInteger("10000000000"));
        rig.assertBooksAgree();
    }

    @Test
    void shouldHoldDepositWhileGateSaysHoldAndCreditWhenItAllows() {
        String address = rig.addresses.addressFor(1001);
        java.util.concurrent.atomic.AtomicBoolean travelDataPresent = new java.util.concurrent.atomic.AtomicBoolean();
        DepositGate gate = d -> travelDataPresent.get() ? DepositGate.Decision.ALLOW : DepositGate.Decision.HOLD;
        DepositTracker tracker = new DepositTracker(chain.adapter(), CustodyRig.ETH, rig.addresses, rig.deposits,
                rig.core, gate, confirmations, start);
        String txid = chain.send(AnvilChain.FUNDED, address, eth("10"));
        chain.mine(confirmations);

        tracker.scanOnce();
        assertThat(rig.deposits.find(CustodyIds.depositId("ETH", txid, 0)).orElseThrow().state())
                .isEqualTo(DepositState.HELD);
        assertThat(rig.coreBalance(1001)).isZero();

        travelDataPresent.set(true);
        tracker.scanOnce();
        assertThat(rig.coreBalance(1001)).isEqualTo(1_000_000_000L);
        rig.assertBooksAgree();
    }

    @Test
    void shouldGiveEachClientOneStableAddress() {
        String first = rig.addresses.addressFor(1001);
        assertThat(rig.addresses.addressFor(1001)).isEqualTo(first);
        String second = rig.addresses.addressFor(1002);
        assertThat(second).isNotEqualTo(first);
        assertThat(rig.addresses.accountOf(first.toUpperCase().replace("0X", "0x"))).hasValue(1001);
        assertThat(rig.addresses.accountOf(second)).hasValue(1002);
    }
}
