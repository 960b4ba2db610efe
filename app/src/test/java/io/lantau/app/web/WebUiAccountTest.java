package io.lantau.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.lantau.app.web.WebUiFixture.screenshot;
import static io.lantau.app.web.WebUiFixture.signUp;
import static io.lantau.app.web.WebUiFixture.totpCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.lantau.app.platform.PlatformHarness;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Accounts in a real browser: pages that need a session send a visitor to sign-in; TOTP enrolment with a QR code and
 * the second sign-in step (HK-29); API keys whose secret is shown once (HK-31); the Chinese locales.
 */
class WebUiAccountTest {
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
    void aPageThatNeedsASessionRedirectsToSignInAndComesBackAfterIt() {
        Page page = chromium.page(false);
        String email = WebUiFixture.newEmail();
        signUp(page, harness, email);
        page.locator("#session-area button").click();   // sign out
        assertThat(page.locator("#session-area a[href='#/login']")).isVisible();

        page.navigate(harness.baseUrl() + "/#/account");
        assertThat(page).hasURL(Pattern.compile(".*#/login/%2Faccount$"));
        assertThat(page.locator("#account-email")).hasCount(0);
        page.locator("#login-email").fill(email);
        page.locator("#login-password").fill("not the password at all");
        page.locator("#login-submit").click();
        assertThat(page.locator("#login-status")).hasText("The email address or password is not correct.");
        page.locator("#login-password").fill(WebUiFixture.PASSWORD);
        page.locator("#login-submit").click();
        assertThat(page.locator("#account-email")).hasText(email);
        assertThat(chromium.problems()).isEmpty();
    }

    @Test
    void totpIsEnrolledWithAQrCodeAndThenAskedForAtSignIn() {
        Page page = chromium.page(false);
        String email = WebUiFixture.newEmail();
        signUp(page, harness, email);
        page.locator("#totp-enrol").click();
        assertThat(page.locator("#totp-qr")).isVisible();
        Object qrWidth = page.locator("#totp-qr").evaluate("img => img.naturalWidth");
        assertThat(((Number) qrWidth).intValue()).isGreaterThan(100);
        assertThat(page.locator("#totp-qr")).hasAttribute("src", Pattern.compile("^data:image/gif;base64,.+"));
        String secret = page.locator("#totp-secret").textContent().trim();
        screenshot(page, "account-totp-enrolment");

        page.locator("#totp-code").fill(totpCode(secret, 0));
        page.locator(".totp button[type=submit]").click();
        assertThat(page.locator("#totp-status")).hasText("Two-factor sign-in is now on.");
        assertThat(page.locator("#totp-secret")).hasCount(0);           // shown once, gone now
        page.reload();
        assertThat(page.locator("div[data-status=ACTIVE]")).isVisible();
        assertThat(page.content()).doesNotContain(secret);

        page.locator("#session-area button").click();    // sign out
        assertThat(page.locator("#session-area a[href='#/login']")).isVisible();
        page.locator("#session-area a[href='#/login']").click();
        page.locator("#login-email").fill(email);
        page.locator("#login-password").fill(WebUiFixture.PASSWORD);
        page.locator("#login-submit").click();
        assertThat(page.locator("#totp-code")).isVisible();
        assertThat(page.locator("#account-email")).hasCount(0);        // no session before the code
        page.locator("#totp-code").fill(totpCode(secret, 1));
        page.locator(".totp button[type=submit]").click();
        assertThat(page.locator("#order-entry")).isVisible();            // signed in, on the terminal
        assertThat(page.locator("#session-area .who")).hasText(email);
    }

    @Test
    void anApiKeysSecretIsShownOnceWithItsPermissionsAndAllowlist() {
        Page page = chromium.page(false);
        signUp(page, harness, WebUiFixture.newEmail());
        page.locator("#key-label").fill("my bot");
        page.locator("#key-trade").check();
        page.locator("#key-ips").fill("203.0.113.7, 198.51.100.0/24");
        page.locator("#key-create").click();
        assertThat(page.locator("#new-api-secret")).isVisible();
        String secret = page.locator("#new-api-secret").textContent().trim();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(32);
        assertThat(page.locator("tr[data-key-id] td").nth(2)).hasText("Read, Trade");
        assertThat(page.locator("tr[data-key-id] td").nth(3)).hasText("203.0.113.7, 198.51.100.0/24");
        screenshot(page, "account-api-key");

        page.reload();
        assertThat(page.locator("tr[data-key-id]")).hasCount(1);
        assertThat(page.locator("#new-api-secret")).hasCount(0);
        assertThat(page.content()).doesNotContain(secret);
        page.locator("tr[data-key-id] button").click();                  // revoke
        assertThat(page.locator("tr[data-key-id] td").nth(5)).hasText("Revoked");
    }

    @Test
    void theChineseLocalesRenderAndTheChoiceIsKept() {
        Page page = chromium.page(false);
        page.navigate(harness.baseUrl() + "/#/markets");
        assertThat(page.locator("main h1")).hasText("Markets");
        page.locator("#lang-select").selectOption("zh-Hant");
        assertThat(page.locator("main h1")).hasText("市場");
        assertThat(page.locator("#nav a").first()).hasText("市場");
        assertThat(page.locator("html")).hasAttribute("lang", "zh-Hant");
        page.reload();
        assertThat(page.locator("main h1")).hasText("市場");                // persisted
        screenshot(page, "markets-zh-Hant");

        page.locator("#lang-select").selectOption("zh-Hans");
        assertThat(page.locator("main h1")).hasText("市场");
        page.navigate(harness.baseUrl() + "/#/trade/ETHHKD");
        assertThat(page.locator("#book-h")).hasText("订单簿");
        assertThat(page.locator("#order-entry a")).hasText("登录后交易");
        screenshot(page, "terminal-zh-Hans");

        signUp(page, harness, WebUiFixture.newEmail());
        assertThat(page.locator("#totp-h")).hasText("双重验证登录");
        page.locator("#lang-select").selectOption("zh-Hant");
        assertThat(page.locator("#totp-h")).hasText("雙重認證登入");
        page.navigate(harness.baseUrl() + "/#/trade/BTCHKD");
        page.locator("#order-type").selectOption("LIMIT");
        page.locator("#order-price").fill("500005");
        page.locator("#order-quantity").fill("0.010");
        page.locator("#order-submit").click();
        assertThat(page.locator("#order-status")).hasText("價格必須為價格單位 10 的倍數。");
        assertThat(page.locator("#order-submit")).hasText("買入 BTC");
        screenshot(page, "terminal-zh-Hant");
        assertThat(chromium.problems()).isEmpty();
    }
}
