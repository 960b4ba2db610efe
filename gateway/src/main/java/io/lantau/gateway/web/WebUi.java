package io.lantau.gateway.web;

import io.lantau.gateway.http.HttpGateway;
import io.lantau.gateway.nativeapi.NativeApi;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * Serves the browser UI (the {@code web} module's {@code io/lantau/web/static} from the class path): {@code /} is the
 * single-page application's {@code index.html} and {@code /ui/*} its scripts, styles, message catalogues and vendored
 * libraries. Navigation inside the application is by URL fragment ({@code /#/trade/BTCHKD}), so no server-side
 * fallback route is needed and every other path stays the APIs'.
 *
 * <p>Every answer carries a strict Content-Security-Policy (scripts, styles, fonts and connections only from this
 * origin, images also as {@code data:} for QR codes, no framing, no plugins, no inline script, no inline style but
 * the chart library's one stylesheet, allowed by its hash), {@code
 * nosniff}, no referrer and a deny of framing. Caching: {@code index.html} and the application's own files are
 * revalidated on every load ({@code no-cache} with Last-Modified, so a new release is picked up at once);
 * {@code /ui/vendor/*}, whose file names carry their version, is cached for a year as immutable.
 */
public final class WebUi {
    /** Where the assets live on the class path (the {@code lantau-web} jar). */
    public static final String WEB_ROOT = "io/lantau/web/static";
    /**
     * SHA-256 of the {@code <style>} text that lightweight-charts 4.2.3 adds for its attribution logo; must change
     * with the vendored version (the browser test fails on any policy violation).
     */
    static final String CHART_ATTRIBUTION_STYLE_HASH = "sha256-3pRED1tOXas1FXFoPb9TGCjmYe9XQsmO9OV23khV2nY=";
    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'none'",
            "script-src 'self'",
            // The one stylesheet the chart library injects (its TradingView attribution logo), allowed by its hash.
            "style-src 'self' '" + CHART_ATTRIBUTION_STYLE_HASH + "'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "manifest-src 'self'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
            "object-src 'none'");
    private static final String VENDOR_PREFIX = "/ui/vendor/";
    private static final long VENDOR_MAX_AGE_SECONDS = 365L * 24 * 3600;

    /** The entry page. */
    private final StaticHandler entry = files(WEB_ROOT);
    /** Under {@code /ui/*}: Vert.x resolves a file relative to the route's prefix, so this root includes it. */
    private final StaticHandler assets = files(WEB_ROOT + "/ui");

    private static StaticHandler files(String root) {
        return StaticHandler.create(root)
                .setIndexPage("index.html")
                .setCachingEnabled(true)
                .setDirectoryListing(false)
                .setIncludeHidden(false)
                .setDefaultContentEncoding("UTF-8");
    }

    /**
     * Wires the UI in one call: adds the session-authenticated trading endpoints to the native API (before it is
     * mounted) and mounts the static files on the gateway.
     */
    public static void install(HttpGateway http, NativeApi nativeApi, WebTradingEndpoints trading) {
        nativeApi.add(trading);
        http.mount(new WebUi()::mount);
    }

    /**
     * Adds the UI's routes; call before the server listens. The file handlers answer GET and HEAD only and pass
     * anything else, and any file they do not have, on to the gateway's JSON 404/405.
     */
    public void mount(Router router) {
        router.route("/").handler(WebUi::headers).handler(entry);
        router.route("/index.html").handler(WebUi::headers).handler(entry);
        router.route("/ui/*").handler(WebUi::headers).handler(assets);
    }

    private static void headers(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        boolean vendored = path.startsWith(VENDOR_PREFIX);
        ctx.addHeadersEndHandler(v -> {
            HttpServerResponse r = ctx.response();
            r.putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("X-Frame-Options", "DENY")
                    .putHeader("Referrer-Policy", "no-referrer")
                    .putHeader("Cross-Origin-Opener-Policy", "same-origin");
            if (r.getStatusCode() < 300 || r.getStatusCode() == 304) {
                r.putHeader("Cache-Control", vendored
                        ? "public, max-age=" + VENDOR_MAX_AGE_SECONDS + ", immutable" : "no-cache");
            }
        });
        ctx.next();
    }
}
