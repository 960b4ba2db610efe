package io.lantau.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.lantau.app.platform.PlatformHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every ES module of the UI loads in Chromium as the gateway serves it: a syntax error in a page that no other browser
 * test happens to open (a staff page, a route a profile never shows) fails here, not in a user's browser.
 */
class WebUiModulesTest {
    private static final Path APP = Path.of("").toAbsolutePath().getFileName().toString().equals("app")
            ? Path.of("..", "web", "src", "main", "resources", "io", "lantau", "web", "static", "ui", "app")
            : Path.of("web", "src", "main", "resources", "io", "lantau", "web", "static", "ui", "app");

    @TempDir
    static Path dataDir;
    static PlatformHarness harness;
    static Chromium chromium;

    @BeforeAll
    static void start() {
        harness = new PlatformHarness(dataDir);
        chromium = new Chromium();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void everyModuleLoads() {
        List<String> modules;
        try (Stream<Path> files = Files.walk(APP)) {
            modules = files.filter(f -> f.toString().endsWith(".js"))
                    .map(f -> "/ui/app/" + APP.relativize(f).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(modules).contains("/ui/app/pages/onboarding.js", "/ui/app/pages/console.js",
                "/ui/app/reserves-verify.js");
        Page page = chromium.page(false);
        page.navigate(harness.baseUrl() + "/#/markets");
        for (String module : modules) {
            Object outcome = page.evaluate("(m) => import(m).then(() => 'loaded', (e) => String(e))", module);
            assertThat(outcome).as(module).isEqualTo("loaded");
        }
        assertThat(chromium.problems()).isEmpty();
    }
}
