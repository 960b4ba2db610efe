/**
 * The public-chain side of export (where the profile allows it; never under the mainland profile, CN-07): the
 * platform's ERC-721 contract ({@code src/main/solidity/LantauCollectibles.sol}, compiled offline with solc 0.8.37
 * and OpenZeppelin 5.7.0 into the committed {@code LantauCollectibles.json}), deployed and called with web3j raw
 * transactions and the ABI encoder, no generated wrappers.
 */
package io.lantau.collectibles.chain;
