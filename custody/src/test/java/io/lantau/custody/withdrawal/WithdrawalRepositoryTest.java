package io.lantau.custody.withdrawal;

import io.lantau.store.EngineTestBase;
import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.custody.ledger.CustodyLedger;
import io.lantau.custody.ledger.LedgerEntry;
import io.lantau.custody.ledger.LedgerKind;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code custody_withdrawals}: each state change takes effect once, on H2 and PostgreSQL. */
class WithdrawalRepositoryTest extends EngineTestBase {
    final Clock clock = Clock.systemUTC();

    private static Withdrawal withdrawal(long id, long account, long amount) {
        return new Withdrawal(id, account, "ETH", "ETH", "0xabc", amount, 5, "h" + id, WithdrawalState.REQUESTED,
                null, null, null, null, null, null, null);
    }

    @Test
    void shouldMoveThroughStatesOnceAndAppendLedgerEntriesWithTheLast() {
        CustodyLedger ledger = new CustodyLedger(database.dataSource(), clock);
        WithdrawalRepository repo = new WithdrawalRepository(database.dataSource(), ledger, clock);
        Instant before = clock.instant().minusSeconds(60);

        assertThat(repo.insert(withdrawal(1, 1001, 100), "ip", "dev")).isTrue();
        assertThat(repo.insert(withdrawal(1, 1001, 999), "ip", "dev")).isFalse();
        assertThat(repo.insert(withdrawal(2, 1002, 40), "ip", "dev")).isTrue();
        assertThat(repo.insert(withdrawal(3, 1001, 7), "ip", "dev")).isTrue();
        repo.deleteRequested(3);
        assertThat(repo.withdrawnSince(1001, "ETH", before)).isEqualTo(100);
        assertThat(repo.withdrawnSince(0, "ETH", before)).isEqualTo(140);

        assertThat(repo.move(1, WithdrawalState.REQUESTED, WithdrawalState.APPROVED, null)).isTrue();
        assertThat(repo.move(1, WithdrawalState.REQUESTED, WithdrawalState.APPROVED, null)).isFalse();
        assertThat(repo.signed(1, "c0ffee")).isTrue();
        assertThat(repo.signed(1, "c0ffee")).isFalse();
        assertThat(repo.broadcast(1, "aa")).isTrue();
        List<LedgerEntry> entries = List.of(new LedgerEntry("ETH", "ETH", LedgerKind.NETWORK_FEE, 0,
                BigInteger.valueOf(-21), "withdrawal:1"));
        assertThat(repo.finish(1, WithdrawalState.SETTLED, null, 9, BigInteger.valueOf(21), entries)).isTrue();
        assertThat(repo.finish(1, WithdrawalState.SETTLED, null, 9, BigInteger.valueOf(21), entries)).isFalse();
        assertThat(ledger.total("ETH")).isEqualTo(BigInteger.valueOf(-21));

        Withdrawal done = repo.find(1).orElseThrow();
        assertThat(done.state()).isEqualTo(WithdrawalState.SETTLED);
        assertThat(done.txid()).isEqualTo("aa");
        assertThat(done.gasFeeBase()).isEqualTo(BigInteger.valueOf(21));
        assertThat(done.blockHeight()).isEqualTo(9);

        assertThat(repo.move(2, WithdrawalState.REQUESTED, WithdrawalState.PENDING_REVIEW, null)).isTrue();
        assertThat(repo.inState("ETH", WithdrawalState.PENDING_REVIEW)).extracting(Withdrawal::withdrawalId)
                .containsExactly(2L);
        assertThat(repo.reviewed(2, 77, WithdrawalState.REVERTING, "REJECTED_BY_REVIEW")).isTrue();
        assertThat(repo.withdrawnSince(0, "ETH", before)).as("a reverting withdrawal stops counting").isEqualTo(100);
        assertThat(repo.list(1002, 10)).singleElement()
                .satisfies(w -> assertThat(w.reason()).isEqualTo("REJECTED_BY_REVIEW"));
    }
}
