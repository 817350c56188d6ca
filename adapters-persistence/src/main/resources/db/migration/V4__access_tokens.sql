-- The access_token of each AppID, shared by every instance (see docs/access-token.md). Portable like V1: VARCHAR,
-- BIGINT and INT only, instants as BIGINT epoch milliseconds.
CREATE TABLE access_token (
    app_id           VARCHAR(64)   NOT NULL,
    -- base64(IV || AES-256-GCM ciphertext || tag) of the token, never the token itself: room for a token of 512
    -- characters of up to 3 UTF-8 bytes each (WeChat's are ASCII); NULL until the first fetch
    token_ciphertext VARCHAR(2200),
    -- which data key sealed it: the first 8 hex digits of its SHA-256
    token_key_id     VARCHAR(16),
    fetched_at       BIGINT,
    expires_at       BIGINT,
    -- one more for each token written: a write counts only if its version is newer than the stored one
    token_version    BIGINT        NOT NULL,
    -- the instance refreshing it, until when; a lapsed lease may be taken over
    lease_owner      VARCHAR(64),
    lease_until      BIGINT,
    -- force_refresh bookkeeping for WeChat's limits (30 s apart, 20 a day), the day numbered by China time
    forced_at        BIGINT,
    forced_day       BIGINT,
    forced_count     INT           NOT NULL,
    CONSTRAINT pk_access_token PRIMARY KEY (app_id)
);
