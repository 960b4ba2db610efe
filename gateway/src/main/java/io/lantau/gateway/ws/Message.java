package io.lantau.gateway.ws;

/** One encoded message of a market stream: its bytes for raw connections and for combined ones. */
record Message(Topic topic, byte[] raw, byte[] combined) {
}
