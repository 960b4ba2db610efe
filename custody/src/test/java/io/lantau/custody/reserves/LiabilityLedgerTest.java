package io.lantau.custody.reserves;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.core.AccountKind;
import io.lantau.core.BookKind;
import io.lantau.core.ExchangeCore;
import io.lantau.core.ResultCode;
import io.lantau.core.Side;
import io.lantau.core.command.CancelOrder;
import io.lantau.core.command.Command;
import io.lantau.core.command.Deposit;
import io.lantau.core.command.OpenAccount;
import io.lantau.core.command.PlaceOrder;
import io.lantau.core.command.RequestWithdrawal;
import io.lantau.core.command.RevertWithdrawal;
import io.lantau.core.config.StandardMarkets;
import io.lantau.core.event.EventRecorder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The event-fed ledger states exactly the liabilities the core holds, at the same sequence (PoR-1). */
class LiabilityLedgerTest {
    private static final int BTC = StandardMarkets.BTC.assetId();
    private static final int ETH = StandardMarkets.ETH.assetId();
    private static final int HKD = StandardMarkets.HKD.assetId();
    private static final long OPERATOR = 9;
    private static final Instant AT = Instant.parse("2026-11-29T08:00:00Z");

    private static List<Command> commands() {
        List<Command> commands = new ArrayList<>();
        for (long id = 2; id <= 6; id++) {
            commands.add(new OpenAccount(id, AccountKind.CLIENT, (int) (id % 3)));
        }
        commands.add(new OpenAccount(OPERATOR, AccountKind.OPERATOR, 0));
        commands.add(new Deposit(1, 2, HKD, 50_000_000));
        commands.add(new Deposit(2, 3, BTC, 200_000_000));
        commands.add(new Deposit(3, 4, ETH, 900_000_000));
        commands.add(new Deposit(4, 5, HKD, 9_000_000));
        commands.add(new Deposit(5, OPERATOR, BTC, 100_000_000));
        commands.add(PlaceOrder.limit(3, 0, Side.SELL, 5_000, 300));
        commands.add(PlaceOrder.limit(2, 0, Side.BUY, 5_010, 150));
        commands.add(PlaceOrder.limit(5, 0, Side.BUY, 4_000, 20));
        commands.add(PlaceOrder.limit(4, 1, Side.SELL, 2_000, 100));
        commands.add(PlaceOrder.limit(2, 1, Side.BUY, 2_000, 40));
        commands.add(new CancelOrder(5, 0, 3, null));
        commands.add(new RequestWithdrawal(1, 4, ETH, 10_000_000));
        commands.add(new RequestWithdrawal(2, 3, BTC, 1_000_000));
        commands.add(new RevertWithdrawal(2));
        commands.add(new OpenAccount(7, AccountKind.CLIENT, 0));
        return commands;
    }

    /** Applies {@code commands} from {@code from} on, feeding each command's events to the ledger. */
    private static void drive(ExchangeCore core, LiabilityLedger ledger, List<Command> commands, int from, int to) {
        for (int i = from; i < to; i++) {
            long sequence = i + 1;
            EventRecorder events = new EventRecorder();
            assertThat(core.apply(sequence, sequence * 1000, commands.get(i), events)).as(commands.get(i).toString())
                    .isEqualTo(ResultCode.OK);
            if (ledger != null) {
                ledger.onCommand(sequence, sequence * 1000, events.events());
            }
        }
    }

    @Test
    void shouldStateTheSameLiabilitiesAsTheCoreAfterEveryCommand() {
        ExchangeCore core = new ExchangeCore(StandardMarkets.config(), BookKind.FAST);
        LiabilityLedger ledger = new LiabilityLedger(core.config(), Set.of(OPERATOR));
        ledger.seed(core);
        List<Command> commands = commands();

        for (int i = 0; i < commands.size(); i++) {
            drive(core, ledger, commands, i, i + 1);
            assertThat(ledger.snapshot(AT)).as("after " + commands.get(i))
                    .isEqualTo(LiabilitySnapshot.fromCore(core, Set.of(OPERATOR), AT));
        }
        assertThat(ledger.lastAppliedSequence()).isEqualTo(core.lastSequence());
        assertThat(core.availableMinor(core.config().feeAccountId(), HKD)).as("fees were charged").isPositive();
    }

    @Test
    void shouldContinueFromARecoveredCoreAsIfItHadSeenEverything() throws IOException {
        List<Command> commands = commands();
        ExchangeCore live = new ExchangeCore(StandardMarkets.config(), BookKind.FAST);
        drive(live, null, commands, 0, 12);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        live.writeSnapshot(new DataOutputStream(bytes));
        ExchangeCore recovered = ExchangeCore.readSnapshot(new DataInputStream(
                new ByteArrayInputStream(bytes.toByteArray())), BookKind.FAST);
        LiabilityLedger ledger = new LiabilityLedger(live.config(), Set.of(OPERATOR));

        ledger.seed(recovered);
        drive(live, ledger, commands, 12, commands.size());

        assertThat(ledger.snapshot(AT)).isEqualTo(LiabilitySnapshot.fromCore(live, Set.of(OPERATOR), AT));
        assertThat(ledger.snapshot(AT).clients()).extracting(ClientLiability::accountId)
                .containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
    }
}
