/**
 * The custody ledger (HK-15): an append-only record of every movement of value on the platform's own addresses, in
 * the chain's base units, split by owner (client trust or house), so that the core's client liabilities, the custody
 * ledger and the chains' balances can be reconciled. Also the profile's {@code custody} section.
 */
package io.lantau.custody.ledger;
