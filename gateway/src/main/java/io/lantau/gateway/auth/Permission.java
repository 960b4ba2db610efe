package io.lantau.gateway.auth;

/** What a signed endpoint needs its key to allow. */
public enum Permission { READ, TRADE, WITHDRAW }
