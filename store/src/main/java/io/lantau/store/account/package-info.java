/**
 * Users, their API keys and their web sessions in the relational store. Passwords, secrets and tokens arrive
 * already hashed or encrypted by the gateway: this package stores opaque strings and bytes and never sees a secret.
 * Every repository is thread-safe and borrows one pooled connection per call.
 */
package io.lantau.store.account;
