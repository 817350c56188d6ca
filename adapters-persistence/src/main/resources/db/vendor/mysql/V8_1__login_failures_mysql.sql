-- MySQL and MariaDB only: login_failure compares its keys exactly, like every table (see V3).
ALTER TABLE login_failure CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
