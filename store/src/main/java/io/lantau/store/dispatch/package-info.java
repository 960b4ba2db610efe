/**
 * From the engine to the read models: captures each command's events on the engine thread, holds them until the
 * command is durable, then feeds the projections in sequence order and completes the request that submitted the
 * command, so that a client that got its answer reads its own writes.
 */
package io.lantau.store.dispatch;
