package io.lantau.gateway.nativeapi;

import io.lantau.compliance.security.SecretSealer;
import io.lantau.compliance.security.SecurityAuditSink;
import io.lantau.compliance.security.SecurityRefusedException;
import io.lantau.compliance.security.SecurityServices;
import io.lantau.store.dispatch.CommandSubmitter;
import io.lantau.compliance.onboarding.AccessAction;
import io.lantau.gateway.auth.AccessRecorder;
import io.lantau.gateway.auth.SecretCipher;
import io.lantau.gateway.auth.StoredApiKeys;
import io.lantau.gateway.limits.RateLimiter;
import io.lantau.gateway.limits.RateLimits;
import io.lantau.store.account.ApiKeyRepository;
import io.lantau.store.account.Session;
import io.lantau.store.account.SessionRepository;
import io.lantau.store.account.UserRepository;
import io.lantau.gateway.nativeapi.NativeRoutes.Access;
import io.lantau.gateway.nativeapi.NativeRoutes.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.time.Clock;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The native API, {@code /api/lantau/v1}: registration, sign-in with a cookie session, and API key management.
 *
 * <table>
 * <caption>Endpoints</caption>
 * <tr><th>request</th><th>needs</th><th>answer</th></tr>
 * <tr><td>{@code POST /register {email, password}}</td><td>-</td><td>201 {@code {userId}}</td></tr>
 * <tr><td>{@code POST /login {email, password}}</td><td>-</td><td>200 {@code {userId, csrfToken}} + cookie</td></tr>
 * <tr><td>{@code POST /logout}</td><td>session, CSRF</td><td>204, cookie cleared</td></tr>
 * <tr><td>{@code GET /me}</td><td>session</td><td>200 {@code {userId, email, status}}</td></tr>
 * <tr><td>{@code POST /api-keys {label, permissions?, ipAllowlist?, type?, publicKey?}}</td><td>session,
 * CSRF</td><td>201 the key (+ {@code secret} once, for HMAC)</td></tr>
 * <tr><td>{@code GET /api-keys}</td><td>session</td><td>200 the caller's keys</td></tr>
 * <tr><td>{@code DELETE /api-keys/{id}}</td><td>session, CSRF</td><td>200 the revoked key</td></tr>
 * <tr><td>{@code POST /login/totp {loginToken, code}}</td><td>-</td><td>200 as {@code /login}</td></tr>
 * <tr><td>{@code POST /login/totp/enrol {loginToken}}</td><td>-</td><td>200 {@code {secret, uri}} once</td></tr>
 * <tr><td>{@code POST /login/totp/confirm {loginToken, code}}</td><td>-</td><td>200 as {@code /login}</td></tr>
 * <tr><td>{@code GET /totp}</td><td>session</td><td>200 {@code {status, required}}</td></tr>
 * <tr><td>{@code POST /totp/enrol}</td><td>session, CSRF</td><td>200 {@code {secret, uri}} once</td></tr>
 * <tr><td>{@code POST /totp/confirm {code}}</td><td>session, CSRF</td><td>200 {@code {status}}</td></tr>
 * <tr><td>{@code GET /staff/me}, {@code /staff/members}, {@code /staff/approvals}</td><td>staff session</td>
 * <td>200</td></tr>
 * <tr><td>{@code POST /staff/approvals/{id}/approve}, {@code .../reject {reason?}}</td><td>staff session,
 * CSRF</td><td>200 the decided request</td></tr>
 * <tr><td>{@code POST /staff/roles {userId, role, grant?}}, {@code POST /staff/totp-resets {userId}}</td>
 * <td>staff session, CSRF</td><td>202 the pending request</td></tr>
 * </table>
 *
 * <p>Sign-in with TOTP (HK-29): see {@link TotpEndpoints}. A correct password alone opens a session only for a user
 * without active TOTP where the settings do not require it; otherwise {@code POST /login} answers 401
 * {@code TOTP_REQUIRED} or {@code TOTP_ENROLMENT_REQUIRED} with a {@code loginToken} for the second step.
 *
 * <p>Every refusal is {@code {"code", "message"}} with a {@link NativeError} code. Registration and sign-in are
 * limited per client IP; request bodies must be {@code application/json} objects of known fields. Answers carry
 * {@code Cache-Control: no-store}.
 *
 * <p>Threading: route handlers copy the request on the event loop and run the work (JDBC, Argon2id, waiting for the
 * core) on a worker pool of {@code workerThreads} named {@code lantau-native-api}; {@link #close()} releases it.
 */
public final class NativeApi implements AutoCloseable {
    /** Where the API is mounted. */
    public static final String PREFIX = "/api/lantau/v1";
    private static final Logger LOG = LoggerFactory.getLogger(NativeApi.class);
    private static final long SESSION_SWEEP_MILLIS = 10 * 60_000;

    private final NativeApiSettings settings;
    private final Vertx vertx;
    private final WorkerExecutor workers;
    private final SessionRepository sessionRepository;
    private final Clock clock;
    private final long sweepTimer;
    private final Sessions sessions;
    private final RateLimiter authLimiter;
    private final LoginChallenges challenges;
    private final AccountEndpoints accounts;
    private final ApiKeyEndpoints apiKeys;
    private final TotpEndpoints totp;
    private final StaffEndpoints staff;
    private final StaffAccess staffAccess;
    private final List<EndpointGroup> groups = new ArrayList<>();
    /** Every route's path template as a pattern, for telling 405 from 404. */
    private final List<Pattern> routePatterns = new ArrayList<>();
    /** Routes whose requests the access log records (HK-23), by "METHOD path". */
    private final Map<String, AccessAction> recordedRoutes = new HashMap<>();
    private AccessRecorder accessRecorder = AccessRecorder.NONE;

    /**
     * Builds the API from the store's data source, with the account-security services on the same store and no
     * audit sink ({@link SecurityAuditSink#NONE}).
     *
     * @param vertx      the Vert.x instance of the HTTP server (its worker pool is created here).
     * @param dataSource the relational store (users, API keys, sessions, TOTP, staff, approvals).
     * @param cipher     seals HMAC and TOTP secrets under the master key.
     * @param keyCache   the API key cache that authenticates signed requests; told of each revoke.
     * @param submitter  the journaled core, to open each new user's account.
     * @param settings   password, lock-out, session, hashing and TOTP rules.
     * @param clock      the wall clock (sessions, lock-out, TOTP steps, timestamps); a test moves its own.
     */
    public NativeApi(Vertx vertx, DataSource dataSource, SecretCipher cipher, StoredApiKeys keyCache,
            CommandSubmitter submitter, NativeApiSettings settings, Clock clock) {
        this(vertx, dataSource, cipher, keyCache, submitter, settings, clock,
                SecurityServices.create(dataSource, sealer(cipher), SecurityAuditSink.NONE, clock));
    }

    /**
     * Builds the API from the store's data source and the account-security services the wiring made (with its audit
     * sink and any further maker-checker actions registered); see the other constructor.
     *
     * @param security TOTP, staff roles, approvals, notifications and the audit sink, on the same store.
     */
    public NativeApi(Vertx vertx, DataSource dataSource, SecretCipher cipher, StoredApiKeys keyCache,
            CommandSubmitter submitter, NativeApiSettings settings, Clock clock, SecurityServices security) {
        this(vertx, new UserRepository(dataSource), new ApiKeyRepository(dataSource),
                new SessionRepository(dataSource), cipher, keyCache, submitter, settings, clock, security);
    }

    /** Builds the API from the store's repositories; see the other constructors. */
    public NativeApi(Vertx vertx, UserRepository users, ApiKeyRepository keys, SessionRepository sessionRepository,
            SecretCipher cipher, StoredApiKeys keyCache, CommandSubmitter submitter, NativeApiSettings settings,
            Clock clock, SecurityServices security) {
        this(vertx, users, keys, sessionRepository, cipher, keyCache, submitter, settings, clock, security,
                ClientHooks.NONE);
    }

    /**
     * Builds the API with the licensing profile's registration and sign-in hooks; see the other constructors.
     *
     * @param hooks residency checks, onboarding and the access log (HK-06, HK-23).
     */
    public NativeApi(Vertx vertx, UserRepository users, ApiKeyRepository keys, SessionRepository sessionRepository,
            SecretCipher cipher, StoredApiKeys keyCache, CommandSubmitter submitter, NativeApiSettings settings,
            Clock clock, SecurityServices security, ClientHooks hooks) {
        this.settings = settings;
        this.vertx = vertx;
        this.sessionRepository = sessionRepository;
        this.clock = clock;
        SecureRandom random = new SecureRandom();
        this.sessions = new Sessions(sessionRepository, settings.sessions(), clock, random);
        this.authLimiter = new RateLimiter(new RateLimits(settings.authRequestsPerIpMinute(), Integer.MAX_VALUE,
                Integer.MAX_VALUE, Integer.MAX_VALUE), clock::millis);
        PasswordHasher hasher = new PasswordHasher(settings.hashing(), random);
        SignIns signIns = new SignIns(sessions, new LoginLockout(settings.lockout()), security.notifications(),
                security.audit(), clock, hooks);
        this.challenges = new LoginChallenges(security.loginChallenges(), random, clock);
        this.accounts = new AccountEndpoints(users, sessions, signIns, hasher,
                PasswordPolicy.withShippedList(settings.passwords()),
                new CoreAccounts(submitter, settings.commandTimeout()), security.totp(), challenges,
                settings.totpRequired(), clock, hooks);
        this.apiKeys = new ApiKeyEndpoints(keys, users, keyCache, cipher, random, clock,
                settings.maxActiveApiKeys(), security.audit());
        this.totp = new TotpEndpoints(users, security.totp(), challenges, signIns, security.notifications(),
                security.audit(), settings.totpRequired(), clock);
        this.staffAccess = new StaffAccess(security.staff(), security.totp());
        this.staff = new StaffEndpoints(security.staff(), security.approvals(), staffAccess);
        this.workers = vertx.createSharedWorkerExecutor("lantau-native-api", settings.workerThreads());
        this.sweepTimer = vertx.setPeriodic(SESSION_SWEEP_MILLIS, id -> workers
                .executeBlocking(this::sweepExpiredSessions, false)
                .onFailure(e -> LOG.warn("sweeping expired sessions failed", e)));
    }

    /** @return {@code cipher} as the sealer of TOTP secrets (for {@link SecurityServices#create}). */
    public static SecretSealer sealer(SecretCipher cipher) {
        return new SecretSealer() {
            @Override
            public byte[] seal(byte[] plaintext) {
                return cipher.encrypt(plaintext);
            }

            @Override
            public byte[] open(byte[] sealed) {
                return cipher.decrypt(sealed);
            }
        };
    }

    /**
     * Deletes the sessions and sign-in challenges that have expired (also done every ten minutes). Blocking.
     *
     * @return how many sessions.
     */
    int sweepExpiredSessions() {
        challenges.sweep();
        return sessionRepository.deleteExpired(clock.instant());
    }

    /** Adds a group of endpoints that another module brings; call before {@link #mount}. */
    public NativeApi add(EndpointGroup group) {
        groups.add(group);
        return this;
    }

    /**
     * Records every authenticated request to a route in the access log before the route acts on it (HK-23: the IP
     * address, time and device identifier of each withdrawal request). Call before {@link #mount}.
     *
     * @param path the route's path below {@link #PREFIX}, as its group registers it.
     */
    public NativeApi recordAccess(HttpMethod method, String path, AccessAction action, AccessRecorder recorder) {
        recordedRoutes.put(method.name() + " " + path, action);
        this.accessRecorder = recorder;
        return this;
    }

    /** @return the gate for staff endpoints, for endpoint groups that have some. */
    public StaffAccess staffAccess() {
        return staffAccess;
    }

    /** Adds the API's routes under {@link #PREFIX}; call before the server listens. */
    public void mount(Router router) {
        // Failures raised before our handlers (the gateway's body limit: 413) get our error shape on our paths.
        router.route(PREFIX + "/*").failureHandler(this::failure);
        route(router, HttpMethod.POST, "/register", Access.ANONYMOUS_LIMITED, accounts::register);
        route(router, HttpMethod.POST, "/login", Access.ANONYMOUS_LIMITED, accounts::login);
        route(router, HttpMethod.POST, "/logout", Access.SESSION_CHANGE, accounts::logout);
        route(router, HttpMethod.GET, "/me", Access.SESSION, accounts::me);
        route(router, HttpMethod.POST, "/api-keys", Access.SESSION_CHANGE, apiKeys::create);
        route(router, HttpMethod.GET, "/api-keys", Access.SESSION, apiKeys::list);
        route(router, HttpMethod.DELETE, "/api-keys/:id", Access.SESSION_CHANGE, apiKeys::revoke);
        route(router, HttpMethod.POST, "/login/totp", Access.ANONYMOUS_LIMITED, totp::loginWithCode);
        route(router, HttpMethod.POST, "/login/totp/enrol", Access.ANONYMOUS_LIMITED, totp::loginEnrol);
        route(router, HttpMethod.POST, "/login/totp/confirm", Access.ANONYMOUS_LIMITED, totp::loginConfirm);
        route(router, HttpMethod.GET, "/totp", Access.SESSION, totp::status);
        route(router, HttpMethod.POST, "/totp/enrol", Access.SESSION_CHANGE, totp::enrol);
        route(router, HttpMethod.POST, "/totp/confirm", Access.SESSION_CHANGE, totp::confirm);
        route(router, HttpMethod.GET, "/staff/me", Access.SESSION, staff::me);
        route(router, HttpMethod.GET, "/staff/members", Access.SESSION, staff::members);
        route(router, HttpMethod.GET, "/staff/approvals", Access.SESSION, staff::pending);
        route(router, HttpMethod.POST, "/staff/approvals/:id/approve", Access.SESSION_CHANGE, staff::approve);
        route(router, HttpMethod.POST, "/staff/approvals/:id/reject", Access.SESSION_CHANGE, staff::reject);
        route(router, HttpMethod.POST, "/staff/roles", Access.SESSION_CHANGE, staff::requestRoleChange);
        route(router, HttpMethod.POST, "/staff/totp-resets", Access.SESSION_CHANGE, staff::requestTotpReset);
        NativeRoutes routes = (method, path, access, maxBodyBytes, handler) ->
                route(router, method, path, access, maxBodyBytes, handler);
        for (EndpointGroup group : groups) {
            group.register(routes);
        }
        router.route(PREFIX + "/*").handler(this::unrouted);
    }

    /** @return the settings in force. */
    public NativeApiSettings settings() {
        return settings;
    }

    private void route(Router router, HttpMethod method, String path, Access access, Handler handler) {
        route(router, method, path, access, 0, handler);
    }

    private void route(Router router, HttpMethod method, String path, Access access, int maxBodyBytes,
            Handler handler) {
        int limit = maxBodyBytes > 0 ? maxBodyBytes : settings.maxBodyBytes();
        AccessAction recorded = recordedRoutes.get(method.name() + " " + path);
        if (recorded != null) {
            Handler inner = handler;
            handler = (request, session) -> {
                accessRecorder.record(session.userId(), recorded, request.clientIp(), request.deviceId(), null);
                return inner.handle(request, session);
            };
        }
        Handler routed = handler;
        routePatterns.add(Pattern.compile(path.replaceAll(":[A-Za-z]+", "[^/]+")));
        router.route(method, PREFIX + path).handler(ctx -> handle(ctx, access, limit, routed));
    }

    private void handle(RoutingContext ctx, Access access, int maxBodyBytes, Handler handler) {
        NativeRequest request = copy(ctx);
        if (request.body().length > maxBodyBytes) {
            send(ctx, Reply.error(NativeError.BODY_TOO_LARGE));
            return;
        }
        if (access == Access.ANONYMOUS_LIMITED) {
            RateLimiter.Verdict verdict = authLimiter.request(request.clientIp(), 1);
            if (!verdict.allowed()) {
                send(ctx, Reply.error(new NativeException(NativeError.TOO_MANY_REQUESTS, null,
                        verdict.retryAfterSeconds())));
                return;
            }
        }
        workers.executeBlocking(() -> run(request, access, handler), false).onComplete(done -> {
            if (done.succeeded()) {
                send(ctx, done.result());
            } else {
                LOG.error("native API worker failed on {}", request, done.cause());
                send(ctx, Reply.error(NativeError.INTERNAL_ERROR));
            }
        });
    }

    private Reply run(NativeRequest request, Access access, Handler handler) {
        try {
            Session session = access == Access.ANONYMOUS_LIMITED || access == Access.PUBLIC ? null
                    : sessions.authenticate(request.sessionToken(), request.csrfToken(),
                            access == Access.SESSION_CHANGE);
            return handler.handle(request, session);
        } catch (NativeException e) {
            return Reply.error(e);
        } catch (SecurityRefusedException e) {
            // Every refusal code of the security services has a native error of the same name.
            return Reply.error(NativeError.valueOf(e.refusal().name()));
        } catch (RuntimeException e) {
            // Exceptions here come from the store or the core, never carry a password or token (only hashes
            // reach the store), and mean a fault of ours.
            LOG.error("native API failed on {}", request, e);
            return Reply.error(NativeError.INTERNAL_ERROR);
        }
    }

    private NativeRequest copy(RoutingContext ctx) {
        byte[] body = ctx.body() == null || ctx.body().buffer() == null ? new byte[0]
                : ctx.body().buffer().getBytes();
        Cookie cookie = ctx.request().getCookie(sessions.cookieName());
        String ip = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().host();
        Map<String, String> query = new HashMap<>();
        ctx.queryParams().forEach(e -> query.putIfAbsent(e.getKey(), e.getValue()));
        return new NativeRequest(ctx.request().method().name(), ctx.request().path(), Map.copyOf(ctx.pathParams()),
                Map.copyOf(query), body, ctx.request().getHeader("Content-Type"), ip,
                cookie == null ? null : cookie.getValue(), ctx.request().getHeader(Sessions.CSRF_HEADER),
                deviceId(ctx));
    }

    /** The device identifier recorded with sign-ins, orders and withdrawals (HK-23). */
    private static String deviceId(RoutingContext ctx) {
        String id = ctx.request().getHeader("X-Device-Id");
        if (id == null || id.isBlank()) {
            id = ctx.request().getHeader("User-Agent");
        }
        if (id == null || id.isBlank()) {
            return "unknown";
        }
        String clean = id.replaceAll("\\p{Cntrl}", "");
        return clean.length() > 128 ? clean.substring(0, 128) : clean;
    }

    private void unrouted(RoutingContext ctx) {
        String path = ctx.request().path().substring(PREFIX.length());
        boolean known = routePatterns.stream().anyMatch(p -> p.matcher(path).matches());
        send(ctx, Reply.error(known ? NativeError.METHOD_NOT_ALLOWED : NativeError.NOT_FOUND));
    }

    private void failure(RoutingContext ctx) {
        int status = ctx.statusCode();
        NativeError error = switch (status) {
            case 413 -> NativeError.BODY_TOO_LARGE;
            case 400 -> NativeError.MALFORMED_JSON;
            case 404 -> NativeError.NOT_FOUND;
            case 405 -> NativeError.METHOD_NOT_ALLOWED;
            default -> NativeError.INTERNAL_ERROR;
        };
        if (error == NativeError.INTERNAL_ERROR) {
            LOG.error("native API request failed: {} {}", ctx.request().method(), ctx.request().path(),
                    ctx.failure());
        }
        send(ctx, Reply.error(error));
    }

    private static void send(RoutingContext ctx, Reply reply) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(reply.status())
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Content-Type-Options", "nosniff");
        for (String cookie : reply.setCookies()) {
            response.headers().add("Set-Cookie", cookie);
        }
        if (reply.retryAfterSeconds() > 0) {
            response.putHeader("Retry-After", Long.toString(reply.retryAfterSeconds()));
        }
        if (reply.json() == null) {
            response.end();
        } else {
            response.putHeader("Content-Type", "application/json;charset=UTF-8").end(reply.json());
        }
    }

    /** Stops the session sweep and releases the worker pool. Idempotent. */
    @Override
    public void close() {
        vertx.cancelTimer(sweepTimer);
        workers.close();
    }
}
