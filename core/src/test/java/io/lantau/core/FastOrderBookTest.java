package io.lantau.core;

class FastOrderBookTest extends OrderBookContractTest {
    @Override
    OrderBook newBook() {
        return new FastOrderBook();
    }
}
