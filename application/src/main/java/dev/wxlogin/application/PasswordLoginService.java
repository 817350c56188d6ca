package dev.wxlogin.application;

import dev.wxlogin.domain.account.AccountId;
import dev.wxlogin.domain.password.Password;
import dev.wxlogin.domain.password.PasswordHash;
import dev.wxlogin.domain.password.PasswordLoginResult;
import dev.wxlogin.domain.password.Username;
import dev.wxlogin.domain.port.in.ForLoggingInWithPassword;
import dev.wxlogin.domain.port.out.ForRunningTransactions;
import dev.wxlogin.domain.port.out.ForStoringPasswords;
import dev.wxlogin.domain.port.out.ForStoringSessions;
import dev.wxlogin.domain.session.ClientInfo;
import dev.wxlogin.domain.session.EndReason;
import dev.wxlogin.domain.session.LoginMethod;
import dev.wxlogin.domain.session.Session;
import dev.wxlogin.domain.session.SessionPolicy;
import dev.wxlogin.domain.session.SessionToken;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Registration and password login. The password is hashed or checked first, outside any transaction; then, in one
 * transaction, the account is made (registration) and the session started, with the device policy applied to the
 * account's password sessions under the account's lock. A token is returned only after its session row has committed.
 */
public final class PasswordLoginService implements ForLoggingInWithPassword {
    private static final System.Logger EVENTS = System.getLogger("wxlogin.security");

    private final PasswordAccounts accounts;
    private final ForStoringPasswords passwords;
    private final ForStoringSessions sessions;
    private final ForRunningTransactions transactions;
    private final SessionPolicy policy;
    private final Clock clock;

    public PasswordLoginService(PasswordAccounts accounts, ForStoringPasswords passwords, ForStoringSessions sessions,
                                ForRunningTransactions transactions, SessionPolicy policy, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.sessions = sessions;
        this.transactions = transactions;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public PasswordLoginResult register(Username username, Password password, ClientInfo client) {
        PasswordHash hash = accounts.hashNew(password);
        return transactions.inTransaction(() -> startSession(accounts.register(username, hash), username, client, true));
    }

    @Override
    public PasswordLoginResult logIn(Username username, Password password, ClientInfo client) {
        AccountId account = accounts.verify(username, password, client.ip());
        PasswordLoginResult result = transactions.inTransaction(() -> startSession(account, username, client, false));
        EVENTS.log(Level.INFO, "password login account={0}", account);
        return result;
    }

    private PasswordLoginResult startSession(AccountId account, Username username, ClientInfo client,
                                             boolean newAccount) {
        Instant now = clock.instant();
        passwords.lockAccount(account);
        List<Session> live = sessions.findLiveOfAccount(account, now, policy.idleCutoff(now)).stream()
                .filter(session -> session.method() == LoginMethod.PASSWORD)
                .toList();
        for (Session oldest : policy.replacedByANewLogin(live)) {
            sessions.end(oldest.id(), EndReason.REPLACED, now);
            EVENTS.log(Level.INFO, "session replaced account={0} session={1} policy={2}", account, oldest.id(),
                    policy.devices());
        }
        SessionToken token = SessionToken.generate();
        sessions.insert(Session.startWithPassword(token.hash(), account, client, now, policy));
        return new PasswordLoginResult(token, policy.expiresIn(), account, username, newAccount);
    }
}
