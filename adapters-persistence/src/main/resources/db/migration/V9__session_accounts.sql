-- A session belongs to an account (issue 12): a password login has no WeChat user, so user_session records the
-- account, every existing session its user's, and the method that started it, every existing one 'wechat'. Each
-- family's V9_1 then requires both, makes user_id and app_id optional (a password session has neither) and adds
-- the account's foreign key.
ALTER TABLE user_session ADD COLUMN account_id VARCHAR(64);
ALTER TABLE user_session ADD COLUMN method VARCHAR(16);

UPDATE user_session
   SET account_id = (SELECT u.account_id FROM app_user u WHERE u.id = user_session.user_id),
       method = 'wechat';

-- an account's sessions: listed, ended on a password change, moved when accounts merge
CREATE INDEX ix_user_session_account_id ON user_session (account_id);
