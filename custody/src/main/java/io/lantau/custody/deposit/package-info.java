/**
 * Deposits (HK-18): one deposit address per client, the tracker that finds transfers to them on chain, waits for the
 * profile's confirmation count, checks the block is still on the best chain, and credits the core exactly once.
 */
package io.lantau.custody.deposit;
