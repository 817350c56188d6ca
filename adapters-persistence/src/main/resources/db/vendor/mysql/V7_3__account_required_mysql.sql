-- MySQL and MariaDB only (see db/migration/V7__accounts.sql): every user has an account, and the foreign keys.
ALTER TABLE app_user MODIFY account_id VARCHAR(64) NOT NULL;
ALTER TABLE app_user ADD CONSTRAINT fk_app_user_account FOREIGN KEY (account_id) REFERENCES account (id);
ALTER TABLE account_identity
    ADD CONSTRAINT fk_account_identity_account FOREIGN KEY (account_id) REFERENCES account (id);
