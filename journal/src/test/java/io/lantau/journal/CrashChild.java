package io.lantau.journal;

import io.lantau.core.CoreEventListener;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child process of {@link CrashRecoveryIT}: recovers a {@link JournaledCore} with {@link FsyncPolicy#EVERY_BATCH}
 * from the directory in {@code args[0]}, prints {@code START <last sequence>}, then submits generated commands (seed
 * {@code args[1]}) until killed, printing {@code R <sequence>} for each released result and flushing at once.
 */
public final class CrashChild {
    private CrashChild() {
    }

    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, StandardCharsets.US_ASCII);
        JournalConfig config = new JournalConfig(dataDir, FsyncPolicy.EVERY_BATCH, 1,
                JournalConfig.MIN_SEGMENT_SIZE_BYTES, 400, 1024);
        JournaledCore core = JournaledCore.start(TestJournals.CONFIG, config, CoreEventListener.NO_OP,
                System::nanoTime);
        out.println("START " + core.recoveryReport().lastSequence());
        out.flush();
        ResultListener printer = (sequence, code) -> {
            out.print("R ");
            out.println(sequence);
            out.flush();
        };
        CommandStreamGenerator generator = new CommandStreamGenerator(seed);
        while (true) {
            core.submit(generator.next(), printer);
        }
    }
}
