/**
 * The licensing framework: jurisdiction profiles as data (HK_VATP, CN_DIGITAL_COLLECTIBLES, OPEN), onboarding and
 * KYC, suitability for retail clients, token admission, screening, and the tamper-evident audit trail. Services beside
 * the core: they keep their records in the relational store and talk to the core only through commands (the core
 * then enforces status, retail access and exposure limits on every order).
 */
package io.lantau.compliance;
