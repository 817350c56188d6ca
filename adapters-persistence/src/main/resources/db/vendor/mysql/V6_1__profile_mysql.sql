-- MySQL and MariaDB only (see db/migration/V6__profile.sql and V3): exact text comparison for the new tables, which
-- a foreign key to app_user (utf8mb4_bin since V3) also needs; the image bytes (a BLOB holds only 64 KiB).
ALTER TABLE user_profile CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE avatar CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE avatar ADD COLUMN image MEDIUMBLOB NOT NULL;
ALTER TABLE user_profile
    ADD CONSTRAINT fk_user_profile_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE;
ALTER TABLE avatar
    ADD CONSTRAINT fk_avatar_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE;
