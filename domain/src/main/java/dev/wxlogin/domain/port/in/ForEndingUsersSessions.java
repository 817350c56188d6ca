package dev.wxlogin.domain.port.in;

import dev.wxlogin.domain.user.UserId;

/**
 * An operator ends every live session of a user (a lost phone, a suspected leak) without disabling the account:
 * the user's devices must log in again, and may.
 */
public interface ForEndingUsersSessions {
    /**
     * Ends the user's live sessions, as {@link ForManagingSessions#revokeAll} does for the user themselves.
     *
     * @return how many were live and are now ended
     * @throws dev.wxlogin.domain.error.NotFound if there is no such user
     */
    int endAll(UserId user);
}
