package io.lantau.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.core.CoreEventListener;
import io.lantau.core.command.Command;
import io.lantau.journal.JournalConfig;
import io.lantau.journal.JournaledCore;
import io.lantau.journal.Recovery;
import io.lantau.journal.ResultListener;
import io.lantau.testsupport.Workload;
import io.lantau.testsupport.WorkloadConfig;
import io.lantau.testsupport.WorkloadGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReplayCommandTest {
    @TempDir
    Path dataDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Workload workload;

    @BeforeEach
    void writeJournal() {
        workload = WorkloadGenerator.generate(WorkloadConfig.singleMarket(5_000, 11));
        AtomicLong clock = new AtomicLong();
        try (JournaledCore runtime = JournaledCore.start(workload.coreConfig(), JournalConfig.defaults(dataDir),
                CoreEventListener.NO_OP, () -> Workload.timestampNanos(clock.incrementAndGet()))) {
            for (Command command : workload.setupCommands()) {
                runtime.submit(command, ResultListener.NO_OP);
            }
            for (Command command : workload.commands()) {
                runtime.submit(command, ResultListener.NO_OP);
            }
        }
    }

    private int run(String... args) {
        CommandLine commandLine = LantauCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    private String lastLine() {
        List<String> lines = out.toString().lines().toList();
        return lines.getLast();
    }

    @Test
    void shouldPrintTheStateHashAsTheLastLineWhenTheJournalIsSound() {
        int exitCode = run("replay", dataDir.toString());

        assertThat(exitCode).as(out + "\n" + err).isZero();
        assertThat(lastLine()).isEqualTo(workload.expectedStateHashHex());
        assertThat(lastLine()).isEqualTo(Recovery.recover(workload.coreConfig(), dataDir, CoreEventListener.NO_OP)
                .core().stateHashHex());
    }

    @Test
    void shouldExitNonZeroWhenAJournalByteIsFlipped() throws IOException {
        Path segment;
        try (Stream<Path> files = Files.list(dataDir.resolve("journal"))) {
            segment = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(segment);
        // Well inside the records of the set-up commands, past the segment header.
        bytes[4_096] ^= 0x5a;
        Files.write(segment, bytes);

        int exitCode = run("replay", dataDir.toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(out.toString()).contains("problems: ");
    }

    @Test
    void shouldExitNonZeroWhenTheDirectoryDoesNotExist() {
        int exitCode = run("replay", dataDir.resolve("missing").toString());

        assertThat(exitCode).isEqualTo(1);
    }
}
