package io.lantau.custody.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.custody.testing.AnvilChain;
import io.lantau.custody.testing.CustodyRig;
import io.lantau.custody.testing.Profiles;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

/**
 * The further controls the platform wires into withdrawals ({@link WithdrawalCheck}: the reconciliation freeze HK-33,
 * the hot wallet's release limit HK-16, the travel rule HK-22): a refusal when requested changes nothing and spends
 * no TOTP code; a refusal just before signing leaves the withdrawal approved and unsigned until the check passes.
 */
class WithdrawalCheckTest {
    static final long CLIENT = 2001;
    static final long ETH = 100_000_000L;

    static AnvilChain chain;
    CustodyRig rig;
    byte[] totpSecret;
    Credentials destination;
    final AtomicReference<WithdrawalRefusal> refusal = new AtomicReference<>();
    WithdrawalService service;
    WithdrawalProcessor processor;

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
        rig.openAccount(CLIENT);
        rig.fundHotWallet(AnvilChain.ETHER.multiply(BigInteger.TEN));
        long start = chain.adapter().tipHeight() + 1;
        chain.send(AnvilChain.FUNDED, rig.addresses.addressFor(CLIENT), AnvilChain.ETHER.multiply(BigInteger.TWO));
        chain.mine(rig.settings.depositConfirmations());
        rig.newTracker(start).scanOnce();
        totpSecret = rig.enrolTotp(CLIENT);
        destination = Credentials.create(Keys.createEcKeyPair());
        rig.addressBook.add(CLIENT, "ETH", destination.getAddress(), null, CustodyRig.proof(destination, CLIENT));
        rig.clock.advance(Duration.ofHours(rig.settings.newAddressCooldownHours()).plusMinutes(1));
        WithdrawalCheck check = w -> {
            WithdrawalRefusal r = refusal.get();
            if (r != null) {
                throw new WithdrawalException(r);
            }
        };
        service = new WithdrawalService(rig.withdrawals, rig.addressBook, rig.totp, rig.core, rig.settings,
                List.of(CustodyRig.ETH), rig.clock, check);
        processor = new WithdrawalProcessor(service, rig.withdrawals, chain.adapter(), rig.hotSigner, CustodyRig.ETH,
                rig.core, rig.settings.withdrawalConfirmations());
    }

    @AfterEach
    void tearDown() {
        rig.close();
    }

    private String nextCode() {
        rig.clock.advance(Duration.ofSeconds(30));
        return rig.codeNow(totpSecret);
    }

    private WithdrawalRequest request(String id, String code) {
        return new WithdrawalRequest(CLIENT, "ETH", id, destination.getAddress(), ETH / 2, code, "203.0.113.9", "d");
    }

    @Test
    void shouldRefuseARequestTheControlsRefuseWithTheirCodeAndChangeNothing() {
        refusal.set(WithdrawalRefusal.WITHDRAWALS_FROZEN);
        String code = nextCode();

        assertThatThrownBy(() -> service.request(request("w-frozen", code)))
                .isInstanceOfSatisfying(WithdrawalException.class,
                        e -> assertThat(e.refusal()).isEqualTo(WithdrawalRefusal.WITHDRAWALS_FROZEN));
        assertThat(rig.coreLocked(CLIENT)).isZero();
        assertThat(service.list(CLIENT, 10)).isEmpty();

        refusal.set(null);
        Withdrawal w = service.request(request("w-frozen", code)); // the code was not spent by the refusal
        assertThat(w.state()).isEqualTo(WithdrawalState.APPROVED);
    }

    @Test
    void shouldLeaveAnApprovedWithdrawalUnsignedWhileTheControlsRefuseAndSignItOnceTheyPass() {
        Withdrawal w = service.request(request("w-later", nextCode()));
        refusal.set(WithdrawalRefusal.HOT_RELEASE_LIMIT);

        processor.runOnce();
        processor.runOnce();

        Withdrawal waiting = rig.withdrawals.find(w.withdrawalId()).orElseThrow();
        assertThat(waiting.state()).isEqualTo(WithdrawalState.APPROVED);
        assertThat(waiting.signedTx()).isNull();
        assertThat(rig.coreLocked(CLIENT)).isEqualTo(w.debitMinor());

        refusal.set(null);
        processor.runOnce();
        assertThat(rig.withdrawals.find(w.withdrawalId()).orElseThrow().state())
                .isEqualTo(WithdrawalState.BROADCAST);
    }
}
