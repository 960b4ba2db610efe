/**
 * The operator's admin API under {@code /api/lantau/v1/admin}, used by {@code lantau admin}: authenticated by the
 * admin token kept in the data directory (or configured), compared in constant time. Demo funding exists only in
 * demo mode.
 */
package io.lantau.gateway.admin;
