-- bench/run.sh's BENCH_SCALE: 100,000 users, each with an account, and 1,000,000 live sessions (10 a user), as a
-- long-running deployment would hold, written straight into the stopped server's H2 file. :now is the run's time in
-- epoch milliseconds. The tokens of these sessions are unknown (only made-up hashes are stored); the benchmark
-- uses its own logged-in users, so what grows is every table and index the hot paths search.
INSERT INTO account (id, created_at)
SELECT CONCAT('a_scale_', X), :now FROM SYSTEM_RANGE(1, 100000);

INSERT INTO app_user (id, account_id, app_id, openid, created_at, last_login_at)
SELECT CONCAT('u_scale_', X), CONCAT('a_scale_', X), 'wxsandbox00000001', CONCAT('o_scale_', X), :now, :now
  FROM SYSTEM_RANGE(1, 100000);

INSERT INTO user_session (id, token_hash, account_id, user_id, app_id, method, user_agent, client_ip, created_at,
                          last_seen_at, expires_at)
SELECT CONCAT('s_scale_', X), LOWER(RAWTOHEX(HASH('SHA-256', CONCAT('scale-', X)))),
       CONCAT('a_scale_', MOD(X, 100000) + 1), CONCAT('u_scale_', MOD(X, 100000) + 1), 'wxsandbox00000001', 'wechat',
       'bench', '127.0.0.1',
       :now, :now, :now + 604800000
  FROM SYSTEM_RANGE(1, 1000000);
