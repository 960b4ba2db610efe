package io.lantau.custody.reserves;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.core.AccountKind;
import io.lantau.core.BookKind;
import io.lantau.core.CoreEventListener;
import io.lantau.core.ExchangeCore;
import io.lantau.core.ResultCode;
import io.lantau.core.Side;
import io.lantau.core.command.Command;
import io.lantau.core.command.Deposit;
import io.lantau.core.command.OpenAccount;
import io.lantau.core.command.PlaceOrder;
import io.lantau.core.command.RequestWithdrawal;
import io.lantau.core.command.SettleWithdrawal;
import io.lantau.core.config.StandardMarkets;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The root's totals are the core's client liabilities, for a core driven by real commands (PoR-1, PoR-4). */
class LiabilitySnapshotTest {
    private static final int BTC = StandardMarkets.BTC.assetId();
    private static final int HKD = StandardMarkets.HKD.assetId();
    private static final int BTC_HKD = 0;
    /** Account 1 is the core's fee account; clients are 2 to 5. */
    private static final long OPERATOR = 9;
    private final ExchangeCore core = new ExchangeCore(StandardMarkets.config(), BookKind.FAST);
    private long sequence;

    private void apply(Command command) {
        sequence++;
        assertThat(core.apply(sequence, sequence * 1000, command, CoreEventListener.NO_OP)).as(command.toString())
                .isEqualTo(ResultCode.OK);
    }

    @BeforeEach
    void tradeWithFees() {
        for (long id = 2; id <= 5; id++) {
            apply(new OpenAccount(id, AccountKind.CLIENT, 0));
        }
        apply(new OpenAccount(OPERATOR, AccountKind.OPERATOR, 0));
        apply(new Deposit(1, 5, HKD, 10_000_000));           // 100,000 HKD
        apply(new Deposit(2, 2, BTC, 50_000_000));           // 0.5 BTC
        apply(new Deposit(3, 3, HKD, 2_000_000));
        apply(new Deposit(4, 3, BTC, 10_000_000));
        apply(new Deposit(5, OPERATOR, BTC, 700_000_000));   // the platform's own demo funding
        apply(PlaceOrder.limit(2, BTC_HKD, Side.SELL, 5_000, 200));  // 0.2 BTC at 50,000 HKD, rests
        apply(PlaceOrder.limit(5, BTC_HKD, Side.BUY, 5_000, 100));   // takes 0.1 BTC: both pay fees in HKD
        apply(PlaceOrder.limit(3, BTC_HKD, Side.BUY, 4_000, 10));    // rests: HKD locked
        apply(new RequestWithdrawal(1, 3, BTC, 1_000_000));          // pending: BTC locked
        apply(new RequestWithdrawal(2, 2, BTC, 5_000_000));
        apply(new SettleWithdrawal(2));                              // gone from the books
    }

    @Test
    void shouldStateTheCoresClientLiabilitiesWithoutTheFeeOrPlatformAccounts() {
        long feeAccount = core.config().feeAccountId();
        assertThat(core.availableMinor(feeAccount, HKD)).as("the trade charged fees").isPositive();
        assertThat(core.lockedMinor(3, HKD)).as("an open order locks HKD").isPositive();

        LiabilitySnapshot snapshot = LiabilitySnapshot.fromCore(core, Set.of(OPERATOR),
                Instant.parse("2026-11-29T08:00:00Z"));
        ReservesRoot root = MerkleSumTree.build(snapshot, new Random(3)).root();

        assertThat(root.snapshotSequence()).isEqualTo(core.lastSequence());
        assertThat(root.leafCount()).isEqualTo(4);
        for (int asset = 0; asset < core.config().assets().size(); asset++) {
            long platformOwn = core.availableMinor(feeAccount, asset) + core.lockedMinor(feeAccount, asset)
                    + core.availableMinor(OPERATOR, asset) + core.lockedMinor(OPERATOR, asset);
            assertThat(root.totalsMinor().get(asset)).as(core.config().assets().get(asset).code())
                    .isEqualTo(core.totalHeldMinor(asset) - platformOwn);
        }
        assertThat(root.totalMinor("BTC")).isEqualTo(50_000_000 + 10_000_000 - 5_000_000);
        assertThat(root.totalMinor("HKD")).isEqualTo(12_000_000 - core.availableMinor(feeAccount, HKD));
    }

    @Test
    void shouldGiveEveryClientAProofOfTheirAvailablePlusLockedBalances() {
        MerkleSumTree tree = MerkleSumTree.build(LiabilitySnapshot.fromCore(core, Set.of(OPERATOR), Instant.EPOCH),
                new Random(5));

        assertThat(tree.proofFor(OPERATOR)).isEmpty();
        assertThat(tree.proofFor(core.config().feeAccountId())).isEmpty();
        for (long id = 2; id <= 5; id++) {
            InclusionProof proof = tree.proofFor(id).orElseThrow();
            for (int asset = 0; asset < core.config().assets().size(); asset++) {
                assertThat(proof.balancesMinor().get(asset))
                        .isEqualTo(core.availableMinor(id, asset) + core.lockedMinor(id, asset));
            }
            assertThat(ReservesVerifier.verify(ProofJson.write(proof), OptionalLong.of(id)).verified()).isTrue();
        }
    }
}
