-- Portable across H2, PostgreSQL and MySQL/MariaDB: VARCHAR, CHAR and BIGINT only; every instant is
-- BIGINT epoch milliseconds (UTC by construction, no vendor timestamp semantics). On MySQL/MariaDB
-- give the database a case-sensitive collation (for example utf8mb4_bin): openids differ by case.

-- Named app_user, never "user": a reserved word in several databases.
CREATE TABLE app_user (
    id                     VARCHAR(64)  NOT NULL,
    app_id                 VARCHAR(64)  NOT NULL,
    openid                 VARCHAR(128) NOT NULL,
    unionid                VARCHAR(128),
    created_at             BIGINT       NOT NULL,
    last_login_at          BIGINT       NOT NULL,
    disabled_at            BIGINT,
    -- base64(IV || AES-256-GCM ciphertext || tag) of WeChat's session_key, never the key itself
    session_key_ciphertext VARCHAR(255),
    -- which data key encrypted it: the first 8 hex digits of its SHA-256
    session_key_key_id     VARCHAR(16),
    CONSTRAINT pk_app_user PRIMARY KEY (id),
    -- one row per person per mini program: concurrent first logins insert into this constraint
    CONSTRAINT uq_app_user_app_openid UNIQUE (app_id, openid)
);

-- Only SHA-256(token) is stored: a leaked table cannot be replayed.
CREATE TABLE user_session (
    id           VARCHAR(64)  NOT NULL,
    token_hash   CHAR(64)     NOT NULL,
    user_id      VARCHAR(64)  NOT NULL,
    app_id       VARCHAR(64)  NOT NULL,
    user_agent   VARCHAR(256),
    client_ip    VARCHAR(64),
    created_at   BIGINT       NOT NULL,
    last_seen_at BIGINT       NOT NULL,
    expires_at   BIGINT       NOT NULL,
    ended_at     BIGINT,
    end_reason   VARCHAR(16),
    CONSTRAINT pk_user_session PRIMARY KEY (id),
    CONSTRAINT uq_user_session_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_user_session_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
);

CREATE INDEX ix_user_session_user_id ON user_session (user_id);
-- cleanup finds dead sessions by absolute expiry or by idleness
CREATE INDEX ix_user_session_expires_at ON user_session (expires_at);
CREATE INDEX ix_user_session_last_seen_at ON user_session (last_seen_at);

-- Login codes sent to WeChat, by fingerprint (SHA-256), so a replayed code is answered without WeChat.
CREATE TABLE exchanged_code (
    app_id     VARCHAR(64) NOT NULL,
    code_hash  CHAR(64)    NOT NULL,
    expires_at BIGINT      NOT NULL,
    CONSTRAINT pk_exchanged_code PRIMARY KEY (app_id, code_hash)
);

CREATE INDEX ix_exchanged_code_expires_at ON exchanged_code (expires_at);
