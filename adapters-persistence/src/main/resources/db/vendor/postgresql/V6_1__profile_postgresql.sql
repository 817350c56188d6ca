-- PostgreSQL only (see db/migration/V6__profile.sql): the image bytes, and the foreign keys.
ALTER TABLE avatar ADD COLUMN image BYTEA NOT NULL;
ALTER TABLE user_profile
    ADD CONSTRAINT fk_user_profile_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE;
ALTER TABLE avatar
    ADD CONSTRAINT fk_avatar_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE;
