package dev.wxlogin.application;

import dev.wxlogin.domain.error.AuthenticationFailed;
import dev.wxlogin.domain.error.AvatarRejected;
import dev.wxlogin.domain.error.WeChatSessionRequired;
import dev.wxlogin.domain.fakes.InMemoryProfileStorage;
import dev.wxlogin.domain.login.LoginResult;
import dev.wxlogin.domain.password.Username;
import dev.wxlogin.domain.port.in.ForManagingProfiles;
import dev.wxlogin.domain.port.out.ForCleaningImages;
import dev.wxlogin.domain.profile.AvatarId;
import dev.wxlogin.domain.profile.Image;
import dev.wxlogin.domain.profile.ImageFormat;
import dev.wxlogin.domain.profile.Nickname;
import dev.wxlogin.domain.profile.Profile;
import dev.wxlogin.domain.session.SessionToken;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ProfileServiceTest {
    private static final byte[] PNG_UPLOAD = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 1, 2, 3};
    private static final Image CLEANED = new Image(ImageFormat.PNG, new byte[] {7, 7, 7});

    private final Fixture fixture = new Fixture();
    private final InMemoryProfileStorage profiles = new InMemoryProfileStorage();
    private final ForCleaningImages images = mock(ForCleaningImages.class);
    private final ProfileService service = new ProfileService(fixture.sessions, Fixture.APPS, fixture.policy, profiles,
            images, fixture.passwords, fixture.clock);
    private final LoginResult alice = fixture.logIn("o-alice");

    @Test
    void meIsTheCallerWithWhatTheyFilledIn() {
        assertThat(service.me(alice.token()).profile()).isEqualTo(Profile.EMPTY);
        assertThat(service.me(alice.token()).caller().user()).contains(alice.user());

        Profile changed = service.changeNickname(alice.token(), new Nickname("Band"));

        assertThat(changed.nickname()).contains(new Nickname("Band"));
        assertThat(service.me(alice.token()).profile()).isEqualTo(changed);
    }

    @Test
    void anUploadIsCleanedAsTheFormatItsBytesNameAndOnlyTheCleanedImageKept() {
        when(images.clean(new Image(ImageFormat.PNG, PNG_UPLOAD))).thenReturn(CLEANED);

        Profile changed = service.changeAvatar(alice.token(), PNG_UPLOAD);

        AvatarId id = changed.avatar().orElseThrow();
        assertThat(service.avatar(id)).contains(CLEANED);
        assertThat(service.me(alice.token()).profile().avatar()).contains(id);
    }

    @Test
    void anUploadOfNoKnownFormatIsRefusedBeforeAnyDecoding() {
        assertThatThrownBy(() -> service.changeAvatar(alice.token(), "GIF89a....".getBytes()))
                .isInstanceOfSatisfying(AvatarRejected.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(AvatarRejected.Reason.UNSUPPORTED_FORMAT));
        verify(images, never()).clean(any());
        assertThat(service.me(alice.token()).profile()).isEqualTo(Profile.EMPTY);
    }

    @Test
    void anUploadOverTheLimitIsRefusedAndOneAtItIsTaken() {
        byte[] atLimit = Arrays.copyOf(PNG_UPLOAD, ForManagingProfiles.MAX_AVATAR_BYTES);
        when(images.clean(any())).thenReturn(CLEANED);

        assertThat(service.changeAvatar(alice.token(), atLimit).avatar()).isPresent();
        assertThatThrownBy(() -> service.changeAvatar(alice.token(), Arrays.copyOf(PNG_UPLOAD, ForManagingProfiles.MAX_AVATAR_BYTES + 1)))
                .isInstanceOfSatisfying(AvatarRejected.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(AvatarRejected.Reason.TOO_LARGE));
    }

    @Test
    void aRefusalOfTheImageAdapterStoresNothing() {
        when(images.clean(any())).thenThrow(new AvatarRejected(AvatarRejected.Reason.INVALID_IMAGE));

        assertThatThrownBy(() -> service.changeAvatar(alice.token(), PNG_UPLOAD)).isInstanceOf(AvatarRejected.class);
        assertThat(service.me(alice.token()).profile().avatar()).isEmpty();
    }

    @Test
    void everyChangeNeedsALiveSession() {
        SessionToken stranger = SessionToken.generate();

        assertThatThrownBy(() -> service.me(stranger)).isInstanceOf(AuthenticationFailed.class);
        assertThatThrownBy(() -> service.changeNickname(stranger, new Nickname("x"))).isInstanceOf(AuthenticationFailed.class);
        assertThatThrownBy(() -> service.changeAvatar(stranger, PNG_UPLOAD)).isInstanceOf(AuthenticationFailed.class);
        assertThat(service.avatar(AvatarId.random())).isEqualTo(Optional.empty());
    }

    /** Profiles belong to a mini program's users; a password session has none, and sees its account's name instead. */
    @Test
    void aPasswordSessionSeesItsUsernameAndHasNoProfileToChange() {
        var registered = fixture.register("Alice", "correct horse battery");

        ForManagingProfiles.Me me = service.me(registered.token());
        assertThat(me.caller().user()).isEmpty();
        assertThat(me.profile()).isEqualTo(Profile.EMPTY);
        assertThat(me.username()).contains(new Username("alice"));
        assertThat(service.me(alice.token()).username()).isEmpty();
        assertThatThrownBy(() -> service.changeNickname(registered.token(), new Nickname("Band")))
                .isInstanceOf(WeChatSessionRequired.class);
        assertThatThrownBy(() -> service.changeAvatar(registered.token(), PNG_UPLOAD))
                .isInstanceOf(WeChatSessionRequired.class);
    }
}
