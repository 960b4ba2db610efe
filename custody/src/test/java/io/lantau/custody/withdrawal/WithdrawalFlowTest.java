package io.lantau.custody.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.custody.ledger.CustodySettings;
import io.lantau.custody.testing.AnvilChain;
import io.lantau.custody.testing.CustodyRig;
import io.lantau.custody.testing.Profiles;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

/**
 * Withdrawals end to end on a real anvil node and a real core under the Hong Kong profile (HK-18, HK-29): whitelisted
 * with a personal_sign proof, cooled down, confirmed with TOTP, reviewed above the threshold, signed by the hot
 * signer, broadcast, confirmed and settled exactly once; and every refusal with its code and no state change.
 */
class WithdrawalFlowTest {
    static final long CLIENT = 1001;
    static final long OTHER = 1002;
    static final long ETH = 100_000_000L;

    static AnvilChain chain;
    CustodyRig rig;
    byte[] totpSecret;
    Credentials destination;
    long fee;

    @BeforeAll
    static void startChain() {
        chain = new AnvilChain();
    }

    @AfterAll
    static void stopChain() {
        chain.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        rig = new CustodyRig(chain, Profiles.hongKong());
        fee = rig.settings.limits("ETH").feeMinor();
        rig.openAccount(CLIENT);
        rig.openAccount(OTHER);
        rig.fundHotWallet(AnvilChain.ETHER.multiply(BigInteger.valueOf(50)));
        deposit(CLIENT, 20);
        totpSecret = rig.enrolTotp(CLIENT);
        destination = Credentials.create(Keys.createEcKeyPair());
        rig.addressBook.add(CLIENT, "ETH", destination.getAddress(), "my wallet",
                CustodyRig.proof(destination, CLIENT));
        rig.clock.advance(Duration.ofHours(rig.settings.newAddressCooldownHours()).plusMinutes(1));
    }

    @AfterEach
    void tearDown() {
        rig.close();
    }

    private void deposit(long accountId, long wholeEth) {
        long start = chain.adapter().tipHeight() + 1;
        chain.send(AnvilChain.FUNDED, rig.addresses.addressFor(accountId),
                AnvilChain.ETHER.multiply(BigInteger.valueOf(wholeEth)));
        chain.mine(rig.settings.depositConfirmations());
        rig.newTracker(start).scanOnce();
        assertThat(rig.coreBalance(accountId)).isEqualTo(wholeEth * ETH);
    }

    private String nextCode() {
        rig.clock.advance(Duration.ofSeconds(30));
        return rig.codeNow(totpSecret);
    }

    private WithdrawalRequest request(String requestId, String to, long amountMinor, String code) {
        return new WithdrawalRequest(CLIENT, "ETH", requestId, to, amountMinor, code, "203.0.113.9", "test-device");
    }

    private void confirmOnChain() {
        rig.processor.runOnce();
        chain.mine(rig.settings.withdrawalConfirmations());
        rig.processor.runOnce();
    }

    @Test
    void shouldSignBroadcastConfirmAndSettleExactlyOnce() {
        Withdrawal w = rig.withdrawalService.request(request("w-1", destination.getAddress(), 2 * ETH, nextCode()));
        assertThat(w.state()).isEqualTo(WithdrawalState.APPROVED);
        assertThat(rig.coreLocked(CLIENT)).isEqualTo(2 * ETH + fee);

        rig.processor.runOnce();
        Withdrawal sent = rig.withdrawals.find(w.withdrawalId()).orElseThrow();
        assertThat(sent.state()).isEqualTo(WithdrawalState.BROADCAST);
        assertThat(rig.coreLocked(CLIENT)).as("not settled before the profile's confirmations")
                .isEqualTo(2 * ETH + fee);

        chain.mine(rig.settings.withdrawalConfirmations());
        rig.processor.runOnce();
        String hashAfterSettle = rig.coreStateHash();
        rig.processor.runOnce();
        rig.processor.runOnce();

        Withdrawal settled = rig.withdrawals.find(w.withdrawalId()).orElseThrow();
        assertThat(settled.state()).isEqualTo(WithdrawalState.SETTLED);
        assertThat(settled.gasFeeBase()).isPositive();
        assertThat(rig.coreStateHash()).as("settled once: later passes change nothing").isEqualTo(hashAfterSettle);
        assertThat(rig.coreBalance(CLIENT)).isEqualTo(18 * ETH - fee);
        assertThat(rig.coreLocked(CLIENT)).isZero();
        assertThat(chain.adapter().balanceOf(destination.getAddress()))
                .isEqualTo(AnvilChain.ETHER.multiply(BigInteger.TWO));
        assertThat(rig.ledger.clientBalance("ETH", CLIENT)).isEqualTo(CustodyRig.ETH.units().toBase(18 * ETH - fee));
        rig.assertBooksAgree();
    }

    @Test
    void shouldSettleOnceWhenRestartedAfterBroadcastAndAfterTheCoreSettled() {
        Withdrawal w = rig.withdrawalService.request(request("w-restart", destination.getAddress(), ETH,
                nextCode()));
        rig.processor.runOnce();
        assertThat(rig.withdrawals.find(w.withdrawalId()).orElseThrow().state()).isEqualTo(WithdrawalState.BROADCAST);
        chain.mine(rig.settings.withdrawalConfirmations());
        // The process died after the core settled and before the record was updated.
        assertThat(rig.core.send(new io.lantau.core.command.SettleWithdrawal(w.withdrawalId())))
                .isEqualTo(io.lantau.core.ResultCode.OK);

        // A new service, signer and processor on the same database (the restart) finish it once.
        WithdrawalService service = new WithdrawalService(rig.withdrawals, rig.addressBook, rig.totp, rig.core,
                rig.settings, List.of(CustodyRig.ETH), rig.clock);
        io.lantau.custody.signer.EthHotSigner signer = io.lantau.custody.signer.EthHotSigner.unseal(rig.hotKey,
                CustodyRig.BOB, CustodyRig.ALICE, chain.adapter(), CustodyRig.ETH.units());
        WithdrawalProcessor restarted = new WithdrawalProcessor(service, rig.withdrawals, chain.adapter(), signer,
                CustodyRig.ETH, rig.core, rig.settings.withdrawalConfirmations());
        restarted.runOnce();
        restarted.runOnce();

        assertThat(rig.withdrawals.find(w.withdrawalId()).orElseThrow().state()).isEqualTo(WithdrawalState.SETTLED);
        assertThat(rig.coreBalance(CLIENT)).isEqualTo(19 * ETH - fee);
        assertThat(chain.adapter().balanceOf(destination.getAddress())).isEqualTo(AnvilChain.ETHER);
        rig.assertBooksAgree();
    }

    @Test
    void shouldSendStoredTransactionAfterCrashBetweenSigningAndBroadcastBeforeSigningNewOnes() {
        Withdrawal first = rig.withdrawalService.request(request("w-a", destination.getAddress(), ETH, nextCode()));
        // The process signed and stored the transaction, then died before sending it.
        byte[] signed = rig.hotSigner.sign(first.instruction(), first.instructionHash());
        assertThat(rig.withdrawals.signed(first.withdrawalId(), java.util.HexFormat.of().formatHex(signed))).isTrue();
        Withdrawal second = rig.withdrawalService.request(request("w-b", destination.getAddress(), 2 * ETH,
                nextCode()));

        confirmOnChain();

        assertThat(rig.withdrawals.find(first.withdrawalId()).orElseThrow().state())
                .isEqualTo(WithdrawalState.SETTLED);
        assertThat(rig.withdrawals.find(second.withdrawalId()).orElseThrow().state())
                .isEqualTo(WithdrawalState.SETTLED);
        assertThat(chain.adapter().balanceOf(destination.getAddress()))
                .isEqualTo(AnvilChain.ETHER.multiply(BigInteger.valueOf(3)));
        assertThat(rig.coreBalance(CLIENT)).isEqualTo(17 * ETH - 2 * fee);
        rig.assertBooksAgree();
    }

    @Test
    void shouldAnswerRepeatedRequestIdWithTheSameWithdrawal() {
        WithdrawalRequest first = request("same-id", destination.getAddress(), ETH, nextCode());
        Withdrawal w = rig.withdrawalService.request(first);
        String hash = rig.coreStateHash();

        Withdrawal again = rig.withdrawalService.request(first);

        assertThat(again.withdrawalId()).isEqualTo(w.withdrawalId());
        assertThat(rig.coreStateHash()).isEqualTo(hash);
        assertThat(rig.coreLocked(CLIENT)).isEqualTo(ETH + fee);
        assertRefused(() -> rig.withdrawalService.request(request("same-id", destination.getAddress(), 2 * ETH,
                nextCode())), WithdrawalRefusal.DUPLICATE_REQUEST_MISMATCH);
    }

    @Test
    void shouldWaitForReviewAboveThresholdAndReturnFundsWhenRejected() {
        long big = rig.settings.limits("ETH").reviewAboveMinor() + ETH;
        Withdrawal w = rig.withdrawalService.request(request("big-1", destination.getAddress(), big, nextCode()));
        assertThat(w.state()).isEqualTo(WithdrawalState.PENDING_REVIEW);
        rig.processor.runOnce();
        assertThat(rig.withdrawals.find(w.withdrawalId()).orElseThrow().state())
                .isEqualTo(WithdrawalState.PENDING_REVIEW);

        assertRefused(() -> rig.withdrawalService.review(w.withdrawalId(), CLIENT, true),
                WithdrawalRefusal.SELF_REVIEW_FORBIDDEN);
        Withdrawal rejected = rig.withdrawalService.review(w.withdrawalId(), 7, false);

        assertThat(rejected.state()).isEqualTo(WithdrawalState.REJECTED);
        assertThat(rig.coreAvailable(CLIENT)).isEqualTo(20 * ETH);
        assertRefused(() -> rig.withdrawalService.review(w.withdrawalId(), 7, true),
                WithdrawalRefusal.NOT_PENDING_REVIEW);

        Withdrawal second = rig.withdrawalService.request(request("big-2", destination.getAddress(), big,
                nextCode()));
        assertThat(rig.withdrawalService.review(second.withdrawalId(), 7, true).state())
                .isEqualTo(WithdrawalState.APPROVED);
        confirmOnChain();
        assertThat(rig.withdrawals.find(second.withdrawalId()).orElseThrow().state())
                .isEqualTo(WithdrawalState.SETTLED);
        assertThat(rig.coreBalance(CLIENT)).isEqualTo(20 * ETH - big - fee);
        rig.assertBooksAgree();
    }

    @Test
    void shouldRevertAndBroadcastNothingWhenDestinationChangedAfterApproval() throws Exception {
        Withdrawal w = rig.withdrawalService.request(request("w-tamper", destination.getAddress(), ETH,
                nextCode()));
        String attacker = Credentials.create(Keys.createEcKeyPair()).getAddress();
        BigInteger hotNonce = chain.adapter().pendingNonce(rig.hotSigner.address());
        try (Connection c = rig.database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE custody_withdrawals SET destination = ? WHERE withdrawal_id = ?")) {
            s.setString(1, attacker.toLowerCase());
            s.setLong(2, w.withdrawalId());
            assertThat(s.executeUpdate()).isEqualTo(1);
        }

        rig.processor.runOnce();

        Withdrawal after = rig.withdrawals.find(w.withdrawalId()).orElseThrow();
        assertThat(after.state()).isEqualTo(WithdrawalState.REVERTED);
        assertThat(after.reason()).isEqualTo("INSTRUCTION_MISMATCH");
        assertThat(after.txid()).isNull();
        assertThat(chain.adapter().pendingNonce(rig.hotSigner.address())).isEqualTo(hotNonce);
        assertThat(chain.adapter().balanceOf(attacker)).isZero();
        assertThat(rig.coreAvailable(CLIENT)).isEqualTo(20 * ETH);
        rig.assertBooksAgree();
    }

    @Test
    void shouldReturnFundsAndRecordGasWhenTransactionFailsOnChain() throws Exception {
        String rejecting = chain.deployRejectingContract();
        // A contract cannot sign a proof; this stands for an address proved otherwise (a micro-payment test).
        try (Connection c = rig.database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO custody_whitelist (account_id, chain, address, label, proof_kind, proof, added_at,"
                        + " usable_from) VALUES (?, 'ETH', ?, 'contract', 'MICRO_PAYMENT', 'test', ?, ?)")) {
            s.setLong(1, CLIENT);
            s.setString(2, rejecting.toLowerCase());
            io.lantau.store.Jdbc.setInstant(s, 3, rig.clock.instant().minusSeconds(90_000));
            io.lantau.store.Jdbc.setInstant(s, 4, rig.clock.instant().minusSeconds(3_600));
            s.executeUpdate();
        }
        BigInteger houseBefore = rig.ledger.houseTotal("ETH");
        Withdrawal w = rig.withdrawalService.request(request("w-fail", rejecting, ETH, nextCode()));

        confirmOnChain();

        Withdrawal after = rig.withdrawals.find(w.withdrawalId()).orElseThrow();
        assertThat(after.state()).isEqualTo(WithdrawalState.REVERTED);
        assertThat(after.reason()).isEqualTo("FAILED_ON_CHAIN");
        assertThat(after.gasFeeBase()).isPositive();
        assertThat(rig.coreAvailable(CLIENT)).isEqualTo(20 * ETH);
        assertThat(rig.coreLocked(CLIENT)).isZero();
        assertThat(chain.adapter().balanceOf(rejecting)).isZero();
        assertThat(rig.ledger.houseTotal("ETH")).isEqualTo(houseBefore.subtract(after.gasFeeBase()));
        rig.assertBooksAgree();
    }

    /** What a refusal must leave untouched. */
    private record State(String coreHash, List<Withdrawal> withdrawals, List<WhitelistedAddress> whitelist,
            BigInteger ledger) {
    }

    private State state() {
        return new State(rig.coreStateHash(), rig.withdrawalService.list(CLIENT, 100), rig.addressBook.list(CLIENT),
                rig.ledger.total("ETH"));
    }

    private void assertRefused(Runnable call, WithdrawalRefusal code) {
        State before = state();
        assertThatThrownBy(call::run).isInstanceOfSatisfying(WithdrawalException.class,
                e -> assertThat(e.refusal()).isEqualTo(code));
        assertThat(state()).as("no state change on " + code).isEqualTo(before);
    }

    @Test
    void shouldRefuseEachPolicyBreachWithItsCodeAndNoStateChange() throws Exception {
        String stranger = Credentials.create(Keys.createEcKeyPair()).getAddress();
        assertRefused(() -> rig.withdrawalService.request(request("r-1", stranger, ETH, nextCode())),
                WithdrawalRefusal.ADDRESS_NOT_WHITELISTED);

        // Unproven: signed by another key, a proof made for another account, garbage.
        Credentials fresh = Credentials.create(Keys.createEcKeyPair());
        Credentials otherKey = Credentials.create(Keys.createEcKeyPair());
        assertRefused(() -> rig.addressBook.add(CLIENT, "ETH", fresh.getAddress(), "x",
                CustodyRig.proof(otherKey, CLIENT)),
                WithdrawalRefusal.OWNERSHIP_PROOF_INVALID);
        assertRefused(() -> rig.addressBook.add(CLIENT, "ETH", fresh.getAddress(), "x",
                CustodyRig.proof(fresh, OTHER)), WithdrawalRefusal.OWNERSHIP_PROOF_INVALID);
        assertRefused(() -> rig.addressBook.add(CLIENT, "ETH", fresh.getAddress(), "x", "0x1234"),
                WithdrawalRefusal.OWNERSHIP_PROOF_INVALID);
        assertRefused(() -> rig.addressBook.add(CLIENT, "ETH", "0xnot-an-address", "x", "0x1234"),
                WithdrawalRefusal.INVALID_ADDRESS);

        // Proved just now: cooling down.
        rig.addressBook.add(CLIENT, "ETH", fresh.getAddress(), "new", CustodyRig.proof(fresh, CLIENT));
        assertRefused(() -> rig.withdrawalService.request(request("r-2", fresh.getAddress(), ETH, nextCode())),
                WithdrawalRefusal.ADDRESS_COOLING_DOWN);

        assertRefused(() -> rig.withdrawalService.request(request("r-3", destination.getAddress(), ETH, null)),
                WithdrawalRefusal.TOTP_REQUIRED);
        assertRefused(() -> rig.withdrawalService.request(request("r-4", destination.getAddress(), ETH, "000000")
                ), WithdrawalRefusal.TOTP_INVALID);
        String used = nextCode();
        rig.withdrawalService.request(request("r-5", destination.getAddress(), ETH, used));
        assertRefused(() -> rig.withdrawalService.request(request("r-6", destination.getAddress(), ETH, used)),
                WithdrawalRefusal.TOTP_REUSED);

        long accountLimit = rig.settings.limits("ETH").accountDailyMinor();
        assertRefused(() -> rig.withdrawalService.request(request("r-7", destination.getAddress(), accountLimit,
                nextCode())), WithdrawalRefusal.ACCOUNT_VELOCITY_EXCEEDED);
        assertRefused(() -> rig.withdrawalService.request(request("r-8", destination.getAddress(), 19 * ETH,
                nextCode())), WithdrawalRefusal.INSUFFICIENT_BALANCE);
        assertRefused(() -> rig.withdrawalService.request(request("r-9", destination.getAddress(), 0, nextCode())),
                WithdrawalRefusal.INVALID_AMOUNT);
        assertRefused(() -> rig.withdrawalService.request(request("bad id!", destination.getAddress(), ETH,
                nextCode())), WithdrawalRefusal.INVALID_REQUEST_ID);
        assertRefused(() -> rig.withdrawalService.request(new WithdrawalRequest(CLIENT, "DOGE", "r-10",
                destination.getAddress(), ETH, nextCode(), "ip", "dev")), WithdrawalRefusal.UNSUPPORTED_ASSET);
        rig.assertBooksAgree();
    }

    @Test
    void shouldRefusePlatformVelocityAcrossAccounts() {
        CustodySettings.WithdrawalLimits base = rig.settings.limits("ETH");
        try (CustodyRig tight = new CustodyRig(chain, Profiles.withEthLimits(Profiles.hongKong(),
                new CustodySettings.WithdrawalLimits(base.feeMinor(), base.reviewAboveMinor(),
                        base.accountDailyMinor(), 3 * ETH)))) {
            rig.close();
            rig = tight;
            rig.openAccount(CLIENT);
            rig.openAccount(OTHER);
            deposit(CLIENT, 5);
            deposit(OTHER, 5);
            totpSecret = rig.enrolTotp(CLIENT);
            byte[] otherSecret = rig.enrolTotp(OTHER);
            Credentials otherWallet = Credentials.create(Keys.createEcKeyPair());
            rig.addressBook.add(CLIENT, "ETH", destination.getAddress(), "", CustodyRig.proof(destination, CLIENT));
            rig.addressBook.add(OTHER, "ETH", otherWallet.getAddress(), "", CustodyRig.proof(otherWallet, OTHER));
            rig.clock.advance(Duration.ofHours(25));

            rig.withdrawalService.request(request("p-1", destination.getAddress(), 2 * ETH, nextCode()));
            assertRefused(() -> rig.withdrawalService.request(new WithdrawalRequest(OTHER, "ETH", "p-2",
                    otherWallet.getAddress(), 2 * ETH, rig.codeNow(otherSecret), "ip", "dev")),
                    WithdrawalRefusal.PLATFORM_VELOCITY_EXCEEDED);

            // A day later the window has moved on.
            rig.clock.advance(Duration.ofHours(24).plusSeconds(30));
            assertThat(rig.withdrawalService.request(new WithdrawalRequest(OTHER, "ETH", "p-3",
                    otherWallet.getAddress(), 2 * ETH, rig.codeNow(otherSecret), "ip", "dev")).state())
                    .isEqualTo(WithdrawalState.APPROVED);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void shouldKeepEachClientToTheirOwnAddressBookAndWithdrawals() {
        Withdrawal w = rig.withdrawalService.request(request("iso-1", destination.getAddress(), ETH, nextCode()));
        WhitelistedAddress entry = rig.addressBook.list(CLIENT).get(0);

        assertThat(rig.withdrawalService.find(OTHER, w.withdrawalId())).isEmpty();
        assertThat(rig.withdrawalService.list(OTHER, 10)).isEmpty();
        assertThat(rig.addressBook.list(OTHER)).isEmpty();
        assertRefused(() -> rig.addressBook.remove(OTHER, entry.whitelistId()), WithdrawalRefusal.NOT_FOUND);
        // Another client cannot withdraw to this client's whitelisted address without proving ownership itself.
        assertRefused(() -> rig.withdrawalService.request(new WithdrawalRequest(OTHER, "ETH", "iso-2",
                destination.getAddress(), ETH, null, "ip", "dev")), WithdrawalRefusal.ADDRESS_NOT_WHITELISTED);
    }
}
