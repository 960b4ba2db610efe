/**
 * Proof of reserves (REGULATORY.md PoR-1 to PoR-4): a Merkle sum tree over client liabilities at a core snapshot
 * ({@link io.lantau.custody.reserves.MerkleSumTree}), the published root and each client's inclusion proof
 * ({@link io.lantau.custody.reserves.ReservesPublisher}, {@link io.lantau.custody.reserves.ReservesRepository}), a
 * verifier that trusts nothing but the proof file ({@link io.lantau.custody.reserves.ReservesVerifier}), and the
 * asset side: on-chain balances with signed proofs of control plus declared fiat
 * ({@link io.lantau.custody.reserves.ReservesReport}).
 */
package io.lantau.custody.reserves;
