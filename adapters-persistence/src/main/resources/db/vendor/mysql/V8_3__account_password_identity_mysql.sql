-- MySQL and MariaDB only: exact text comparison, like every table (see V3), which the foreign key to account_identity
-- (utf8mb4_bin since V7.1) also needs. A password hash belongs to an account name: deleting the identity deletes it.
ALTER TABLE account_password CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE account_password ADD CONSTRAINT fk_account_password_identity
    FOREIGN KEY (provider, subject) REFERENCES account_identity (provider, subject) ON DELETE CASCADE;
