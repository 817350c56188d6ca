-- A password hash belongs to an account name: deleting the identity deletes its hash.
ALTER TABLE account_password ADD CONSTRAINT fk_account_password_identity
    FOREIGN KEY (provider, subject) REFERENCES account_identity (provider, subject) ON DELETE CASCADE;
