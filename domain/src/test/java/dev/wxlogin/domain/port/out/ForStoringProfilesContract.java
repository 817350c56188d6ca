package dev.wxlogin.domain.port.out;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.login.SessionKey;
import dev.wxlogin.domain.login.WeChatIdentity;
import dev.wxlogin.domain.profile.AvatarId;
import dev.wxlogin.domain.profile.Image;
import dev.wxlogin.domain.profile.ImageFormat;
import dev.wxlogin.domain.profile.Nickname;
import dev.wxlogin.domain.profile.Profile;
import dev.wxlogin.domain.user.OpenId;
import dev.wxlogin.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link ForStoringProfiles} does; each implementation's test extends this. */
public abstract class ForStoringProfilesContract {
    protected static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final AppId APP = new AppId("wxcontract0000001");

    protected abstract ForStoringProfiles profiles();

    protected abstract ForStoringUsers users();

    protected abstract ForRunningTransactions transactions();

    private UserId user(String openId) {
        WeChatIdentity identity = new WeChatIdentity(new OpenId(openId), Optional.empty(), new SessionKey("c2Vzc2lvbmtleTE2Ynl0ZQ=="));
        return transactions().inTransaction(() -> users().recordLogin(APP, identity, NOW)).user().id();
    }

    /** Every byte value, so that a column that is text in disguise would show. */
    private static byte[] allBytes(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    @Test
    void aUserWhoFilledInNothingHasTheEmptyProfile() {
        assertThat(profiles().profileOf(user("o-nothing"))).isEqualTo(Profile.EMPTY);
    }

    @Test
    void theNicknameIsStoredExactlyAndReplacedByTheNextOne() {
        UserId user = user("o-nick");
        assertThat(profiles().profileOf(user)).isEqualTo(Profile.EMPTY); // read before: what a cache would keep

        profiles().saveNickname(user, new Nickname("微信用户 🐼"), NOW);
        assertThat(profiles().profileOf(user).nickname()).contains(new Nickname("微信用户 🐼"));

        profiles().saveNickname(user, new Nickname("Band"), NOW.plusSeconds(1));
        assertThat(profiles().profileOf(user)).isEqualTo(new Profile(Optional.of(new Nickname("Band")), Optional.empty()));
    }

    @Test
    void anAvatarIsStoredByteForByteUnderAFreshIdAndTheOneItReplacesIsGone() {
        UserId user = user("o-avatar");
        profiles().saveNickname(user, new Nickname("Band"), NOW);
        Image first = new Image(ImageFormat.PNG, allBytes(256));
        Image second = new Image(ImageFormat.JPEG, allBytes(700_000));

        AvatarId firstId = profiles().saveAvatar(user, first, NOW);
        assertThat(profiles().avatar(firstId)).contains(first);
        assertThat(profiles().profileOf(user).avatar()).contains(firstId);
        AvatarId secondId = profiles().saveAvatar(user, second, NOW.plusSeconds(1));

        assertThat(secondId).isNotEqualTo(firstId);
        assertThat(profiles().avatar(secondId)).contains(second);
        assertThat(profiles().avatar(firstId)).isEmpty();
        assertThat(profiles().profileOf(user)).isEqualTo(new Profile(Optional.of(new Nickname("Band")), Optional.of(secondId)));
    }

    @Test
    void anAvatarBeforeANicknameAndUsersApart() {
        UserId alice = user("o-alice-p");
        UserId bob = user("o-bob-p");

        AvatarId avatar = profiles().saveAvatar(alice, new Image(ImageFormat.PNG, allBytes(10)), NOW);
        profiles().saveNickname(bob, new Nickname("bob"), NOW);

        assertThat(profiles().profileOf(alice)).isEqualTo(new Profile(Optional.empty(), Optional.of(avatar)));
        assertThat(profiles().profileOf(bob).avatar()).isEmpty();
        assertThat(profiles().avatar(AvatarId.random())).isEmpty();
    }
}
