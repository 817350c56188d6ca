-- Profiles (issue 9): what users filled in with WeChat's nickname and avatar components, and the avatar images.
-- Portable across H2, PostgreSQL and MySQL/MariaDB. Each family's V6.1 (db/vendor/<family>) adds what portable SQL
-- cannot say: the binary image column (BYTEA, MEDIUMBLOB) and, once MySQL's tables compare exactly, the foreign keys.

-- One row per user who filled in anything; nickname normalised (NFC) and at most 32 code points: 128 UTF-8 bytes.
CREATE TABLE user_profile (
    user_id    VARCHAR(64)  NOT NULL,
    nickname   VARCHAR(255),
    -- the current avatar; avatar rows of the user other than this one are deleted when it changes
    avatar_id  VARCHAR(64),
    updated_at BIGINT       NOT NULL,
    CONSTRAINT pk_user_profile PRIMARY KEY (user_id)
);

-- An uploaded avatar after re-encoding, under a random id (256 bits) that is its URL: never reused, never changed.
CREATE TABLE avatar (
    id         VARCHAR(64) NOT NULL,
    user_id    VARCHAR(64) NOT NULL,
    media_type VARCHAR(32) NOT NULL,
    created_at BIGINT      NOT NULL,
    CONSTRAINT pk_avatar PRIMARY KEY (id)
);

CREATE INDEX ix_avatar_user_id ON avatar (user_id);
