package io.lantau.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.lantau.app.web.WebUiFixture.screenshot;
import static io.lantau.app.web.WebUiFixture.totpCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.lantau.app.platform.PlatformConfig;
import io.lantau.app.platform.PlatformHarness;
import io.lantau.core.config.StandardMarkets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The UI under the Hong Kong profile (HK_VATP, the platform's default): the profile in force is always shown, and
 * sign-up goes through TOTP enrolment with a QR code before any session exists (HK-29).
 */
class WebUiHkProfileTest {
    @TempDir
    static Path dataDir;
    static PlatformHarness harness;
    static Chromium chromium;

    @BeforeAll
    static void start() {
        harness = new PlatformHarness(dataDir, PlatformConfig.defaults());
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
    void signUpEnrolsTotpWithAQrCodeAndTheProfileIsAlwaysShown() {
        Page page = chromium.page(false);
        page.navigate(harness.baseUrl() + "/#/markets");
        assertThat(page.locator("#profile-badge")).hasText("Profile: HK_VATP");
        assertThat(page.locator("#profile-badge")).hasAttribute("title",
                "Hong Kong licensed virtual-asset trading platform (SFC VATP Guidelines)");

        String email = WebUiFixture.newEmail();
        page.navigate(harness.baseUrl() + "/#/signup");
        assertThat(page.locator("#signup-residency")).hasAttribute("required", "");
        page.locator("#signup-email").fill(email);
        page.locator("#signup-password").fill(WebUiFixture.PASSWORD);
        page.locator("#signup-residency").selectOption("HK");
        page.locator("#signup-submit").click();
        assertThat(page.locator("#totp-qr")).isVisible();
        assertThat(page.locator("main")).containsText("This platform requires two-factor sign-in");
        assertThat(page.locator("#session-area a[href='#/login']")).isVisible();   // no session yet
        screenshot(page, "signup-totp-required");
        String secret = page.locator("#totp-secret").textContent().trim();
        page.locator("#totp-code").fill(totpCode(secret, 0));
        page.locator(".totp button[type=submit]").click();
        assertThat(page.locator("#account-email")).hasText(email);
        assertThat(page.locator("div[data-status=ACTIVE]")).isVisible();
        assertThat(page.locator("#profile-badge")).hasText("Profile: HK_VATP");

        page.locator("#lang-select").selectOption("zh-Hant");
        assertThat(page.locator("#profile-badge")).hasText("監管框架：HK_VATP");
        assertThat(chromium.problems()).isEmpty();
    }

    @Test
    void aClientWhoHasNotOnboardedSeesWhyTheExchangeRefusesTheOrder() {
        Page page = chromium.page(false);
        String email = WebUiFixture.newEmail();
        page.navigate(harness.baseUrl() + "/#/signup");
        page.locator("#signup-email").fill(email);
        page.locator("#signup-password").fill(WebUiFixture.PASSWORD);
        page.locator("#signup-residency").selectOption("HK");
        page.locator("#signup-submit").click();
        String secret = page.locator("#totp-secret").textContent().trim();
        page.locator("#totp-code").fill(totpCode(secret, 0));
        page.locator(".totp button[type=submit]").click();
        long id = Long.parseLong(page.locator("#account-id").textContent().trim());
        harness.deposit(id, StandardMarkets.HKD.assetId(), 1_000_000_00L);
        page.navigate(harness.baseUrl() + "/#/trade/BTCHKD");
        page.locator("#order-price").fill("500000");
        page.locator("#order-quantity").fill("0.010");
        page.locator("#order-submit").click();
        // Onboarding (KYC, disclosures, knowledge test) is not done: the core refuses, and the page says why.
        assertThat(page.locator("#order-status"))
                .hasText("Rejected by the exchange: This account may not place orders in its current status.");
        assertThat(page.locator("#order-status")).hasAttribute("data-source", "exchange");
    }
}
