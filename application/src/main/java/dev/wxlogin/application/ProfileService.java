package dev.wxlogin.application;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.error.AvatarRejected;
import dev.wxlogin.domain.port.in.ForManagingProfiles;
import dev.wxlogin.domain.port.out.ForCleaningImages;
import dev.wxlogin.domain.port.out.ForStoringPasswords;
import dev.wxlogin.domain.port.out.ForStoringProfiles;
import dev.wxlogin.domain.port.out.ForStoringSessions;
import dev.wxlogin.domain.profile.AvatarId;
import dev.wxlogin.domain.profile.Image;
import dev.wxlogin.domain.profile.ImageFormat;
import dev.wxlogin.domain.profile.Nickname;
import dev.wxlogin.domain.profile.Profile;
import dev.wxlogin.domain.session.Authentication;
import dev.wxlogin.domain.session.SessionPolicy;
import dev.wxlogin.domain.session.SessionToken;
import dev.wxlogin.domain.user.UserId;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * The profile WeChat's fill-in components collect. An avatar is taken only as the image its first bytes say it is,
 * once it decodes as one, and only its re-encoded pixels are kept.
 */
public final class ProfileService implements ForManagingProfiles {
    private final AuthenticationService authentication;
    private final ForStoringProfiles profiles;
    private final ForCleaningImages images;
    private final ForStoringPasswords passwords;
    private final Clock clock;

    public ProfileService(ForStoringSessions sessions, Set<AppId> apps, SessionPolicy policy,
                          ForStoringProfiles profiles, ForCleaningImages images, ForStoringPasswords passwords,
                          Clock clock) {
        this.authentication = new AuthenticationService(sessions, apps, policy, clock);
        this.profiles = profiles;
        this.images = images;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    public Me me(SessionToken token) {
        Authentication caller = authentication.authenticate(token);
        return caller.user()
                .map(user -> new Me(caller, profiles.profileOf(user.id()), Optional.empty()))
                .orElseGet(() -> new Me(caller, Profile.EMPTY,
                        passwords.usernamesOf(caller.accountId()).stream().findFirst()));
    }

    @Override
    public Profile changeNickname(SessionToken token, Nickname nickname) {
        UserId user = authentication.authenticate(token).weChatUser().id();
        profiles.saveNickname(user, nickname, clock.instant());
        return profiles.profileOf(user);
    }

    @Override
    public Profile changeAvatar(SessionToken token, byte[] upload) {
        UserId user = authentication.authenticate(token).weChatUser().id();
        if (upload.length > MAX_AVATAR_BYTES) {
            throw new AvatarRejected(AvatarRejected.Reason.TOO_LARGE);
        }
        ImageFormat format = ImageFormat.sniff(upload)
                .orElseThrow(() -> new AvatarRejected(AvatarRejected.Reason.UNSUPPORTED_FORMAT));
        profiles.saveAvatar(user, images.clean(new Image(format, upload)), clock.instant());
        return profiles.profileOf(user);
    }

    @Override
    public Optional<Image> avatar(AvatarId id) {
        return profiles.avatar(id);
    }
}
