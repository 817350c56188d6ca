-- MySQL and MariaDB only (see db/migration/V9__session_accounts.sql): every session has an account and a method, a
-- password session neither a user nor an app. MariaDB refuses to change a column under a foreign key, so the
-- user's key is dropped and made again; the columns keep the table's utf8mb4_bin (see V3).
ALTER TABLE user_session DROP FOREIGN KEY fk_user_session_user;
ALTER TABLE user_session
    MODIFY account_id VARCHAR(64) NOT NULL,
    MODIFY method VARCHAR(16) NOT NULL,
    MODIFY user_id VARCHAR(64) NULL,
    MODIFY app_id VARCHAR(64) NULL;
ALTER TABLE user_session
    ADD CONSTRAINT fk_user_session_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE;
ALTER TABLE user_session ADD CONSTRAINT fk_user_session_account FOREIGN KEY (account_id) REFERENCES account (id);
