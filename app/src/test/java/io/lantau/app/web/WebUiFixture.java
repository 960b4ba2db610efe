package io.lantau.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import io.lantau.app.platform.PlatformHarness;
import io.lantau.compliance.security.Base32;
import io.lantau.compliance.security.Totp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/** What the browser tests share: signing up through the UI, screenshots, TOTP codes. */
final class WebUiFixture {
    static final String PASSWORD = "correct horse battery staple 42";
    /** Where the README's screenshots live (the repository's docs/screenshots, from the app module). */
    static final Path SCREENSHOTS = screenshots();

    private WebUiFixture() {
    }

    private static Path screenshots() {
        Path cwd = Path.of("").toAbsolutePath();
        Path root = cwd.getFileName().toString().equals("app") ? cwd.getParent() : cwd;
        return root.resolve("docs").resolve("screenshots");
    }

    static String newEmail() {
        return "web-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** Signs up through the sign-up page and returns the account number the account page shows. */
    static long signUp(Page page, PlatformHarness harness, String email) {
        page.navigate(harness.baseUrl() + "/#/signup");
        page.locator("#signup-email").fill(email);
        page.locator("#signup-password").fill(PASSWORD);
        page.locator("#signup-submit").click();
        assertThat(page.locator("#account-email")).hasText(email);
        return Long.parseLong(page.locator("#account-id").textContent().trim());
    }

    static void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** The authenticator code for the step {@code offset} steps from now (an authenticator app's job). */
    static String totpCode(String base32Secret, int offset) {
        return Totp.code(Base32.decode(base32Secret), Totp.step(Instant.now().getEpochSecond()) + offset);
    }
}
