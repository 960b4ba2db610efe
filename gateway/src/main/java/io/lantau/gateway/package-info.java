/**
 * The gateway: HTTP REST and WebSocket in front of the core. It authenticates, rate-limits, validates and translates;
 * it never touches core state directly (it submits commands) and never blocks the core (it reads read models).
 */
package io.lantau.gateway;
