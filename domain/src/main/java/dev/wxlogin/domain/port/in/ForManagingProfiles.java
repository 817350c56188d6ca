package dev.wxlogin.domain.port.in;

import dev.wxlogin.domain.password.Username;
import dev.wxlogin.domain.profile.AvatarId;
import dev.wxlogin.domain.profile.Image;
import dev.wxlogin.domain.profile.Nickname;
import dev.wxlogin.domain.profile.Profile;
import dev.wxlogin.domain.session.Authentication;
import dev.wxlogin.domain.session.SessionToken;

import java.util.Optional;

/**
 * The profile a user fills in with WeChat's avatar and nickname components. Every method but {@link #avatar}
 * authenticates the token and throws {@link dev.wxlogin.domain.error.AuthenticationFailed} for one that proves no
 * live session; the changes throw {@link dev.wxlogin.domain.error.WeChatSessionRequired} for a password session,
 * which has no mini program's user to fill a profile in for.
 */
public interface ForManagingProfiles {
    /** Who the caller is, with what they filled in. */
    Me me(SessionToken token);

    Profile changeNickname(SessionToken token, Nickname nickname);

    /**
     * @param upload the uploaded bytes, at most {@link #MAX_AVATAR_BYTES}
     * @throws dev.wxlogin.domain.error.AvatarRejected when it is no JPEG, PNG or WebP, does not decode, or is too large
     */
    Profile changeAvatar(SessionToken token, byte[] upload);

    /** An avatar by its unguessable id, which is all it takes to see it (as WeChat's image components must). */
    Optional<Image> avatar(AvatarId id);

    /** 1 MiB: ample for an avatar, little for memory. */
    int MAX_AVATAR_BYTES = 1 << 20;

    /** @param username the account's, shown to a password session (a WeChat session's caller is their user) */
    record Me(Authentication caller, Profile profile, Optional<Username> username) {
    }
}
