-- MySQL and MariaDB only (the portable migrations are in db/migration; versions are shared across both folders).
-- They compare text by collation, and the usual defaults ignore case (utf8mb4_general_ci on Debian's MariaDB,
-- utf8mb4_0900_ai_ci on MySQL 8): openids differ by case, and hashes must match exactly. A binary collation makes
-- every comparison, key and index exact, as on H2 and PostgreSQL, whatever the database's default.
-- A table created by a later migration needs the same, or it inherits the database's default.

-- The two ends of a foreign key must change together, which MariaDB refuses while the key exists.
ALTER TABLE user_session DROP FOREIGN KEY fk_user_session_user;
ALTER TABLE app_user CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE user_session CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE exchanged_code CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE user_session
    ADD CONSTRAINT fk_user_session_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE;
