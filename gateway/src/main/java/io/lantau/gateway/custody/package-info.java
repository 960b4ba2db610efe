/**
 * Native API endpoints for on-chain custody (issue 5, HK-18): deposit addresses and history, the withdrawal address
 * book with ownership proofs, withdrawals with TOTP, and the staff review of large withdrawals.
 */
package io.lantau.gateway.custody;
