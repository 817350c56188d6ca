package dev.wxlogin.adapters.rest;

import dev.wxlogin.domain.login.LoginResult;
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

    /**
     * @param accountId the person's account: the same in every mini program whose users share a unionid
     * @param phone     null until the user hands over a phone code; only the user themself ever sees it
     */
    record Me(String id, String accountId, String openid, String unionid, String appId, String createdAt, String nickname,
              String avatarUrl, CurrentSession session, Phone phone) {
        static Me of(ForManagingProfiles.Me me) {
            User user = me.caller().user();
            Session session = me.caller().session();
            ProfileBody profile = ProfileBody.of(me.profile());
            return new Me(user.id().value(), user.accountId().value(), user.openId().value(), unionId(user), user.appId().value(),
                    user.createdAt().toString(), profile.nickname(), profile.avatarUrl(),
                    new CurrentSession(session.id().value(), session.createdAt().toString(), session.expiresAt().toString()),
                    user.phone().map(Phone::of).orElse(null));
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

    record CurrentSession(String id, String createdAt, String expiresAt) {}

    record Sessions(List<SessionEntry> sessions) {
        static Sessions of(LiveSessions live) {
            return new Sessions(live.sessions().stream().map(session -> new SessionEntry(session.id().value(),
                    session.method().name().toLowerCase(Locale.ROOT), session.createdAt().toString(), session.lastSeenAt().toString(), session.expiresAt().toString(),
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

    private static String unionId(User user) {
        return user.unionId().map(UnionId::value).orElse(null);
    }
}
