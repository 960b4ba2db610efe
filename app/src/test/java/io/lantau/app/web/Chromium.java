package io.lantau.app.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Headless Debian Chromium ({@code /usr/bin/chromium}) driven by Playwright, with no browser download and no look-ups
 * of outside hosts. Each {@link #page} is a fresh browser context (its own cookies and storage: one user); every
 * console error, uncaught script error and Content-Security-Policy violation of its pages is collected in
 * {@link #problems()} so that a test can require none.
 */
final class Chromium implements AutoCloseable {
    static final Path EXECUTABLE = Paths.get("/usr/bin/chromium");

    private final Playwright playwright;
    private final Browser browser;
    private final List<String> problems = new CopyOnWriteArrayList<>();

    Chromium() {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException("the browser tests need Debian's chromium: apt-get install -y chromium");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
                        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1")));
    }

    /** A page in a new context (a new user), laptop-sized unless {@code phone}. */
    Page page(boolean phone) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(phone ? 390 : 1440, phone ? 844 : 900)
                .setDeviceScaleFactor(1).setIsMobile(phone).setHasTouch(phone).setLocale("en-GB")
                .setTimezoneId("Asia/Hong_Kong"));
        Page page = context.newPage();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error") && !isExpectedHttpRefusal(m.text())) {
                problems.add(m.text());
            }
        });
        page.onPageError(e -> problems.add("uncaught: " + e));
        return page;
    }

    /**
     * Chromium logs each 4xx answer as a console error ("Failed to load resource"); those are the API's refusals the
     * page shows (a rejected order, "not signed in"), not faults of the page.
     */
    private static boolean isExpectedHttpRefusal(String text) {
        return text.startsWith("Failed to load resource: the server responded with a status of 4");
    }

    List<String> problems() {
        return problems;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
