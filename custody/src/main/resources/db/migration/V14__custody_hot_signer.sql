-- The hot signer's key (issue 5, HK-19): AES-256-GCM ciphertext under a key derived from two operators' secrets.
CREATE TABLE custody_signer_keys (
    chain        VARCHAR(8)   NOT NULL PRIMARY KEY,
    address      VARCHAR(128) NOT NULL,
    sealed       VARCHAR(1024) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
