package dev.wxlogin.domain.port.in;

import dev.wxlogin.domain.password.Password;
import dev.wxlogin.domain.password.PasswordLoginResult;
import dev.wxlogin.domain.password.Username;
import dev.wxlogin.domain.session.ClientInfo;

/** Accounts with a username and a password, beside WeChat's: register one, log in to one. */
public interface ForLoggingInWithPassword {
    /**
     * A new account with the name and the password, logged in.
     *
     * @throws dev.wxlogin.domain.error.CredentialsRejected {@code USERNAME_TAKEN}, {@code COMMON_PASSWORD}
     */
    PasswordLoginResult register(Username username, Password password, ClientInfo client);

    /**
     * @throws dev.wxlogin.domain.error.CredentialsRejected {@code INVALID_CREDENTIALS} alike for an unknown name and a
     *                                                      wrong password; {@code TOO_MANY_FAILURES}
     */
    PasswordLoginResult logIn(Username username, Password password, ClientInfo client);
}
