package dev.wxlogin.adapters.rest;

import dev.wxlogin.domain.login.LoginResult;
import dev.wxlogin.domain.password.PasswordLoginResult;
import dev.wxlogin.domain.password.Username;
import dev.wxlogin.domain.port.in.ForManagingProfiles;
import dev.wxlogin.domain.phone.PhoneNumber;
import dev.wxlogin.domain.port.in.LiveSessions;
import dev.wxlogin.domain.profile.Nickname;
import dev.wxlogin.domain.profile.Profile;
import dev.wxlogin.domain.session.Session;
import dev.wxlogin.domain.token.AccessTokenGrant;
import dev.wxlogin.domain.user.UnionId;
import dev.wxlogin.domain.user.User;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON documents of successful responses. Each names exactly the fields it shows: nothing WeChat told us
 * in confidence (the session_key), no token but the one a login issues, and no access_token but on the internal
 * API's token routes. Times are ISO-8601 UTC.
 */
final class ResponseBodies {
    private ResponseBodies() {}

    record Status(String status) {}

    record Ready(String status, Map<String, String> checks) {}

    record Login(String token, String tokenType, long expiresIn, LoginUser user) {
        static Login of(LoginResult result) {
            User user = result.user();
            return new Login(result.token().reveal(), "Bearer", result.expiresIn().toSeconds(),
                    new LoginUser(user.id().value(), user.accountId().value(), user.openId().value(), unionId(user),
                            result.newUser()));
        }
    }

    record LoginUser(String id, String accountId, String openid, String unionid, boolean newUser) {}

    /** A registration's or password login's answer: a WeChat login's, with the account where the user was. */
    record PasswordLogin(String token, String tokenType, long expiresIn, LoginAccount account) {
        static PasswordLogin of(PasswordLoginResult result) {
            return new PasswordLogin(result.token().reveal(), "Bearer", result.expiresIn().toSeconds(),
                    new LoginAccount(result.account().value(), result.username().value(), result.newAccount()));
        }
    }

    /** @param username as stored: normalised (NFKC) and case-folded */
    record LoginAccount(String id, String username, boolean newAccount) {}

    record UsernameBody(String username) {}

    record Bound(BoundUser user) {}

    /** The mini program's user that WeChat was bound to, now of the caller's account. */
    record BoundUser(String id, String accountId, String appId, String openid, String unionid) {
        static BoundUser of(User user) {
            return new BoundUser(user.id().value(), user.accountId().value(), user.appId().value(),
                    user.openId().value(), unionId(user));
        }
    }

    /**
     * Who the caller is. For a WeChat session: the mini program's user and what they filled in. For a password
     * session, which no mini program's user stands behind: the account and its username, and every user field null.
     *
     * @param accountId the person's account: the same in every mini program whose users share a unionid
     * @param username  a password session's username; null for a WeChat session
     * @param phone     null until the user hands over a phone code; only the user themself ever sees it
     */
    record Me(String id, String accountId, String username, String openid, String unionid, String appId,
              String createdAt, String nickname, String avatarUrl, CurrentSession session, Phone phone) {
        static Me of(ForManagingProfiles.Me me) {
            Session session = me.caller().session();
            ProfileBody profile = ProfileBody.of(me.profile());
            CurrentSession current = new CurrentSession(session.id().value(), method(session), session.createdAt().toString(),
                    session.expiresAt().toString());
            String username = me.username().map(Username::value).orElse(null);
            return me.caller().user()
                    .map(user -> new Me(user.id().value(), user.accountId().value(), username, user.openId().value(),
                            unionId(user), user.appId().value(), user.createdAt().toString(), profile.nickname(),
                            profile.avatarUrl(), current, user.phone().map(Phone::of).orElse(null)))
                    .orElseGet(() -> new Me(null, me.caller().accountId().value(), username, null, null, null, null,
                            null, null, current, null));
        }
    }

    /** The caller's own phone number, unmasked: the one response that must carry it. */
    record Phone(String phoneNumber, String purePhoneNumber, String countryCode) {
        static Phone of(PhoneNumber phone) {
            return new Phone(phone.phoneNumber(), phone.purePhoneNumber(), phone.countryCode());
        }
    }

    /** @param avatarUrl a path on this server, such as {@code /api/v1/avatars/…}; null without an avatar */
    record ProfileBody(String nickname, String avatarUrl) {
        static ProfileBody of(Profile profile) {
            return new ProfileBody(profile.nickname().map(Nickname::value).orElse(null),
                    profile.avatar().map(id -> AVATAR_PATH + id.value()).orElse(null));
        }
    }

    static final String AVATAR_PATH = "/api/v1/avatars/";

    /** @param method how the session was started: {@code wechat} or {@code password} */
    record CurrentSession(String id, String method, String createdAt, String expiresAt) {}

    record Sessions(List<SessionEntry> sessions) {
        static Sessions of(LiveSessions live) {
            return new Sessions(live.sessions().stream().map(session -> new SessionEntry(session.id().value(),
                    method(session), session.createdAt().toString(), session.lastSeenAt().toString(), session.expiresAt().toString(),
                    session.client().userAgent(), session.client().ip(), session.id().equals(live.current()))).toList());
        }
    }

    /** @param method how the session was started: {@code wechat} or {@code password} */
    record SessionEntry(String id, String method, String createdAt, String lastSeenAt, String expiresAt, String userAgent,
                        String clientIp, boolean current) {}

    record Ended(int ended) {}

    record AccessTokenBody(String appId, String accessToken, String expiresAt) {
        static AccessTokenBody of(AccessTokenGrant grant) {
            return new AccessTokenBody(grant.appId().value(), grant.token().value(), grant.expiresAt().toString());
        }
    }

    private static String method(Session session) {
        return session.method().name().toLowerCase(Locale.ROOT);
    }

    private static String unionId(User user) {
        return user.unionId().map(UnionId::value).orElse(null);
    }
}
