package io.lantau.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real local Ethereum node for tests: Foundry's {@code anvil}, from the npm package
 * {@code @foundry-rs/anvil-linux-amd64} pinned in {@code test-support/src/main/node/anvil/package.json} (installed
 * there with {@code npm ci} on first use; the package carries the binary and fetches nothing at install). Started on a
 * free port of 127.0.0.1 with chain id {@value #CHAIN_ID} and the well-known test mnemonic {@value #MNEMONIC}, whose
 * first {@value #ACCOUNTS} accounts hold 10,000 ETH each. Its output is drained on a daemon thread (anvil blocks when
 * its output pipe fills). {@link #close()} destroys the process.
 *
 * <p>Never skipped: if Node.js, npm or the package cannot be had, {@link #start()} throws and the test fails.
 *
 * <p>The same directory holds {@code solc} and {@code @openzeppelin/contracts}, for tests that compile a contract
 * offline ({@link #nodeModules()}).
 */
public final class AnvilNode implements AutoCloseable {
    public static final long CHAIN_ID = 31337;
    public static final String MNEMONIC = "test test test test test test test test test test test junk";
    public static final int ACCOUNTS = 3;
    /** The private key of the mnemonic's first account (m/44'/60'/0'/0/0), funded by anvil. */
    public static final String FUNDED_PRIVATE_KEY =
            "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    /** The address of {@link #FUNDED_PRIVATE_KEY}. */
    public static final String FUNDED_ADDRESS = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

    private static final Pattern LISTENING = Pattern.compile("Listening on 127\\.0\\.0\\.1:(\\d+)");
    private static final long START_TIMEOUT_SECONDS = 60;

    private final Process process;
    private final int port;

    private AnvilNode(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts a fresh node (blocks mined on each transaction). */
    public static AnvilNode start() {
        Path binary = nodeModules().resolve(".bin/anvil");
        try {
            Process process = new ProcessBuilder(List.of(binary.toString(), "--host", "127.0.0.1", "--port", "0",
                    "--chain-id", Long.toString(CHAIN_ID), "--mnemonic", MNEMONIC, "--accounts",
                    Integer.toString(ACCOUNTS), "--balance", "10000")).redirectErrorStream(true).start();
            CompletableFuture<Integer> port = new CompletableFuture<>();
            Thread drain = new Thread(() -> drain(process, port), "anvil-output");
            drain.setDaemon(true);
            drain.start();
            try {
                return new AnvilNode(process, port.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS));
            } catch (Exception e) {
                process.destroyForcibly();
                throw new IllegalStateException("anvil did not start listening", e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + binary, e);
        }
    }

    private static void drain(Process process, CompletableFuture<Integer> port) {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Matcher m = LISTENING.matcher(line);
                if (!port.isDone() && m.find()) {
                    port.complete(Integer.parseInt(m.group(1)));
                }
            }
        } catch (IOException e) {
            // The process ended; nothing more to read.
        }
        port.completeExceptionally(new IllegalStateException("anvil exited with " + process.exitValue()));
    }

    /** @return the JSON-RPC endpoint, {@code http://127.0.0.1:PORT}. */
    public String rpcUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /**
     * @return the {@code node_modules} directory with anvil, solc and OpenZeppelin, installed with {@code npm ci}
     *         if it is not there yet.
     */
    public static synchronized Path nodeModules() {
        Path dir = packageDirectory();
        Path modules = dir.resolve("node_modules");
        if (!Files.isExecutable(modules.resolve(".bin/anvil"))) {
            try {
                Process npm = new ProcessBuilder(List.of("npm", "ci", "--no-audit", "--no-fund"))
                        .directory(dir.toFile()).inheritIO().start();
                if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                    throw new IllegalStateException("npm ci failed in " + dir);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot run npm in " + dir, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return modules;
    }

    /** Finds {@code test-support/src/main/node/anvil} from the working directory of any module of the build. */
    private static Path packageDirectory() {
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("test-support/src/main/node/anvil");
            if (Files.isRegularFile(candidate.resolve("package.json"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("test-support/src/main/node/anvil not found above " + Paths.get("")
                .toAbsolutePath());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
