package io.lantau.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.app.platform.PlatformHarness;
import io.lantau.gateway.web.WebUi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the gateway serves the UI: content types, the Content-Security-Policy, caching, and the APIs left alone. */
class WebUiServingTest {
    @TempDir
    static Path dataDir;
    static PlatformHarness harness;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        harness = new PlatformHarness(dataDir);
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(harness.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theEntryPageIsHtmlUnderAStrictPolicyAndAlwaysRevalidated() throws Exception {
        HttpResponse<String> r = get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(r.body()).contains("<script type=\"module\" src=\"/ui/app/main.js\">");
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue(WebUi.CONTENT_SECURITY_POLICY);
        assertThat(WebUi.CONTENT_SECURITY_POLICY).contains("script-src 'self'").doesNotContain("unsafe");
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-cache");
    }

    @Test
    void scriptsStylesAndCataloguesHaveTheirTypesAndVendoredFilesAreImmutable() throws Exception {
        HttpResponse<String> js = get("/ui/app/main.js");
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                .matches("(application|text)/javascript.*"));
        assertThat(js.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(get("/ui/css/app.css").headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/css"));
        HttpResponse<String> zh = get("/ui/i18n/zh-Hant.json");
        assertThat(zh.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("application/json"));
        assertThat(zh.body()).contains("\"nav.markets\": \"市場\"");
        HttpResponse<String> vendor = get("/ui/vendor/lightweight-charts-4.2.3.mjs");
        assertThat(vendor.statusCode()).isEqualTo(200);
        assertThat(vendor.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
    }

    @Test
    void unknownFilesAndApiPathsKeepTheApisAnswers() throws Exception {
        HttpResponse<String> missing = get("/ui/app/nope.js");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(get("/api/v3/ping").body()).isEqualTo("{}");
        HttpResponse<String> unknownApi = get("/api/v3/nope");
        assertThat(unknownApi.statusCode()).isEqualTo(404);
        assertThat(unknownApi.body()).contains("-1100");
        assertThat(get("/ui/../../../etc/passwd").statusCode()).isIn(400, 404);
    }
}
