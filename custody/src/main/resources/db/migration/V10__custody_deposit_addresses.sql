-- Custody wallets (REGULATORY.md HK-15, HK-16): the platform holds extended PUBLIC keys only and derives one deposit
-- address per client account and chain. The SQL subset that both H2 (MODE=PostgreSQL) and PostgreSQL accept.

-- The account key each chain's addresses are derived from ([fingerprint/path]xpub). Recorded with the first address
-- handed out; a platform configured later with a different key refuses to start handing out addresses, since the
-- stored indexes would then name other addresses than the ones clients were given.
CREATE TABLE custody_wallet_keys (
    chain          VARCHAR(8) PRIMARY KEY,
    key_identity   VARCHAR(256) NOT NULL,
    registered_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One deposit address per client account and chain, at a derivation index that is never given to another account.
CREATE TABLE deposit_addresses (
    chain          VARCHAR(8) NOT NULL,
    account_id     BIGINT NOT NULL,
    address_index  INTEGER NOT NULL,
    address        VARCHAR(128) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (chain, account_id),
    CONSTRAINT deposit_addresses_index_unique UNIQUE (chain, address_index),
    CONSTRAINT deposit_addresses_address_unique UNIQUE (chain, address),
    CONSTRAINT deposit_addresses_index_check CHECK (address_index >= 0)
);
