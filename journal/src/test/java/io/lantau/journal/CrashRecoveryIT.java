package io.lantau.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.core.CoreEventListener;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM running a {@link JournaledCore} under load with SIGKILL at seeded random points, then checks that
 * every result the child released is on disk, that recovery gives the state a fresh replay of the disk gives, and that
 * the restarted child carries on from where the journal ends. Set {@code -Dcrash.seed} and {@code -Dcrash.kills} to
 * explore.
 */
class CrashRecoveryIT {
    private static final long SEED = Long.getLong("crash.seed", 20_261_129L);
    private static final int KILLS = Integer.getInteger("crash.kills", 24);
    private static final long LINE_TIMEOUT_SECONDS = 30;
    private static final String EOF = "\u0000EOF";

    @TempDir
    Path dataDir;

    @Test
    void shouldKeepEveryReleasedResultWhenTheProcessIsKilledAtRandomPoints() throws Exception {
        Random random = new Random(SEED);
        long maxReleased = 0;
        long totalReleased = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            int releasesBeforeKill = random.nextInt(5) == 0 ? 0 : random.nextInt(3_000);
            Process child = startChild(SEED + kill);
            LinkedBlockingQueue<String> lines = readLines(child);
            try {
                String start = nextLine(lines);
                assertThat(start).as("child's first line (kill %d)", kill).startsWith("START ");
                long recovered = Long.parseLong(start.substring(6));
                assertThat(recovered).as("recovered sequence covers every released result (kill %d)", kill)
                        .isGreaterThanOrEqualTo(maxReleased);

                long expected = recovered + 1;
                for (int i = 0; i < releasesBeforeKill; i++) {
                    expected = expectRelease(nextLine(lines), expected, kill);
                }
                child.destroyForcibly();
                assertThat(child.waitFor(LINE_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
                // Results printed before the kill landed in the pipe: they were released too.
                for (String line = nextLine(lines); !line.equals(EOF); line = nextLine(lines)) {
                    expected = expectRelease(line, expected, kill);
                }
                totalReleased += expected - recovered - 1;
                maxReleased = Math.max(maxReleased, expected - 1);
            } finally {
                child.destroyForcibly();
            }

            ReplayReport verified = ReplayVerifier.verify(dataDir, TestJournals.CONFIG);
            assertThat(verified.problems()).as("kill %d", kill)
                    .allSatisfy(p -> assertThat(p).startsWith("journal: "));
            assertThat(verified.lastSequence()).as("kill %d", kill).isGreaterThanOrEqualTo(maxReleased);

            Recovery.Result recovered = Recovery.recover(TestJournals.CONFIG, dataDir, CoreEventListener.NO_OP);
            assertThat(recovered.core().lastSequence()).isEqualTo(verified.lastSequence());
            assertThat(recovered.core().stateHashHex()).as("kill %d", kill).isEqualTo(verified.stateHashHex());
        }
        assertThat(totalReleased).as("the children did real work").isGreaterThan(KILLS * 500L);
        ReplayReport last = ReplayVerifier.verify(dataDir, TestJournals.CONFIG);
        assertThat(last.problems()).isEmpty();
        assertThat(last.records()).isEqualTo(last.lastSequence());
    }

    private static long expectRelease(String line, long expected, int kill) {
        assertThat(line).as("kill %d", kill).isEqualTo("R " + expected);
        return expected + 1;
    }

    private Process startChild(long seed) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m",
                "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CrashChild.class.getName(),
                dataDir.toString(), Long.toString(seed)));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static LinkedBlockingQueue<String> readLines(Process child) {
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.US_ASCII))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // The pipe breaks when the child dies; whatever was read is in the queue.
            } finally {
                lines.add(EOF);
            }
        }, "crash-child-reader");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static String nextLine(LinkedBlockingQueue<String> lines) throws InterruptedException {
        String line = lines.poll(LINE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertThat(line).as("a line from the child within %d s", LINE_TIMEOUT_SECONDS).isNotNull();
        return line;
    }
}
