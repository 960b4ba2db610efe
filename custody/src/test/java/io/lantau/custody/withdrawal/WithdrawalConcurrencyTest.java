package io.lantau.custody.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.custody.deposit.DepositTracker;
import io.lantau.custody.testing.AnvilChain;
import io.lantau.custody.testing.CustodyRig;
import io.lantau.custody.testing.Profiles;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

/**
 * A thousand simultaneous withdrawal requests on one account never take more than its available balance, and one
 * request id requested many times at once has one effect (issue 5 acceptance). Under the permissive OPEN profile
 * (no TOTP, no cool-down, no fee, no practical velocity limit), so that only the balance can stop them.
 */
class WithdrawalConcurrencyTest {
    static final long CLIENT = 2001;
    static final int REQUESTS = 1000;
    static final long EACH = 300_000L; // 0.003 ETH

    static AnvilChain chain;
    static CustodyRig rig;
    static Credentials wallet;

    @BeforeAll
    static void setUp() throws Exception {
        chain = new AnvilChain();
        rig = new CustodyRig(chain, Profiles.open());
        rig.openAccount(CLIENT);
        long start = chain.adapter().tipHeight() + 1;
        chain.send(AnvilChain.FUNDED, rig.addresses.addressFor(CLIENT), AnvilChain.ETHER);
        chain.mine(rig.settings.depositConfirmations());
        DepositTracker tracker = rig.newTracker(start);
        tracker.scanOnce();
        assertThat(rig.coreBalance(CLIENT)).isEqualTo(100_000_000L);
        wallet = Credentials.create(Keys.createEcKeyPair());
        rig.addressBook.add(CLIENT, "ETH", wallet.getAddress(), "", CustodyRig.proof(wallet, CLIENT));
    }

    @AfterAll
    static void tearDown() {
        rig.close();
        chain.close();
    }

    private static List<Object> runAtOnce(int count, java.util.function.IntFunction<WithdrawalRequest> request)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(64);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Object>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            WithdrawalRequest r = request.apply(i);
            futures.add(pool.submit(() -> {
                go.await();
                try {
                    return rig.withdrawalService.request(r);
                } catch (WithdrawalException e) {
                    return e.refusal();
                }
            }));
        }
        go.countDown();
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> f : futures) {
            outcomes.add(f.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return outcomes;
    }

    @Test
    void thousandSimultaneousRequestsNeverTakeMoreThanTheBalanceAndRepeatedIdHasOneEffect() throws Exception {
        long available = rig.coreAvailable(CLIENT);
        List<Object> outcomes = runAtOnce(REQUESTS, i -> new WithdrawalRequest(CLIENT, "ETH", "many-" + i,
                wallet.getAddress(), EACH, null, "198.51.100.1", "load"));

        long accepted = outcomes.stream().filter(Withdrawal.class::isInstance).count();
        Map<WithdrawalRefusal, Integer> refused = new EnumMap<>(WithdrawalRefusal.class);
        outcomes.stream().filter(WithdrawalRefusal.class::isInstance).map(WithdrawalRefusal.class::cast)
                .forEach(r -> refused.merge(r, 1, Integer::sum));
        assertThat(accepted).isEqualTo(available / EACH);
        assertThat(refused).containsOnlyKeys(WithdrawalRefusal.INSUFFICIENT_BALANCE);
        assertThat(rig.coreLocked(CLIENT)).isEqualTo(accepted * EACH);
        assertThat(rig.coreAvailable(CLIENT)).isEqualTo(available - accepted * EACH).isNotNegative();
        assertThat(rig.withdrawalService.list(CLIENT, 2 * REQUESTS)).hasSize((int) accepted);

        // One request id sent 200 times at once: one withdrawal, locked once.
        long lockedBefore = rig.coreLocked(CLIENT);
        long small = rig.coreAvailable(CLIENT) / 2;
        List<Object> repeats = runAtOnce(200, i -> new WithdrawalRequest(CLIENT, "ETH", "the-same-id",
                wallet.getAddress(), small, null, "198.51.100.1", "load"));
        Set<Long> ids = new HashSet<>();
        for (Object o : repeats) {
            assertThat(o).isInstanceOf(Withdrawal.class);
            ids.add(((Withdrawal) o).withdrawalId());
        }
        assertThat(ids).hasSize(1);
        assertThat(rig.coreLocked(CLIENT)).isEqualTo(lockedBefore + small);
        rig.assertBooksAgree();
    }
}
