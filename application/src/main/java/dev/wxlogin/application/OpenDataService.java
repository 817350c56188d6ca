package dev.wxlogin.application;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.error.OpenDataRejected;
import dev.wxlogin.domain.login.SessionKey;
import dev.wxlogin.domain.opendata.EncryptedOpenData;
import dev.wxlogin.domain.opendata.OpenData;
import dev.wxlogin.domain.opendata.OpenDataPolicy;
import dev.wxlogin.domain.opendata.RawDataSignature;
import dev.wxlogin.domain.port.in.ForGettingAccessTokens;
import dev.wxlogin.domain.port.in.ForOpeningOpenData;
import dev.wxlogin.domain.port.out.ForCheckingSessionKeys;
import dev.wxlogin.domain.port.out.ForDecryptingOpenData;
import dev.wxlogin.domain.port.out.ForStoringSessions;
import dev.wxlogin.domain.port.out.ForStoringUsers;
import dev.wxlogin.domain.session.SessionPolicy;
import dev.wxlogin.domain.session.SessionToken;
import dev.wxlogin.domain.user.User;

import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * Opens the open data a mini program handed the signed-in user, with the session_key WeChat gave at their latest
 * login. When the data does not decrypt or its signature fails, WeChat is asked whether that key is still the
 * user's current one: a later {@code wx.login()} on the phone may have replaced it, and then the client must log in
 * and fetch the data again ({@code SESSION_KEY_STALE}); otherwise the data itself is wrong.
 */
public final class OpenDataService implements ForOpeningOpenData {
    private final AuthenticationService authentication;
    private final ForStoringUsers users;
    private final ForDecryptingOpenData cipher;
    private final ForCheckingSessionKeys sessionKeys;
    private final AccessTokenCalls calls;
    private final OpenDataPolicy policy;
    private final Clock clock;

    public OpenDataService(ForStoringSessions sessions, ForStoringUsers users, Set<AppId> apps,
                           SessionPolicy sessionPolicy, ForDecryptingOpenData cipher, ForCheckingSessionKeys sessionKeys,
                           ForGettingAccessTokens tokens, OpenDataPolicy policy, Clock clock) {
        this.authentication = new AuthenticationService(sessions, apps, sessionPolicy, clock);
        this.users = users;
        this.cipher = cipher;
        this.sessionKeys = sessionKeys;
        this.calls = new AccessTokenCalls(tokens);
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public OpenData open(SessionToken token, EncryptedOpenData data) {
        User user = authentication.authenticate(token).weChatUser();
        // No key to try (none stored, or sealed under a data key since retired): only a new login brings one.
        SessionKey key = users.sessionKeyOf(user.id())
                .orElseThrow(() -> new OpenDataRejected(OpenDataRejected.Reason.SESSION_KEY_STALE));
        Map<String, Object> plaintext = cipher.decrypt(key, data)
                .orElseThrow(() -> refused(user, key, OpenDataRejected.Reason.INVALID_OPEN_DATA));
        OpenData opened = policy.accept(plaintext, user.appId(), clock.instant());
        if (data.signed().isPresent() && !RawDataSignature.matches(data.signed().get(), key)) {
            throw refused(user, key, OpenDataRejected.Reason.INVALID_SIGNATURE);
        }
        // Kept only by a user who has none; linking it into an account is the account merge's business.
        opened.unionId().ifPresent(unionId -> users.adoptUnionId(user.id(), unionId, clock.instant()));
        // The phone the legacy getPhoneNumber button decrypts to is the same number getuserphonenumber answers.
        opened.phone().ifPresent(phone -> users.savePhone(user.id(), phone));
        return opened;
    }

    /** {@code reason} if WeChat still holds {@code key} for the user, otherwise that the key is stale. */
    private OpenDataRejected refused(User user, SessionKey key, OpenDataRejected.Reason reason) {
        boolean current = calls.call(user.appId(), token -> sessionKeys.isCurrent(token, user.appId(), user.openId(), key));
        return new OpenDataRejected(current ? reason : OpenDataRejected.Reason.SESSION_KEY_STALE);
    }
}
