package io.lantau.custody.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.custody.cold.HdSeed;
import io.lantau.custody.eth.EthereumAdapter;
import io.lantau.custody.hotcold.HotColdPolicy;
import io.lantau.custody.hotcold.SweepPlanner;
import io.lantau.custody.hotcold.TierBalances;
import io.lantau.custody.hotcold.WalletTier;
import io.lantau.custody.ledger.LedgerKind;
import io.lantau.custody.signer.EthHotSigner;
import io.lantau.custody.signer.SignerRefusedException;
import io.lantau.custody.signer.SweepInstruction;
import io.lantau.custody.signer.WithdrawalInstruction;
import io.lantau.custody.testing.AnvilChain;
import io.lantau.custody.testing.CustodyRig;
import io.lantau.custody.testing.Profiles;
import io.lantau.custody.wallet.AccountPaths;
import io.lantau.custody.wallet.EthereumColdAddress;
import io.lantau.testsupport.AnvilNode;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

/**
 * Hot-to-cold sweeps executed on a real anvil node under the Hong Kong profile (HK-16: at most 2 % hot, HK-17): a
 * deposit pushes the hot tier above its cap, the planner's excess is signed to the cold account's first address,
 * broadcast, confirmed after the profile's confirmations and moved HOT → COLD in the tiers and the custody ledger
 * exactly once, also when the platform restarts between broadcast and confirmation; the chain balances of the hot
 * wallet, the deposit addresses and the cold address equal the ledger. A sweep whose destination is not the cold
 * address is never signed.
 */
class SweepExecutorTest {
    static final long CLIENT = 2001;
    static final long ETH_MINOR = 100_000_000L;
    static final BigInteger FLOAT = AnvilChain.ETHER.multiply(BigInteger.valueOf(50));

    static AnvilChain chain;
    CustodyRig rig;
    TierBalances tiers;
    String coldAddress;
    EthHotSigner signer;
    SweepRepository sweeps;

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
        tiers = new TierBalances(rig.database.dataSource());
        // The cold account's first receive address, derived from its extended public key only.
        try (HdSeed seed = HdSeed.fromMnemonic(AnvilNode.MNEMONIC, "cold " + System.nanoTime())) {
            coldAddress = EthereumColdAddress.of(seed.accountKey(AccountPaths.ETHEREUM_COLD));
        }
        signer = EthHotSigner.unseal(rig.hotKey, CustodyRig.ALICE, CustodyRig.BOB, chain.adapter(),
                CustodyRig.ETH.units(), coldAddress);
        sweeps = new SweepRepository(rig.database.dataSource(), rig.ledger, tiers, rig.clock);
        rig.openAccount(CLIENT);
        rig.fundHotWallet(FLOAT);
    }

    @AfterEach
    void tearDown() {
        rig.close();
    }

    /** A new executor over the rig's database: what a (re)started platform builds. */
    SweepExecutor executor() {
        return new SweepExecutor(new SweepPlanner(tiers, new HotColdPolicy(rig.settings),
                List.of(CustodyRig.ETH.assetId())), new SweepRepository(rig.database.dataSource(), rig.ledger, tiers,
                rig.clock), chain.adapter(), signer, CustodyRig.ETH, rig.settings.withdrawalConfirmations());
    }

    /** A confirmed deposit of whole ether, credited in the core and the ledger and landing in the HOT tier. */
    void deposit(long wholeEth) {
        long start = chain.adapter().tipHeight() + 1;
        chain.send(AnvilChain.FUNDED, rig.addresses.addressFor(CLIENT),
                AnvilChain.ETHER.multiply(BigInteger.valueOf(wholeEth)));
        chain.mine(rig.settings.depositConfirmations());
        rig.newTracker(start).scanOnce();
        tiers.credit(CustodyRig.ETH.assetId(), WalletTier.HOT, wholeEth * ETH_MINOR);
    }

    BigInteger onChain(String address) {
        return chain.adapter().balanceOf(address);
    }

    /** Custody ledger total = what the hot wallet, the deposit addresses and the cold address hold on chain. */
    void assertLedgerMatchesChain() {
        BigInteger held = onChain(signer.address()).add(onChain(coldAddress));
        for (String address : rig.addresses.all()) {
            held = held.add(onChain(address));
        }
        assertThat(held).as("platform addresses (hot, deposit, cold) on chain = custody ledger total")
                .isEqualTo(rig.ledger.total("ETH"));
    }

    @Test
    void shouldSweepTheExcessAboveTheHotCapToTheColdAddressOnceConfirmed() {
        deposit(20);
        assertLedgerMatchesChain();
        SweepExecutor executor = executor();

        executor.runOnce();
        HotSweep sent = sweeps.all("ETH").getFirst();
        assertThat(sent.state()).isEqualTo(SweepState.BROADCAST);
        // 2 % of 20 ETH may stay hot: 19.6 ETH go to cold storage.
        long expected = 20 * ETH_MINOR - 20 * ETH_MINOR * 2 / 100;
        assertThat(sent.amountMinor()).isEqualTo(expected);
        assertThat(sent.toAddress()).isEqualToIgnoringCase(coldAddress);
        chain.awaitMined(sent.txid());
        // Below the profile's confirmations: on chain, but not yet in the tiers.
        executor.runOnce();
        assertThat(tiers.balance(CustodyRig.ETH.assetId(), WalletTier.COLD)).isZero();
        assertThat(sweeps.all("ETH")).hasSize(1);

        chain.mine(rig.settings.withdrawalConfirmations());
        executor.runOnce();
        executor.runOnce();
        BigInteger amountBase = CustodyRig.ETH.units().toBase(expected);
        assertThat(sweeps.find(sent.sweepId()).orElseThrow().state()).isEqualTo(SweepState.CONFIRMED);
        assertThat(onChain(coldAddress)).isEqualTo(amountBase);
        BigInteger gas = chain.adapter().status(sent.txid()).feePaid();
        assertThat(gas).isPositive();
        assertThat(onChain(signer.address())).isEqualTo(FLOAT.subtract(amountBase).subtract(gas));
        assertThat(tiers.balance(CustodyRig.ETH.assetId(), WalletTier.HOT)).isEqualTo(20 * ETH_MINOR - expected);
        assertThat(tiers.balance(CustodyRig.ETH.assetId(), WalletTier.COLD)).isEqualTo(expected);
        // Client trust unchanged (still the client's 20 ETH), the house paid the gas, the chain agrees.
        assertThat(rig.ledger.clientTotal("ETH")).isEqualTo(AnvilChain.ETHER.multiply(BigInteger.valueOf(20)));
        assertThat(rig.ledger.houseTotal("ETH")).isEqualTo(FLOAT.subtract(gas));
        assertLedgerMatchesChain();
        long coreLiabilities;
        synchronized (rig.submitter) {
            coreLiabilities = rig.submitter.core().netDepositsMinor(CustodyRig.ETH.assetId());
        }
        assertThat(rig.ledger.clientTotal("ETH")).isEqualTo(CustodyRig.ETH.units().toBase(coreLiabilities));
        assertThat(tiers.clientAssetsMinor(CustodyRig.ETH.assetId())).isEqualTo(coreLiabilities);
        // Within the cap now: no further sweep.
        assertThat(sweeps.all("ETH")).hasSize(1);
    }

    @Test
    void shouldSweepOnceWhenThePlatformRestartsBetweenBroadcastAndConfirmation() throws Exception {
        deposit(10);
        executor().runOnce();
        HotSweep sent = sweeps.all("ETH").getFirst();
        assertThat(sent.state()).isEqualTo(SweepState.BROADCAST);
        chain.awaitMined(sent.txid());

        // "Restart": new executors on the same database; the open sweep is tracked, not planned again.
        executor().runOnce();
        assertThat(sweeps.all("ETH")).hasSize(1);
        chain.mine(rig.settings.withdrawalConfirmations());
        SweepExecutor restarted = executor();
        restarted.runOnce();
        restarted.runOnce();
        executor().runOnce();

        long expected = 10 * ETH_MINOR - 10 * ETH_MINOR * 2 / 100;
        assertThat(sweeps.all("ETH")).singleElement().satisfies(s -> assertThat(s.state())
                .isEqualTo(SweepState.CONFIRMED));
        assertThat(onChain(coldAddress)).isEqualTo(CustodyRig.ETH.units().toBase(expected));
        assertThat(tiers.balance(CustodyRig.ETH.assetId(), WalletTier.COLD)).isEqualTo(expected);
        assertThat(tiers.clientAssetsMinor(CustodyRig.ETH.assetId())).isEqualTo(10 * ETH_MINOR);
        assertThat(ledgerEntries(LedgerKind.SWEPT_TO_COLD)).isEqualTo(1);
        assertThat(ledgerEntries(LedgerKind.SWEPT_FROM_HOT)).isEqualTo(1);
        assertThat(ledgerEntries(LedgerKind.NETWORK_FEE)).isEqualTo(1);
        assertLedgerMatchesChain();
    }

    @Test
    void shouldSignAgainWhenAWithdrawalTookTheNonceOfASweepSignedButNotSentBeforeACrash() throws Exception {
        deposit(10);
        long amount = 10 * ETH_MINOR - 10 * ETH_MINOR * 2 / 100;
        // The platform planned and signed the sweep, then stopped before sending it.
        HotSweep planned = sweeps.plan("ETH", CustodyRig.ETH.assetId(), signer.address(), coldAddress, amount);
        byte[] stale = signer.signSweep(planned.instruction(), planned.instructionHash());
        assertThat(sweeps.signed(planned.sweepId(), HexFormat.of().formatHex(stale))).isTrue();
        // After the restart a withdrawal is signed first and takes the hot wallet's nonce.
        WithdrawalInstruction payout = new WithdrawalInstruction(1, CLIENT, "ETH", "ETH",
                Credentials.create(Keys.createEcKeyPair()).getAddress(), ETH_MINOR, 0);
        chain.awaitMined(chain.adapter().broadcast(signer.sign(payout, payout.hash())));

        SweepExecutor executor = executor();
        executor.runOnce();
        executor.runOnce();
        HotSweep resent = sweeps.find(planned.sweepId()).orElseThrow();
        assertThat(resent.state()).isEqualTo(SweepState.BROADCAST);
        assertThat(resent.txid()).isNotEqualTo(EthereumAdapter.txid(stale));
        chain.awaitMined(resent.txid());
        chain.mine(rig.settings.withdrawalConfirmations());
        executor.runOnce();
        executor.runOnce();

        assertThat(sweeps.all("ETH")).singleElement().satisfies(s -> assertThat(s.state())
                .isEqualTo(SweepState.CONFIRMED));
        assertThat(onChain(coldAddress)).isEqualTo(CustodyRig.ETH.units().toBase(amount));
        assertThat(tiers.balance(CustodyRig.ETH.assetId(), WalletTier.COLD)).isEqualTo(amount);
    }

    @Test
    void shouldNeverSignASweepWhoseDestinationIsNotTheColdAddress() throws Exception {
        String attacker = Credentials.create(Keys.createEcKeyPair()).getAddress();
        SweepInstruction honest = new SweepInstruction(7, "ETH", signer.address(), coldAddress, ETH_MINOR);

        // Destination changed after planning: the hash no longer matches.
        SweepInstruction altered = new SweepInstruction(7, "ETH", signer.address(), attacker, ETH_MINOR);
        assertThatThrownBy(() -> signer.signSweep(altered, honest.hash()))
                .isInstanceOfSatisfying(SignerRefusedException.class, e -> assertThat(e.reason())
                        .isEqualTo(SignerRefusedException.Reason.INSTRUCTION_MISMATCH));
        // Even with a matching hash, only the cold address is ever signed for; a signer without one signs no sweep.
        assertThatThrownBy(() -> signer.signSweep(altered, altered.hash()))
                .isInstanceOfSatisfying(SignerRefusedException.class, e -> assertThat(e.reason())
                        .isEqualTo(SignerRefusedException.Reason.SWEEP_DESTINATION_NOT_COLD));
        assertThatThrownBy(() -> rig.hotSigner.signSweep(honest, honest.hash()))
                .isInstanceOfSatisfying(SignerRefusedException.class, e -> assertThat(e.reason())
                        .isEqualTo(SignerRefusedException.Reason.SWEEP_DESTINATION_NOT_COLD));
        assertThat(signer.signSweep(honest, honest.hash())).isNotEmpty();

        // Through the executor: a planned sweep whose row was redirected (with its hash recomputed, as someone with
        // write access to the table could) is refused and sends nothing; the next pass sweeps to cold as it should.
        deposit(5);
        HotSweep planned = sweeps.plan("ETH", CustodyRig.ETH.assetId(), signer.address(), coldAddress, ETH_MINOR);
        String forgedHash = new SweepInstruction(planned.sweepId(), "ETH", signer.address(), attacker, ETH_MINOR)
                .hash();
        try (Connection c = rig.database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE custody_sweeps SET to_address = ?, instruction_hash = ? WHERE sweep_id = ?")) {
            s.setString(1, attacker);
            s.setString(2, forgedHash);
            s.setLong(3, planned.sweepId());
            s.executeUpdate();
        }
        BigInteger hotBefore = onChain(signer.address());
        SweepExecutor executor = executor();
        executor.runOnce();
        assertThat(sweeps.find(planned.sweepId()).orElseThrow()).satisfies(s -> {
            assertThat(s.state()).isEqualTo(SweepState.REFUSED);
            assertThat(s.reason()).isEqualTo("SWEEP_DESTINATION_NOT_COLD");
            assertThat(s.txid()).isNull();
        });
        assertThat(onChain(attacker)).isZero();
        assertThat(tiers.balance(CustodyRig.ETH.assetId(), WalletTier.COLD)).isZero();

        HotSweep honestSweep = sweeps.all("ETH").getLast();
        assertThat(honestSweep.sweepId()).isNotEqualTo(planned.sweepId());
        assertThat(honestSweep.toAddress()).isEqualToIgnoringCase(coldAddress);
        chain.awaitMined(honestSweep.txid());
        chain.mine(rig.settings.withdrawalConfirmations());
        executor.runOnce();
        assertThat(onChain(attacker)).isZero();
        assertThat(onChain(coldAddress)).isEqualTo(CustodyRig.ETH.units().toBase(honestSweep.amountMinor()));
        assertThat(onChain(signer.address())).isLessThan(hotBefore);
        assertLedgerMatchesChain();
    }

    private long ledgerEntries(LedgerKind kind) throws Exception {
        try (Connection c = rig.database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT COUNT(*) FROM custody_ledger WHERE kind = ?")) {
            s.setString(1, kind.name());
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
