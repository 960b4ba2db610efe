/**
 * Native API endpoints of custody (REGULATORY.md HK-07, HK-16, HK-17, HK-22, HK-33): the client's designated bank
 * account, fiat deposit instructions and withdrawals ({@link io.lantau.gateway.fiat.FiatEndpoints}), and the staff
 * views and actions over statements, held payments, hot and cold storage, reconciliation and the travel rule
 * ({@link io.lantau.gateway.fiat.CustodyStaffEndpoints}). Refusals carry {@link io.lantau.gateway.fiat.CustodyError}
 * codes.
 */
package io.lantau.gateway.fiat;
