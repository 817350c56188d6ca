package dev.wxlogin.application;

import dev.wxlogin.domain.error.NotFound;
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

/** An operator ends all of a user's sessions; the account stays enabled. */
public final class UserSessionsEndingService implements ForEndingUsersSessions {
    private static final System.Logger EVENTS = System.getLogger("wxlogin.security");

    private final ForStoringUsers users;
    private final ForStoringSessions sessions;
    private final ForRunningTransactions transactions;
    private final SessionPolicy policy;
    private final Clock clock;

    public UserSessionsEndingService(ForStoringUsers users, ForStoringSessions sessions,
                                     ForRunningTransactions transactions, SessionPolicy policy, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.transactions = transactions;
        this.policy = policy;
        this.clock = clock;
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
