-- MySQL and MariaDB only: the account tables compare text exactly, like every table (see V3), before V7.2 compares
-- their identities with app_user's unionids.
ALTER TABLE account CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE account_identity CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
