package dev.wxlogin.adapters.rest;

import dev.wxlogin.domain.error.InvalidInput;
import dev.wxlogin.domain.error.NotFound;
import dev.wxlogin.domain.port.in.ForManagingProfiles;
import dev.wxlogin.domain.profile.AvatarId;
import dev.wxlogin.domain.profile.Image;
import dev.wxlogin.domain.profile.Nickname;
import dev.wxlogin.domain.session.SessionToken;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;

import java.util.Arrays;
import java.util.Optional;

/**
 * The signed-in user and what they filled in with WeChat's nickname and avatar components, and the avatar images.
 * An avatar is served to anyone who has its URL: WeChat's {@code <image>} component sends no Authorization header,
 * and the URL's 256 random bits are the capability. What an avatar URL names never changes (a new upload gets a new
 * URL), so it is cached for good and its ETag is its id.
 */
final class ProfileEndpoints {
    /** A year: the longest max-age caches are asked to honour (RFC 9111), and what never changes lasts that long. */
    private static final String FOREVER = "public, max-age=31536000, immutable";
    /** An image opened as a page runs nothing, whatever a browser takes it for. */
    private static final String NOTHING_RUNS = "default-src 'none'; sandbox";

    private final ForManagingProfiles profiles;
    private final BearerAuthentication authentication;
    private final JsonRequestBodies bodies;
    private final AvatarUploads uploads = new AvatarUploads(ForManagingProfiles.MAX_AVATAR_BYTES);

    ProfileEndpoints(ForManagingProfiles profiles, BearerAuthentication authentication, JsonRequestBodies bodies) {
        this.profiles = profiles;
        this.authentication = authentication;
        this.bodies = bodies;
    }

    void me(Context ctx) {
        ctx.json(ResponseBodies.Me.of(profiles.me(BearerAuthentication.token(ctx))));
    }

    /** {@code {"nickname":"…"}} in, the profile out. */
    void changeNickname(Context ctx) {
        authentication.authenticate(ctx); // a caller who is nobody gets 401 whatever their body, which stays unread
        SessionToken token = BearerAuthentication.token(ctx);
        Nickname nickname = new Nickname(bodies.read(ctx.req()).requiredString("nickname"));
        ctx.json(ResponseBodies.ProfileBody.of(profiles.changeNickname(token, nickname)));
    }

    /** The image as multipart field {@code avatar} or as the raw body; the profile, with the new avatarUrl, out. */
    void changeAvatar(Context ctx) {
        authentication.authenticate(ctx); // nobody makes the server read a megabyte without a live session
        SessionToken token = BearerAuthentication.token(ctx);
        ctx.json(ResponseBodies.ProfileBody.of(profiles.changeAvatar(token, uploads.read(ctx.req()))));
    }

    void avatar(Context ctx) {
        Optional<AvatarId> id = avatarId(ctx.pathParam("id"));
        Image image = id.flatMap(profiles::avatar).orElseThrow(() -> new NotFound("No such avatar"));
        String etag = "\"" + id.get().value() + "\"";
        ctx.header(Header.CACHE_CONTROL, FOREVER);
        ctx.header(Header.ETAG, etag);
        ctx.header("Content-Security-Policy", NOTHING_RUNS);
        if (matches(ctx.header(Header.IF_NONE_MATCH), etag)) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType(image.format().mediaType()).result(image.bytes());
    }

    /** RFC 9110 §13.1.2: {@code *}, or any listed tag equal to ours once a weak {@code W/} is dropped. */
    private static boolean matches(String ifNoneMatch, String etag) {
        return ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
    }

    private static Optional<AvatarId> avatarId(String text) {
        try {
            return Optional.of(new AvatarId(text));
        } catch (InvalidInput malformed) {
            return Optional.empty();
        }
    }
}
