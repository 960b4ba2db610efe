package io.lantau.app;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code lantau}: the platform's one entry point. Subcommands: {@code serve}, {@code admin}, {@code replay},
 * {@code bench}.
 *
 * <p>Exit codes: 0 success, 1 a failed check or run (message on stderr), 2 bad usage.
 */
@Command(name = "lantau", mixinStandardHelpOptions = true, versionProvider = LantauCommand.Version.class,
        description = "Lantau digital-asset exchange platform.",
        subcommands = {ServeCommand.class, AdminCommand.class, ReplayCommand.class, BenchCommand.class,
            AuditCommand.class,
            io.lantau.app.command.VerifyReservesCommand.class,
            CommandLine.HelpCommand.class})
public final class LantauCommand implements Runnable {
    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** @return the command line with Lantau's error handling; tests call {@code execute} on it. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new LantauCommand());
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            if (exception instanceof IllegalStateException || exception instanceof UnsupportedOperationException
                    || exception instanceof IllegalArgumentException) {
                err.println(cmd.getCommandSpec().qualifiedName() + ": " + exception.getMessage());
            } else {
                exception.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reads the version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = LantauCommand.class.getPackage().getImplementationVersion();
            return new String[] {"lantau " + (version == null ? "(development build)" : version),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
