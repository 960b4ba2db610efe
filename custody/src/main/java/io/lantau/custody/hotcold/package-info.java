/**
 * Hot and cold storage (REGULATORY.md HK-16, HK-17): per asset at least {@code custody.minColdPercent} of client
 * assets in cold storage and at most {@code custody.maxHotPercent} hot (profile figures, {@link
 * io.lantau.custody.ledger.CustodySettings}). {@link io.lantau.custody.hotcold.TierBalances} is the tier ledger,
 * {@link io.lantau.custody.hotcold.SweepPlanner} proposes hot-to-cold sweeps, {@link
 * io.lantau.custody.hotcold.HotColdMonitor} is the continuous check (alert record and notification on a breach) and
 * the gate that refuses a withdrawal above what the hot wallet may release, and {@link
 * io.lantau.custody.hotcold.ColdToHotTopUps} moves assets out of cold only after two approvals by staff of two
 * different roles.
 */
package io.lantau.custody.hotcold;
