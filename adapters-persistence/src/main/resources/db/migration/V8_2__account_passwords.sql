-- Password logins (issue 12): an account name is the identity ('username', <the normalised name>) of an account, in
-- account_identity, and its password hash is kept here, keyed by that identity. A table of its own rather than a
-- column of account_identity: unionids have no password, the WeChat login's reads of account_identity stay as narrow
-- as they are, and a merge, which moves identities to the surviving account, carries the hash along without
-- touching it. The vendor migrations V8.3 add the foreign key (after MySQL's exact text comparison).
CREATE TABLE account_password (
    provider      VARCHAR(16)  NOT NULL,
    subject       VARCHAR(192) NOT NULL,
    -- a PHC string: $argon2id$v=19$m=…,t=…,p=…$salt$hash, parameters and all
    password_hash VARCHAR(512) NOT NULL,
    updated_at    BIGINT       NOT NULL,
    CONSTRAINT pk_account_password PRIMARY KEY (provider, subject)
);
