-- H2 only (see db/migration/V9__session_accounts.sql): every session has an account and a method, a password
-- session neither a user nor an app.
ALTER TABLE user_session ALTER COLUMN account_id SET NOT NULL;
ALTER TABLE user_session ALTER COLUMN method SET NOT NULL;
ALTER TABLE user_session ALTER COLUMN user_id DROP NOT NULL;
ALTER TABLE user_session ALTER COLUMN app_id DROP NOT NULL;
ALTER TABLE user_session ADD CONSTRAINT fk_user_session_account FOREIGN KEY (account_id) REFERENCES account (id);
