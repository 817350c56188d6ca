-- Accounts (issue 9): one per person, across mini programs. Portable like V1. The vendor migrations V7.1 (MySQL's
-- exact text comparison) and V7.3 (account_id required, the foreign keys) wrap V7.2, which gives every existing user
-- an account.
CREATE TABLE account (
    id         VARCHAR(64) NOT NULL,
    created_at BIGINT      NOT NULL,
    CONSTRAINT pk_account PRIMARY KEY (id)
);

-- What recognises an account's person, other than their users: ('unionid', WeChat's unionid) today, a username for
-- password login later. The primary key makes each identity lead to one account, and settles two instances creating
-- the same one at once.
CREATE TABLE account_identity (
    provider   VARCHAR(16)  NOT NULL,
    subject    VARCHAR(192) NOT NULL,
    account_id VARCHAR(64)  NOT NULL,
    created_at BIGINT       NOT NULL,
    CONSTRAINT pk_account_identity PRIMARY KEY (provider, subject)
);

CREATE INDEX ix_account_identity_account_id ON account_identity (account_id);

-- Every user belongs to one account (required from V7.3 on).
ALTER TABLE app_user ADD account_id VARCHAR(64);

CREATE INDEX ix_app_user_account_id ON app_user (account_id);
