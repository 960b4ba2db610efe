package io.lantau.store.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.core.AccountKind;
import io.lantau.core.BookKind;
import io.lantau.core.ExchangeCore;
import io.lantau.core.OrderView;
import io.lantau.core.Side;
import io.lantau.core.command.CancelOrder;
import io.lantau.core.command.Command;
import io.lantau.core.command.Deposit;
import io.lantau.core.command.OpenAccount;
import io.lantau.core.command.PlaceOrder;
import io.lantau.core.command.SetReferencePrice;
import io.lantau.core.config.CoreConfig;
import io.lantau.core.config.StandardMarkets;
import io.lantau.core.event.EventRecorder;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The exposure a client is shown (HK-04) is the exposure the core counts against its limit: after every command of
 * a random stream of deposits, reference-price changes, limit orders (resting, filling, partly filling) and cancels,
 * the view fed with the core's events answers exactly {@link ExchangeCore#exposureMinor} for every account.
 */
class ExposureViewProperties {
    private static final int[] MARKETS = {0, 1, 4};
    private static final long[] MIDS = {70_000, 25_000, 3_500};

    @Property(tries = 20)
    void theViewAlwaysEqualsTheCoresExposure(@ForAll long seed) {
        CoreConfig config = StandardMarkets.config();
        ExchangeCore core = new ExchangeCore(config, BookKind.FAST);
        EventRecorder recorder = new EventRecorder();
        AccountReadModel accounts = new AccountReadModel(config.assets().size());
        ExposureView view = new ExposureView(config, accounts, core);
        Random random = new Random(seed);
        long[] ids = {21, 22, 23, 24};
        long sequence = 0;
        long depositId = 1;
        for (long id : ids) {
            sequence = apply(core, recorder, accounts, view, ++sequence, new OpenAccount(id, AccountKind.CLIENT, 0));
        }
        for (int step = 0; step < 600; step++) {
            long account = ids[random.nextInt(ids.length)];
            Command command = switch (random.nextInt(10)) {
                case 0 -> new Deposit(depositId++, account, random.nextInt(config.assets().size()),
                        1 + random.nextLong(5_000_000_000L));
                case 1 -> new SetReferencePrice(random.nextInt(2), 1 + random.nextLong(100_000_000L));
                case 2 -> cancel(core, account, random);
                default -> {
                    int m = random.nextInt(MARKETS.length);
                    long price = Math.max(1, MIDS[m] + random.nextInt(41) - 20);
                    yield PlaceOrder.limit(account, MARKETS[m], random.nextBoolean() ? Side.BUY : Side.SELL, price,
                            1 + random.nextInt(50));
                }
            };
            sequence = apply(core, recorder, accounts, view, sequence + 1, command);
            for (long id : ids) {
                assertThat(view.exposureMinor(id)).as("account %d after %s", id, command)
                        .isEqualTo(core.exposureMinor(id));
            }
        }
    }

    private static Command cancel(ExchangeCore core, long account, Random random) {
        List<OrderView> open = core.openOrders(account);
        if (open.isEmpty()) {
            return new SetReferencePrice(0, 1 + random.nextLong(100_000_000L));
        }
        OrderView o = open.get(random.nextInt(open.size()));
        return new CancelOrder(account, o.marketId(), o.orderId(), null);
    }

    private static long apply(ExchangeCore core, EventRecorder recorder, AccountReadModel accounts, ExposureView view,
            long sequence, Command command) {
        recorder.clear();
        core.apply(sequence, sequence * 1_000L, command, recorder);
        accounts.onCommand(sequence, sequence * 1_000L, recorder.events());
        view.onCommand(sequence, sequence * 1_000L, recorder.events());
        return sequence;
    }
}
