/** The HTTP server itself: Vert.x set-up, body limits, fallbacks, health and metrics. */
package io.lantau.gateway.http;
