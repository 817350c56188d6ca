package dev.wxlogin.domain;

import dev.wxlogin.domain.account.AccountId;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.error.InvalidInput;
import dev.wxlogin.domain.session.SessionId;
import dev.wxlogin.domain.user.OpenId;
import dev.wxlogin.domain.user.UnionId;
import dev.wxlogin.domain.user.UserId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Ids are not secrets: they print as themselves, so that the audit trail reads {@code user=u_...}. */
class IdentifiersTest {
    @Test
    void anIdPrintsAsItsBareValue() {
        assertThat(new AppId("wx1234567890abcdef")).hasToString("wx1234567890abcdef");
        assertThat(new UserId("u_abc-DEF_123")).hasToString("u_abc-DEF_123");
        assertThat(new AccountId("a_abc-DEF_123")).hasToString("a_abc-DEF_123");
        assertThat(new SessionId("s_abc-DEF_123")).hasToString("s_abc-DEF_123");
        assertThat(new OpenId("oGZUI0egBJY1zhBYw2KhdUfwVJJE")).hasToString("oGZUI0egBJY1zhBYw2KhdUfwVJJE");
        assertThat(new UnionId("o6_bmasdasdsad6_2sgVt7hMZOPfL")).hasToString("o6_bmasdasdsad6_2sgVt7hMZOPfL");
    }

    @Test
    void ourIdsAndAppIdsTakeUpTo64CharactersAndWeChatsUpTo128() {
        assertThat(new AppId("a".repeat(64)).value()).hasSize(64);
        assertThat(new UserId("u".repeat(64)).value()).hasSize(64);
        assertThat(new SessionId("s".repeat(64)).value()).hasSize(64);
        assertThat(new OpenId("o".repeat(128)).value()).hasSize(128);
        assertThat(new UnionId("n".repeat(128)).value()).hasSize(128);

        assertThatThrownBy(() -> new SessionId("s".repeat(65)))
                .isInstanceOf(InvalidInput.class).hasMessage("session id must be 1 to 64 characters");
        assertThatThrownBy(() -> new OpenId("o".repeat(129)))
                .isInstanceOf(InvalidInput.class).hasMessage("openid must be 1 to 128 characters");
    }

    /** Ids reach SQL and URLs: each type refuses anything outside its alphabet, before it is used. */
    @Test
    void everyIdRefusesCharactersOutsideItsAlphabet() {
        String bad = "x/../y";

        assertThatThrownBy(() -> new AppId(bad)).isInstanceOf(InvalidInput.class).hasMessageContaining("AppID");
        assertThatThrownBy(() -> new UserId(bad)).isInstanceOf(InvalidInput.class).hasMessageContaining("user id");
        assertThatThrownBy(() -> new AccountId(bad)).isInstanceOf(InvalidInput.class).hasMessageContaining("account id");
        assertThatThrownBy(() -> new SessionId(bad)).isInstanceOf(InvalidInput.class).hasMessageContaining("session id");
        assertThatThrownBy(() -> new OpenId(bad)).isInstanceOf(InvalidInput.class).hasMessageContaining("openid");
        assertThatThrownBy(() -> new UnionId(bad)).isInstanceOf(InvalidInput.class).hasMessageContaining("unionid");
    }
}
