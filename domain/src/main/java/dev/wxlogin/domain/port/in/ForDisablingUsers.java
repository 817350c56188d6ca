package dev.wxlogin.domain.port.in;

import dev.wxlogin.domain.user.UserId;

/**
 * An operator (or the embedding application) disables an account: every session of it dies at once. Enabling
 * it again lets the user log in; the sessions that disabling ended stay ended.
 */
public interface ForDisablingUsers {
    /** @throws dev.wxlogin.domain.error.NotFound if there is no such user */
    void disable(UserId user);

    /** Idempotent, like {@link #disable}. @throws dev.wxlogin.domain.error.NotFound if there is no such user */
    void enable(UserId user);
}
