/**
 * Reconciliation (REGULATORY.md HK-33): the core's ledger ({@link io.lantau.custody.reconcile.CoreLedger}), the
 * custody ledger ({@link io.lantau.custody.reconcile.CustodyBalances}) and the balances on chain
 * ({@link io.lantau.custody.chain.ChainAdapter#balanceOf}) are compared per asset on demand and on a schedule by
 * {@link io.lantau.custody.reconcile.Reconciler}. A discrepancy opens an incident
 * ({@link io.lantau.custody.reconcile.Incidents}, with an audit-trail entry) and, while any incident of the asset is
 * open, {@link io.lantau.custody.reconcile.WithdrawalFreeze#isFrozen} tells every withdrawal path to refuse.
 */
package io.lantau.custody.reconcile;
