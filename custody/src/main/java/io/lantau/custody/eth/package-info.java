/**
 * Ethereum over JSON-RPC with web3j: the {@link io.lantau.custody.chain.ChainAdapter} for ETH, and the exact
 * conversion between wei (18 decimals on chain) and the books' minor units (8 decimals, {@code StandardMarkets.ETH}).
 */
package io.lantau.custody.eth;
