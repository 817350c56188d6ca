-- Failed password logins per subject, shared by every instance (see docs/operations.md, "Password logins"). Portable
-- like V1: VARCHAR, BIGINT and INT only, instants as BIGINT epoch milliseconds.
CREATE TABLE login_failure (
    -- SHA-256 (hex) of the subject's kind and value ("username:<name>", "client:<ip>"): neither names nor addresses
    -- are stored here
    subject_key    VARCHAR(64) NOT NULL,
    failures       INT         NOT NULL,
    last_failed_at BIGINT      NOT NULL,
    CONSTRAINT pk_login_failure PRIMARY KEY (subject_key)
);
-- cleanup takes forgotten counts, oldest first
CREATE INDEX ix_login_failure_last_failed_at ON login_failure (last_failed_at);
