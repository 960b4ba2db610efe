/**
 * Per-account read models built from the core's events: balances, open orders and recently ended orders, so that a
 * client reads its own writes as soon as it gets its answer.
 */
package io.lantau.store.account;
