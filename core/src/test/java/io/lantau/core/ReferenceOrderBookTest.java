package io.lantau.core;

class ReferenceOrderBookTest extends OrderBookContractTest {
    @Override
    OrderBook newBook() {
        return new ReferenceOrderBook();
    }
}
