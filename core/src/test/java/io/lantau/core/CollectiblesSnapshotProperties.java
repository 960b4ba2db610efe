package io.lantau.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.core.command.Command;
import io.lantau.core.config.CoreConfig;
import io.lantau.core.config.StandardMarkets;
import io.lantau.core.event.CoreEvent;
import io.lantau.core.event.EventRecorder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Snapshot (format v3, with items, sales and holds) plus replay of the rest gives the uninterrupted run: the same
 * events, the same state hash and the same items, over random sequences mixing trading and collectibles commands.
 */
class CollectiblesSnapshotProperties {
    private static final int COMMANDS = 2_000;

    @Property(tries = 20)
    void snapshotPlusReplayEqualsTheUninterruptedRun(@ForAll long seed) throws IOException {
        CoreConfig config = StandardMarkets.config();
        Venue.EngineVenue live = (Venue.EngineVenue) Venue.Kind.FAST_BOOK.create(config);
        CommandGenerator generator = new CommandGenerator(seed, config, live);
        List<Command> commands = new ArrayList<>(generator.setup());
        int snapshotAt = commands.size() + new Random(seed).nextInt(COMMANDS);
        long sequence = 0;
        ExchangeCore restored = null;
        BookKind restoredKind = seed % 2 == 0 ? BookKind.FAST : BookKind.REFERENCE;
        for (int i = 0; i < commands.size() + COMMANDS; i++) {
            Command command = i < commands.size() ? commands.get(i) : generator.next();
            sequence++;
            if (i == snapshotAt) {
                restored = roundTrip(live.core(), restoredKind);
                assertThat(restored.stateHashHex()).as("restored at %d", sequence).isEqualTo(live.core().stateHashHex());
            }
            List<CoreEvent> liveEvents = new ArrayList<>();
            ResultCode code = live.apply(sequence, sequence * 1_000, command, liveEvents);
            if (restored != null) {
                List<CoreEvent> replayed = new ArrayList<>();
                ResultCode replayedCode = restored.apply(sequence, sequence * 1_000, command,
                        new EventRecorder(replayed::add));
                assertThat(replayedCode).as("seed %d, sequence %d, %s", seed, sequence, command).isEqualTo(code);
                assertThat(replayed).as("seed %d, sequence %d, %s", seed, sequence, command).isEqualTo(liveEvents);
            }
        }
        assertThat(restored.stateHashHex()).isEqualTo(live.core().stateHashHex());
        assertThat(restored.itemCount()).isEqualTo(live.core().itemCount());
        for (long account : live.core().accountIds()) {
            assertThat(restored.itemsOf(account)).as("items of %d", account).isEqualTo(live.core().itemsOf(account));
        }
    }

    private static ExchangeCore roundTrip(ExchangeCore core, BookKind kind) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        core.writeSnapshot(new DataOutputStream(bytes));
        return ExchangeCore.readSnapshot(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), kind);
    }
}
