package dev.wxlogin.domain.session;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SessionValuesTest {
    /** The device list shows an unknown user agent or address as absent, not as an empty text. */
    @Test
    void unknownClientDetailsStayAbsent() {
        assertThat(ClientInfo.unknown().userAgent()).isNull();
        assertThat(ClientInfo.unknown().ip()).isNull();
    }

    @Test
    void twoTokensAreEqualOnlyWhenTheyAreTheSameText() {
        SessionToken token = SessionToken.generate();

        assertThat(SessionToken.parse(token.reveal())).isEqualTo(token).hasSameHashCodeAs(token);
        assertThat(SessionToken.generate()).isNotEqualTo(token);
        assertThat(token).isNotEqualTo(token.reveal());
    }
}
