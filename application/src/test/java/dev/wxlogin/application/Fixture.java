package dev.wxlogin.application;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.fakes.InMemoryExchangedCodes;
import dev.wxlogin.domain.fakes.InMemoryLoginFailures;
import dev.wxlogin.domain.fakes.InMemoryPasswordStorage;
import dev.wxlogin.domain.fakes.InMemorySessionStorage;
import dev.wxlogin.domain.fakes.InMemoryUserStorage;
import dev.wxlogin.domain.fakes.MutableClock;
import dev.wxlogin.domain.fakes.SerialTransactions;
import dev.wxlogin.domain.login.LoginCode;
import dev.wxlogin.domain.login.LoginCommand;
import dev.wxlogin.domain.login.LoginResult;
import dev.wxlogin.domain.login.SessionKey;
import dev.wxlogin.domain.login.WeChatIdentity;
import dev.wxlogin.domain.password.FailureLimits;
import dev.wxlogin.domain.password.Password;
import dev.wxlogin.domain.password.PasswordLoginResult;
import dev.wxlogin.domain.password.Username;
import dev.wxlogin.domain.port.out.ForExchangingLoginCodes;
import dev.wxlogin.domain.session.ClientInfo;
import dev.wxlogin.domain.session.SessionPolicy;
import dev.wxlogin.domain.user.OpenId;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The services wired over in-memory storage, a hand-moved clock and a mocked WeChat. */
final class Fixture {
    static final AppId APP = new AppId("wxservice00000001");
    static final FailureLimits FAILURE_LIMITS = new FailureLimits(5, 20, Duration.ofMinutes(1), Duration.ofMinutes(15));
    /** The mini programs the services serve: {@link #APP} only. */
    static final Set<AppId> APPS = Set.of(APP);

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    final InMemoryUserStorage users = new InMemoryUserStorage();
    final InMemorySessionStorage sessions = new InMemorySessionStorage();
    final InMemoryExchangedCodes codes = new InMemoryExchangedCodes();
    final InMemoryLoginFailures loginFailures = new InMemoryLoginFailures();
    final InMemoryPasswordStorage passwords = new InMemoryPasswordStorage();
    final SerialTransactions transactions = new SerialTransactions(users, sessions);
    final ForExchangingLoginCodes wechat = mock(ForExchangingLoginCodes.class);
    final SessionPolicy policy;
    final CountingPasswordHasher hasher = new CountingPasswordHasher();
    final LoginService login;
    final AuthenticationService authentication;
    final PasswordAccounts accounts;
    final PasswordLoginService passwordLogin;
    final CredentialBindingService binding;
    private final AtomicInteger codes_ = new AtomicInteger();

    Fixture(SessionPolicy policy) {
        this.policy = policy;
        users.keepsSessionsIn(sessions);
        login = new LoginService(wechat, codes, users, sessions, APPS, transactions, policy, clock);
        authentication = new AuthenticationService(sessions, APPS, policy, clock);
        accounts = new PasswordAccounts(passwords, hasher, password -> password.lowerCase().equals("password1"),
                loginFailures, FAILURE_LIMITS, clock);
        passwordLogin = new PasswordLoginService(accounts, passwords, sessions, transactions, policy, clock);
        binding = new CredentialBindingService(accounts, passwords, sessions, users, wechat, codes, APPS, transactions,
                policy, clock);
    }

    Fixture() {
        this(SessionPolicy.DEFAULT);
    }

    /** A fresh code that WeChat will exchange for {@code openId} with the given session_key. */
    LoginCode codeFor(String openId, String sessionKey) {
        LoginCode code = new LoginCode("code-" + codes_.incrementAndGet());
        when(wechat.exchange(eq(APP), eq(code))).thenReturn(
                new WeChatIdentity(new OpenId(openId), Optional.empty(), new SessionKey(sessionKey)));
        return code;
    }

    LoginCode codeFor(String openId) {
        return codeFor(openId, "a2V5LW9mLXNlc3Npb24xMQ==");
    }

    LoginResult logIn(LoginCode code) {
        return login.logIn(new LoginCommand(APP, code, new ClientInfo("MicroMessenger", "198.51.100.4")));
    }

    LoginResult logIn(String openId) {
        return logIn(codeFor(openId));
    }

    static final ClientInfo BROWSER = new ClientInfo("Mozilla/5.0", "198.51.100.7");

    PasswordLoginResult register(String username, String password) {
        return passwordLogin.register(new Username(username), new Password(password), BROWSER);
    }

    PasswordLoginResult logInWithPassword(String username, String password) {
        return passwordLogin.logIn(new Username(username), new Password(password), BROWSER);
    }
}
