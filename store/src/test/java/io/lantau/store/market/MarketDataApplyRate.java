package io.lantau.store.market;

import io.lantau.core.BookKind;
import io.lantau.core.ExchangeCore;
import io.lantau.core.command.Command;
import io.lantau.core.config.StandardMarkets;
import io.lantau.core.event.CoreEvent;
import io.lantau.core.event.EventRecorder;
import io.lantau.store.Projection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * How fast the projection thread applies recorded events: not a test (tests never assert on time), a measurement to
 * run by hand until the {@code bench} module has a JMH benchmark for it. Records a random command stream through a
 * real core first, then applies its events to fresh projections several times and prints the best rate.
 *
 * <pre>
 * ./mvnw -B -q -pl store -am test-compile
 * java -cp store/target/test-classes:store/target/classes:core/target/classes:\
 * $HOME/.m2/repository/org/agrona/agrona/2.6.0/agrona-2.6.0.jar io.lantau.store.market.MarketDataApplyRate [commands]
 * </pre>
 */
public final class MarketDataApplyRate {
    private record Step(long sequence, long timestampNanos, List<CoreEvent> events) {
    }

    private MarketDataApplyRate() {
    }

    public static void main(String[] args) {
        int commands = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        List<Step> log = record(commands);
        long events = log.stream().mapToLong(s -> s.events().size()).sum();
        long trades = log.stream().flatMap(s -> s.events().stream())
                .filter(e -> e instanceof io.lantau.core.event.TradeExecuted).count();
        System.out.printf("%d commands, %d events, %d trades%n", log.size(), events, trades);
        measure("MarketData (all projections)", log, events,
                () -> MarketData.create(StandardMarkets.config(), MarketDataSettings.defaults(),
                        MarketDataListener.NONE));
        measure("DepthProjection", log, events, () -> new DepthProjection(7, MarketDataListener.NONE));
        measure("TradeProjection", log, events, () -> new TradeProjection(7, 1_000, MarketDataListener.NONE));
        measure("KlineProjection (16 intervals)", log, events, () -> new KlineProjection(7,
                MarketDataSettings.defaults().klineIntervals(), 1_000, MarketDataListener.NONE));
        measure("TickerProjection", log, events, () -> new TickerProjection(7, BookTicker::empty,
                MarketDataListener.NONE));
    }

    private static void measure(String name, List<Step> log, long events, Supplier<Projection> factory) {
        double best = 0;
        for (int round = 0; round < 7; round++) {
            Projection projection = factory.get();
            long start = System.nanoTime();
            for (Step step : log) {
                projection.onCommand(step.sequence(), step.timestampNanos(), step.events());
            }
            long elapsed = System.nanoTime() - start;
            best = Math.max(best, log.size() * 1e9 / elapsed);
        }
        System.out.printf("%-32s %,12.0f commands/s %,12.0f events/s%n", name, best,
                best * events / log.size());
    }

    private static List<Step> record(int commands) {
        ExchangeCore core = new ExchangeCore(StandardMarkets.config(), BookKind.FAST);
        RandomCommands generator = new RandomCommands(1, core);
        EventRecorder recorder = new EventRecorder();
        List<Step> log = new ArrayList<>(commands + 100);
        List<Command> setup = generator.setup();
        long sequence = 0;
        for (int i = 0; i < setup.size() + commands; i++) {
            Command command = i < setup.size() ? setup.get(i) : generator.next();
            recorder.clear();
            sequence++;
            // A command every 3 ms: 300,000 commands span 15 minutes, so windows and candles roll over.
            long nanos = 1_780_000_000_000_000_000L + sequence * 3_000_000L;
            core.apply(sequence, nanos, command, recorder);
            log.add(new Step(sequence, nanos, List.copyOf(recorder.events())));
        }
        return log;
    }
}
