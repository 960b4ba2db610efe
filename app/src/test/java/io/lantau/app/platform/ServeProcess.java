package io.lantau.app.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code lantau serve} in a child JVM on the test's class path: started on a data directory with {@code --port 0},
 * its output drained to a log file (and the last lines kept for failure messages), its port read from the banner.
 */
final class ServeProcess implements AutoCloseable {
    private static final Pattern BANNER_PORT = Pattern.compile("Web: +http://localhost:(\\d+)/");
    private static final int KEPT_LINES = 80;

    private final Process process;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private final Thread drainer;
    private volatile int port;

    private ServeProcess(Process process, Path log) {
        this.process = process;
        this.drainer = new Thread(() -> drain(log), "serve-output-" + process.pid());
        drainer.setDaemon(true);
        drainer.start();
    }

    /** Starts {@code lantau serve --data-dir DIR --port 0}; returns once the banner has named the port. */
    static ServeProcess start(Path dataDir, Path log, Duration timeout) throws IOException, InterruptedException {
        return start(dataDir, log, timeout, -1);
    }

    /**
     * As {@link #start(Path, Path, Duration)}, but returns after {@code returnAfterMillis} even without a banner
     * (to kill it while it recovers); a negative value waits for the banner.
     */
    static ServeProcess start(Path dataDir, Path log, Duration timeout, long returnAfterMillis)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.lantau.app.LantauCommand",
                "serve", "--data-dir", dataDir.toString(), "--port", "0", "--host", "127.0.0.1", "--profile", "OPEN"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        ServeProcess serve = new ServeProcess(process, log);
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        while (serve.port == 0) {
            if (returnAfterMillis >= 0 && System.nanoTime() - started > returnAfterMillis * 1_000_000) {
                return serve;
            }
            if (!process.isAlive()) {
                serve.drainer.join(5_000);
                throw new IllegalStateException("lantau serve exited with " + process.exitValue() + ":\n"
                        + serve.lastLines());
            }
            if (System.nanoTime() > deadline) {
                serve.kill();
                throw new IllegalStateException("lantau serve printed no banner within " + timeout + ":\n"
                        + serve.lastLines());
            }
            Thread.sleep(20);
        }
        return serve;
    }

    int port() {
        return port;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    /** Polls {@code /health} until it answers 200 (UP) or the timeout passes; returns the body. */
    String awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("lantau serve died:\n" + lastLines());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                last = r.statusCode() + " " + r.body();
                if (r.statusCode() == 200) {
                    return r.body();
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("not healthy within " + timeout + ": " + last + "\n" + lastLines());
    }

    /** SIGKILL, then waits for the process to be gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the child survived SIGKILL");
        }
        drainer.join(5_000);
    }

    /** SIGTERM (the shutdown hook stops the platform in order); @return the exit code. */
    int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("lantau serve did not stop within " + timeout + ":\n" + lastLines());
        }
        drainer.join(5_000);
        return process.exitValue();
    }

    String lastLines() {
        synchronized (lastLines) {
            return String.join("\n", lastLines);
        }
    }

    private void drain(Path log) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND))) {
            out.println("==== lantau serve, pid " + process.pid());
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.println(line);
                out.flush();
                synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > KEPT_LINES) {
                        lastLines.removeFirst();
                    }
                }
                Matcher m = BANNER_PORT.matcher(line);
                if (port == 0 && m.find()) {
                    port = Integer.parseInt(m.group(1));
                }
            }
        } catch (IOException e) {
            // The pipe breaks when the child is killed; what was read is in the log.
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
