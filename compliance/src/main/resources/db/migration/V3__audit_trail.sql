-- The tamper-evident audit trail (HK-33, HK-34): one append-only hash chain of records, written only by
-- io.lantau.compliance.audit.AuditTrail. Each record's hash is SHA-256 over a canonical encoding of all its other
-- columns, previous_hash included, so editing any stored byte breaks the chain at that record
-- (io.lantau.compliance.audit.AuditVerifier). Times are epoch NANOseconds (exact, engine-independent).
-- details is plain text, never JSON(B): the database must hand back exactly the characters that were hashed.
-- UPDATE and DELETE are refused by triggers (V3_1, a Java migration because PostgreSQL's and H2's triggers differ);
-- the one DELETE allowed is a retention purge of records already covered by an anchor.
CREATE TABLE audit_log (
    seq             BIGINT       PRIMARY KEY,
    time_nanos      BIGINT       NOT NULL,
    kind            VARCHAR(40)  NOT NULL,
    actor           VARCHAR(128) NOT NULL,
    subject         VARCHAR(256) NOT NULL,
    details         VARCHAR      NOT NULL,
    previous_hash   CHAR(64)     NOT NULL,
    hash            CHAR(64)     NOT NULL
);
CREATE INDEX audit_log_by_time ON audit_log (time_nanos, seq);
CREATE INDEX audit_log_by_subject ON audit_log (subject, seq);
CREATE INDEX audit_log_by_kind ON audit_log (kind, seq);

-- One row per retention purge: records up to through_seq were deleted, and through_hash was the last one's hash,
-- so the chain still verifies from through_seq + 1. Append-only as well.
CREATE TABLE audit_anchors (
    through_seq         BIGINT   PRIMARY KEY,
    through_hash        CHAR(64) NOT NULL,
    through_time_nanos  BIGINT   NOT NULL,
    purged_at_nanos     BIGINT   NOT NULL,
    retention_years     INTEGER  NOT NULL
);
