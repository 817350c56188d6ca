package dev.wxlogin.domain.password;

import dev.wxlogin.domain.account.AccountId;
import dev.wxlogin.domain.session.SessionToken;

import java.time.Duration;

/**
 * A successful registration or password login: the token (as a WeChat login's, the only place one leaves the server),
 * and the account it is for.
 */
public record PasswordLoginResult(SessionToken token, Duration expiresIn, AccountId account, Username username,
                                  boolean newAccount) {
}
