package dev.wxlogin.application;

import dev.wxlogin.domain.error.NotFound;
import dev.wxlogin.domain.port.in.ForDisablingUsers;
import dev.wxlogin.domain.port.in.ForEndingUsersSessions;
import dev.wxlogin.domain.port.out.ForRunningTransactions;
import dev.wxlogin.domain.port.out.ForStoringSessions;
import dev.wxlogin.domain.port.out.ForStoringUsers;
import dev.wxlogin.domain.session.EndReason;
import dev.wxlogin.domain.session.SessionPolicy;
import dev.wxlogin.domain.user.UserId;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;

/**
 * What an operator does to a user (the internal API). Disabling an account and ending its sessions happen together or
 * not at all; enabling it ends nothing; ending all of a user's sessions leaves the account enabled.
 */
public final class UserAdministrationService implements ForDisablingUsers, ForEndingUsersSessions {
    private static final System.Logger EVENTS = System.getLogger("wxlogin.security");

    private final ForStoringUsers users;
    private final ForStoringSessions sessions;
    private final ForRunningTransactions transactions;
    private final SessionPolicy policy;
    private final Clock clock;

    public UserAdministrationService(ForStoringUsers users, ForStoringSessions sessions,
                                     ForRunningTransactions transactions, SessionPolicy policy, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.transactions = transactions;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public void disable(UserId user) {
        int ended = transactions.inTransaction(() -> {
            Instant now = clock.instant();
            if (!users.disable(user, now)) {
                throw new NotFound("No such user");
            }
            return sessions.endAll(user, EndReason.REVOKED, now, policy.idleCutoff(now));
        });
        EVENTS.log(Level.INFO, "user disabled user={0} sessionsEnded={1}", user, ended);
    }

    @Override
    public void enable(UserId user) {
        if (!users.enable(user)) {
            throw new NotFound("No such user");
        }
        EVENTS.log(Level.INFO, "user enabled user={0}", user);
    }

    @Override
    public int endAll(UserId user) {
        // A user without sessions is not a user without an account: only an unknown id is 404.
        int ended = transactions.inTransaction(() -> {
            if (users.findById(user).isEmpty()) {
                throw new NotFound("No such user");
            }
            Instant now = clock.instant();
            return sessions.endAll(user, EndReason.REVOKED, now, policy.idleCutoff(now));
        });
        EVENTS.log(Level.INFO, "all sessions ended by an operator user={0} count={1}", user, ended);
        return ended;
    }
}
