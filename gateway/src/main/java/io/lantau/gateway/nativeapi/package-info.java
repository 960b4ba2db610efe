/**
 * The native API under {@code /api/lantau/v1}: registration, sign-in with a cookie session protected against CSRF
 * and a TOTP second step (HK-29), API key management, and the staff endpoints of maker-checker (HK-17) on the
 * services of {@link io.lantau.compliance.security}. {@link io.lantau.gateway.nativeapi.NativeApi} mounts it; its rules (password policy,
 * lock-out, session timeouts, hashing cost) are one {@link io.lantau.gateway.nativeapi.NativeApiSettings} record,
 * which the jurisdiction profile will supply (HK-31: VATP 12.12(c), (d), (g)). Every refusal is a
 * {@link io.lantau.gateway.nativeapi.NativeError} rendered as {@code {"code": "...", "message": "..."}}.
 *
 * <p>Threading: handlers read the request on the event loop, then do their blocking work (JDBC, Argon2id, waiting for
 * a core command) on a worker pool of the API's own, and answer back on the event loop. Passwords, secrets and
 * tokens are never logged.
 */
package io.lantau.gateway.nativeapi;
