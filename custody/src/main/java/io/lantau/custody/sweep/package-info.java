/**
 * Hot-to-cold sweeps executed on chain (HK-16, HK-17): what {@code hotcold.SweepPlanner} proposes is signed by the hot
 * signer to the configured cold address only, broadcast, confirmed, and then moved HOT to COLD in the tiers and the
 * custody ledger exactly once.
 */
package io.lantau.custody.sweep;
