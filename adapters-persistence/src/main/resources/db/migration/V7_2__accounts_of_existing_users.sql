-- Every user existing before accounts gets one (see V7): users sharing a unionid share the account of the oldest
-- id among them, named after that user's id (a random id too); every other user gets an account named after itself.
INSERT INTO account_identity (provider, subject, account_id, created_at)
SELECT 'unionid', unionid, MIN(id), MIN(created_at) FROM app_user WHERE unionid IS NOT NULL GROUP BY unionid;

UPDATE app_user
   SET account_id = COALESCE((SELECT i.account_id FROM account_identity i
                               WHERE i.provider = 'unionid' AND i.subject = app_user.unionid), id);

INSERT INTO account (id, created_at) SELECT id, created_at FROM app_user WHERE account_id = id;
