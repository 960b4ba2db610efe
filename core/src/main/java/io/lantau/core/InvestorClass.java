package io.lantau.core;

/**
 * How a client is classified (HK-01). Retail clients are limited to retail-eligible markets (HK-10) and to their
 * exposure limit (HK-04); professional investors are not.
 */
public enum InvestorClass {
    PROFESSIONAL,
    RETAIL
}
