package io.lantau.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LantauCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = LantauCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    @Test
    void shouldPrintExactlyOneJsonObjectWhenBenchCoreRunsWithJson() throws Exception {
        int exitCode = run("bench", "core", "--json", "--commands", "5000", "--iterations", "2", "--warmup", "0");

        assertThat(exitCode).as(err.toString()).isZero();
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(out.toString().strip()).doesNotContain("\n");
        assertThat(report.get("opsPerSec").asLong()).isPositive();
        assertThat(report.get("p50Nanos").asLong()).isPositive();
        assertThat(report.get("p99Nanos").asLong()).isGreaterThanOrEqualTo(report.get("p50Nanos").asLong());
        assertThat(report.get("p999Nanos").asLong()).isGreaterThanOrEqualTo(report.get("p99Nanos").asLong());
        assertThat(report.get("commands").asLong()).isEqualTo(5000);
        assertThat(report.get("journal").asText()).isEqualTo("off");
        assertThat(report.get("opsPerSecByIteration")).hasSize(2);
        assertThat(err.toString()).contains("workload generated");
    }

    @Test
    void shouldMeasureFromIntendedStartWhenGivenARate() throws Exception {
        int exitCode = run("bench", "core", "--json", "--commands", "2000", "--iterations", "1", "--warmup", "0",
                "--rate", "200000", "--markets", "3");

        assertThat(exitCode).as(err.toString()).isZero();
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.get("rateCommandsPerSec").asLong()).isEqualTo(200_000);
        assertThat(report.get("markets").asInt()).isEqualTo(3);
        assertThat(report.get("latencySamples").asLong()).isEqualTo(2000);
        assertThat(report.get("latencyMeasure").asText()).contains("intended start");
    }

    @Test
    void shouldRecoverTheJournalAndReportReplayWhenRunWithFsync(@TempDir Path dataDir) throws Exception {
        Path journalDir = dataDir.resolve("bench");
        int exitCode = run("bench", "core", "--json", "--commands", "3000", "--iterations", "2", "--warmup", "0",
                "--journal", "fsync", "--data-dir", journalDir.toString());

        assertThat(exitCode).as(err.toString()).isZero();
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.get("journal").asText()).isEqualTo("fsync");
        assertThat(report.get("replayOpsPerSec").asLong()).isPositive();
        assertThat(report.get("latencyMeasure").asText()).contains("result release");

        out.getBuffer().setLength(0);
        assertThat(run("replay", journalDir.toString())).as(out.toString()).isZero();
        assertThat(out.toString().lines().toList().getLast()).isEqualTo(report.get("stateHash").asText());
    }

    @Test
    void shouldRefuseADataDirectoryThatIsNotEmpty(@TempDir Path dataDir) throws Exception {
        Files.writeString(dataDir.resolve("precious.txt"), "keep me");

        int exitCode = run("bench", "core", "--commands", "1000", "--journal", "async", "--data-dir",
                dataDir.toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(dataDir.resolve("precious.txt")).exists();
    }

    @Test
    void shouldPrintReadableFiguresWithoutJson() {
        int exitCode = run("bench", "core", "--commands", "3000", "--iterations", "1", "--warmup", "0");

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(out.toString()).contains("throughput:").contains("p99").contains("ledger invariant held");
    }

    @Test
    void shouldRejectAnUnknownJournalModeAsBadUsage() {
        int exitCode = run("bench", "core", "--journal", "sometimes");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("--journal");
    }

    @Test
    void shouldListTheSubcommandsWhenRunWithoutArguments() {
        int exitCode = run();

        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("replay").contains("bench");
    }
}
