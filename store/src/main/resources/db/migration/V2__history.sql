-- Order and trade history, 1-minute candles and projection offsets, written by HistoryProjection from the core's
-- events. Amounts are the core's longs: prices in ticks, quantities in lots, money in the quote asset's minor unit.
-- Times of orders and trades are the sequencer's epoch NANOseconds (exact; millis = nanos / 1 000 000);
-- candle open times are epoch MILLIseconds. Enumerations are stored by their Java names.
-- account_id is the core's account id (= users.id for users) and has no foreign key: the fee account and
-- operator accounts have no user row, and history must never be refused.

-- Every order the core accepted (rejected orders are not orders), in its latest state.
CREATE TABLE orders (
    order_id                BIGINT PRIMARY KEY,
    account_id              BIGINT      NOT NULL,
    market_id               INTEGER     NOT NULL,
    client_order_id         VARCHAR(36),
    side                    VARCHAR(4)  NOT NULL,
    order_type              VARCHAR(16) NOT NULL,
    time_in_force           VARCHAR(3)  NOT NULL,
    stp                     VARCHAR(16) NOT NULL,
    price_ticks             BIGINT      NOT NULL,
    quantity_lots           BIGINT      NOT NULL,
    quote_amount_minor      BIGINT      NOT NULL,
    filled_lots             BIGINT      NOT NULL,
    cumulative_quote_minor  BIGINT      NOT NULL,
    cumulative_fee_minor    BIGINT      NOT NULL,
    -- What the order still holds while open; 0 once it has ended (the core then releases it).
    locked_minor            BIGINT      NOT NULL,
    status                  VARCHAR(16) NOT NULL,
    created_nanos           BIGINT      NOT NULL,
    updated_nanos           BIGINT      NOT NULL
);
CREATE INDEX orders_by_account_market ON orders (account_id, market_id, order_id);
CREATE INDEX orders_by_account_client_id ON orders (account_id, client_order_id, order_id);
CREATE INDEX orders_by_account_market_time ON orders (account_id, market_id, created_nanos, order_id);

CREATE TABLE trades (
    trade_id            BIGINT PRIMARY KEY,
    market_id           INTEGER    NOT NULL,
    price_ticks         BIGINT     NOT NULL,
    quantity_lots       BIGINT     NOT NULL,
    quote_minor         BIGINT     NOT NULL,
    taker_order_id      BIGINT     NOT NULL,
    taker_account_id    BIGINT     NOT NULL,
    taker_side          VARCHAR(4) NOT NULL,
    maker_order_id      BIGINT     NOT NULL,
    maker_account_id    BIGINT     NOT NULL,
    taker_fee_minor     BIGINT     NOT NULL,
    maker_fee_minor     BIGINT     NOT NULL,
    time_nanos          BIGINT     NOT NULL
);
CREATE INDEX trades_by_market ON trades (market_id, trade_id);
CREATE INDEX trades_by_market_time ON trades (market_id, time_nanos, trade_id);
CREATE INDEX trades_by_taker ON trades (taker_account_id, market_id, trade_id);
CREATE INDEX trades_by_maker ON trades (maker_account_id, market_id, trade_id);

-- One row per market and minute that had at least one trade; longer intervals are folded from these.
CREATE TABLE candles_1m (
    market_id           INTEGER NOT NULL,
    open_time_millis    BIGINT  NOT NULL,
    open_ticks          BIGINT  NOT NULL,
    high_ticks          BIGINT  NOT NULL,
    low_ticks           BIGINT  NOT NULL,
    close_ticks         BIGINT  NOT NULL,
    volume_lots         BIGINT  NOT NULL,
    quote_volume_minor  BIGINT  NOT NULL,
    trade_count         BIGINT  NOT NULL,
    first_trade_id      BIGINT  NOT NULL,
    last_trade_id       BIGINT  NOT NULL,
    PRIMARY KEY (market_id, open_time_millis)
);

-- The last command sequence whose events a projection has written, committed with the data it wrote.
CREATE TABLE projection_offsets (
    name           VARCHAR(64) PRIMARY KEY,
    last_sequence  BIGINT NOT NULL
);
