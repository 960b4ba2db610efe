/**
 * Withdrawals (HK-18, HK-29): the address book of destinations each client proved to own, the request path (policy
 * checks with stable refusal codes and no state change on refusal, then the core's lock), manual review above the
 * profile's threshold, and the processor that signs, broadcasts, waits for confirmations and settles exactly once.
 */
package io.lantau.custody.withdrawal;
