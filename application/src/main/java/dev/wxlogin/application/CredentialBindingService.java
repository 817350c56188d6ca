package dev.wxlogin.application;

import dev.wxlogin.domain.account.AccountId;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.error.CredentialsRejected;
import dev.wxlogin.domain.error.InvalidInput;
import dev.wxlogin.domain.error.LoginRejected;
import dev.wxlogin.domain.error.WeChatBoundElsewhere;
import dev.wxlogin.domain.login.LoginCode;
import dev.wxlogin.domain.login.WeChatIdentity;
import dev.wxlogin.domain.password.Password;
import dev.wxlogin.domain.password.Username;
import dev.wxlogin.domain.port.in.ForBindingCredentials;
import dev.wxlogin.domain.port.out.ForExchangingLoginCodes;
import dev.wxlogin.domain.port.out.ForRememberingExchangedCodes;
import dev.wxlogin.domain.port.out.ForRunningTransactions;
import dev.wxlogin.domain.port.out.ForStoringPasswords;
import dev.wxlogin.domain.port.out.ForStoringSessions;
import dev.wxlogin.domain.port.out.ForStoringUsers;
import dev.wxlogin.domain.session.Authentication;
import dev.wxlogin.domain.session.ClientInfo;
import dev.wxlogin.domain.session.EndReason;
import dev.wxlogin.domain.session.SessionPolicy;
import dev.wxlogin.domain.session.SessionToken;
import dev.wxlogin.domain.user.User;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The other way into a caller's account: a username and password for an account WeChat made (or a new password for
 * one that has them), and WeChat for an account a password made. A changed password ends every other session of the
 * account, of every method and mini program: whoever knew the old one is out; the caller stays.
 */
public final class CredentialBindingService implements ForBindingCredentials {
    private static final System.Logger EVENTS = System.getLogger("wxlogin.security");

    private final AuthenticationService authentication;
    private final PasswordAccounts accounts;
    private final ForStoringPasswords passwords;
    private final ForStoringSessions sessions;
    private final ForStoringUsers users;
    private final SingleUseCodeExchange codes;
    private final ForRunningTransactions transactions;
    private final SessionPolicy policy;
    private final Clock clock;

    /** @param apps the mini programs this server serves: a code of any other is refused before WeChat is asked */
    public CredentialBindingService(PasswordAccounts accounts, ForStoringPasswords passwords, ForStoringSessions sessions,
                                    ForStoringUsers users, ForExchangingLoginCodes wechat,
                                    ForRememberingExchangedCodes exchangedCodes, Set<AppId> apps,
                                    ForRunningTransactions transactions, SessionPolicy policy, Clock clock) {
        this.authentication = new AuthenticationService(sessions, apps, policy, clock);
        this.accounts = accounts;
        this.passwords = passwords;
        this.sessions = sessions;
        this.users = users;
        this.codes = new SingleUseCodeExchange(wechat, exchangedCodes, apps, clock);
        this.transactions = transactions;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Username setPassword(SessionToken caller, Optional<Username> username, Password password,
                                Optional<Password> current, ClientInfo client) {
        Authentication auth = authentication.authenticate(caller);
        AccountId account = auth.accountId();
        List<Username> names = passwords.usernamesOf(account);
        if (names.isEmpty()) {
            Username name = username.orElseThrow(() -> new InvalidInput("username is required: the account has none"));
            accounts.addUsername(account, name, accounts.hashNew(password));
            return name;
        }
        Username name = username.orElse(names.getFirst());
        if (!names.contains(name)) {
            throw new CredentialsRejected(CredentialsRejected.Reason.USERNAME_ALREADY_SET);
        }
        Password known = current.orElseThrow(() -> new InvalidInput("currentPassword is required to change a password"));
        accounts.changePassword(account, name, known, password, client.ip());
        Instant now = clock.instant();
        int ended = sessions.endAllOfAccount(account, Optional.of(auth.session().id()), EndReason.REVOKED, now,
                policy.idleCutoff(now));
        EVENTS.log(Level.INFO, "sessions ended by a password change account={0} count={1}", account, ended);
        return name;
    }

    @Override
    public User bindWeChat(SessionToken caller, AppId appId, LoginCode code) {
        AccountId account = authentication.authenticate(caller).accountId();
        WeChatIdentity identity = codes.exchangeOnce(appId, code);
        ForStoringUsers.Binding binding = transactions.inTransaction(
                () -> users.bindToAccount(appId, identity, account, clock.instant()));
        switch (binding.outcome()) {
            case BOUND -> EVENTS.log(Level.INFO, "wechat bound account={0} app={1} user={2}", account, appId,
                    binding.user().orElseThrow().id());
            case USER_DISABLED -> throw new LoginRejected(LoginRejected.Reason.ACCOUNT_DISABLED);
            case USER_OF_ANOTHER_ACCOUNT, UNIONID_OF_ANOTHER_ACCOUNT -> {
                EVENTS.log(Level.INFO, "wechat binding refused account={0} app={1} reason={2}", account, appId,
                        binding.outcome());
                throw new WeChatBoundElsewhere();
            }
        }
        return binding.user().orElseThrow();
    }
}
