package dev.wxlogin.domain.password;

import dev.wxlogin.domain.account.AccountId;

import java.util.Objects;

/** What an account name leads to: its account, and the hash of its password. */
public record PasswordCredential(AccountId account, PasswordHash hash) {
    public PasswordCredential {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(hash, "hash");
    }
}
