package dev.wxlogin.bootstrap;

import dev.wxlogin.adapters.persistence.Database;
import dev.wxlogin.adapters.persistence.DatabaseSettings;
import dev.wxlogin.adapters.persistence.JdbiExchangedCodesAdapter;
import dev.wxlogin.adapters.persistence.JdbiSessionStorageAdapter;
import dev.wxlogin.adapters.persistence.JdbiTransactionsAdapter;
import dev.wxlogin.adapters.persistence.JdbiUserStorageAdapter;
import dev.wxlogin.adapters.persistence.SessionKeyCipher;
import dev.wxlogin.adapters.wechat.WeChatApiLoginCodeAdapter;
import dev.wxlogin.adapters.wechat.WeChatApiSettings;
import dev.wxlogin.adapters.wechat.sandbox.SandboxSettings;
import dev.wxlogin.adapters.wechat.sandbox.WeChatSandbox;
import dev.wxlogin.application.AuthenticationService;
import dev.wxlogin.application.LoginService;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.login.LoginCommand;
import dev.wxlogin.domain.login.LoginResult;
import dev.wxlogin.domain.port.in.ForAuthenticating;
import dev.wxlogin.domain.port.in.ForLoggingIn;
import dev.wxlogin.domain.port.out.ForStoringSessions;
import dev.wxlogin.domain.port.out.ForStoringUsers;
import dev.wxlogin.domain.session.Authentication;
import dev.wxlogin.domain.session.ClientInfo;
import dev.wxlogin.domain.session.SessionPolicy;
import dev.wxlogin.domain.session.SessionToken;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * wxlogin's core as a library, without Spring or the HTTP API: the embedding example for the docs. An
 * application wires the adapters it wants to the two use cases it needs, then logs users in and checks tokens.
 */
class LibraryUsageTest {
    @Test
    void anApplicationLogsInAWeChatUserAndAuthenticatesTheToken(@TempDir Path dir) {
        byte[] dataKey = new byte[32]; // in production: base64-decoded from your secret store
        new SecureRandom().nextBytes(dataKey);

        try (Database database = Database.open(new DatabaseSettings(
                     "jdbc:h2:file:" + dir.resolve("wxlogin") + Database.H2_FILE_URL_OPTIONS, "sa", "", 5));
             WeChatSandbox wechat = new WeChatSandbox(SandboxSettings.builder().build()).start(); // or real WeChat:
             WeChatApiLoginCodeAdapter code2Session = new WeChatApiLoginCodeAdapter(   // WECHAT_BASE_URL + your AppID/secret
                     WeChatApiSettings.of(wechat.baseUrl(), wechat.miniPrograms()))) {
            Jdbi jdbi = database.jdbi(); // one Jdbi for every adapter: that is how they share a transaction
            SessionKeyCipher cipher = new SessionKeyCipher(dataKey, List.of()); // seals session_keys and phone numbers
            ForStoringUsers users = new JdbiUserStorageAdapter(jdbi, cipher);
            ForStoringSessions sessions = new JdbiSessionStorageAdapter(jdbi, cipher); // reads each session with its user
            SessionPolicy policy = SessionPolicy.DEFAULT; // 2 h idle, 7 days at most, up to 5 devices
            Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1)); // the database keeps milliseconds
            AppId app = wechat.miniPrograms().getFirst().appId();
            Set<AppId> apps = Set.of(app); // the mini programs you serve: logins and tokens of any other are refused
            ForLoggingIn login = new LoginService(code2Session, new JdbiExchangedCodesAdapter(jdbi), users, sessions,
                    apps, new JdbiTransactionsAdapter(jdbi), policy, clock);
            ForAuthenticating authentication = new AuthenticationService(sessions, apps, policy, clock);

            LoginResult loggedIn = login.logIn(new LoginCommand(app, wechat.wxLogin(app, "alice"), ClientInfo.unknown()));
            String token = loggedIn.token().reveal(); // hand this to the mini program

            Authentication caller = authentication.authenticate(SessionToken.parse(token)); // on every request
            assertThat(caller.weChatUser()).isEqualTo(loggedIn.user());
            assertThat(loggedIn.newUser()).isTrue();
            assertThat(users.sessionKeyOf(caller.weChatUser().id())).isPresent(); // for decrypting the user's open data
        }
    }
}
