/**
 * Users, API keys and sessions in the relational store, and the per-account read model built from the core's events
 * (balances, open orders and recently ended orders), so that a client reads its own writes as soon as it gets its
 * answer.
 */
package io.lantau.store.account;
