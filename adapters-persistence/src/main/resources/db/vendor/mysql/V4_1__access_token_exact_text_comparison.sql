-- MySQL and MariaDB only: access_token compares its AppIDs exactly, like every table (see V3).
ALTER TABLE access_token CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
