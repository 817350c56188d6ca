package dev.wxlogin.adapters.rest;

import dev.wxlogin.domain.account.AccountId;
import dev.wxlogin.domain.login.LoginResult;
import dev.wxlogin.domain.session.Authentication;
import dev.wxlogin.domain.session.ClientInfo;
import dev.wxlogin.domain.session.LoginMethod;
import dev.wxlogin.domain.session.Session;
import dev.wxlogin.domain.session.SessionId;
import dev.wxlogin.domain.session.SessionToken;
import dev.wxlogin.domain.account.AccountId;
import dev.wxlogin.domain.user.OpenId;
import dev.wxlogin.domain.user.UnionId;
import dev.wxlogin.domain.user.User;
import dev.wxlogin.domain.user.UserId;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Domain objects with fixed, recognisable values. */
final class Fixtures {
    static final Instant CREATED = Instant.parse("2025-03-01T08:00:00Z");
    static final Instant LOGGED_IN = Instant.parse("2025-03-02T09:30:00Z");
    static final Instant LAST_SEEN = Instant.parse("2025-03-02T10:00:00Z");
    static final Instant EXPIRES = Instant.parse("2025-03-09T09:30:00Z");

    private Fixtures() {}

    static User user(Optional<UnionId> unionId) {
        return User.created(new UserId("u_alice"), new AccountId("a_alice"), TestServer.APP_ID,
                new OpenId("o_alice_openid"), unionId, CREATED);
    }

    static User user() {
        return user(Optional.of(new UnionId("un_alice")));
    }

    static Session session(String id) {
        SessionToken token = SessionToken.generate();
        return new Session(new SessionId(id), token.hash(), new AccountId("a_alice"), Optional.of(new UserId("u_alice")),
                Optional.of(TestServer.APP_ID), LoginMethod.WECHAT,
                new ClientInfo("MicroMessenger/8.0", "203.0.113.7"), LOGGED_IN, LAST_SEEN, EXPIRES, Optional.empty(),
                Optional.empty());
    }

    static Session passwordSession(String id) {
        return new Session(new SessionId(id), SessionToken.generate().hash(), new AccountId("a_alice"), Optional.empty(),
                Optional.empty(), LoginMethod.PASSWORD, new ClientInfo("Mozilla/5.0", "203.0.113.8"), LOGGED_IN,
                LAST_SEEN, EXPIRES, Optional.empty(), Optional.empty());
    }

    static Authentication authentication(String sessionId) {
        return Authentication.of(user(), session(sessionId));
    }

    static LoginResult loginResult(SessionToken token, boolean newUser, Optional<UnionId> unionId) {
        return new LoginResult(token, Duration.ofHours(2), user(unionId), newUser);
    }
}
