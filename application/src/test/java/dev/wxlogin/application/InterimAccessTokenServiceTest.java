package dev.wxlogin.application;

import dev.wxlogin.domain.fakes.MutableClock;
import dev.wxlogin.domain.token.AccessToken;
import dev.wxlogin.domain.token.AccessTokenGrant;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class InterimAccessTokenServiceTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    private final InterimAccessTokenService tokens = new InterimAccessTokenService(clock);

    @Test
    void handsOutOneTokenPerAppLiveForTwoHours() {
        AccessTokenGrant grant = tokens.current(Fixture.APP);

        assertThat(tokens.current(Fixture.APP)).isEqualTo(grant);
        assertThat(grant.appId()).isEqualTo(Fixture.APP);
        assertThat(grant.token()).isEqualTo(new AccessToken("interim-" + Fixture.APP.value() + "-1"));
        assertThat(grant.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(2)));
    }

    @Test
    void replacesTheCurrentTokenWhenItIsRejectedButNotAnOlderOne() {
        AccessToken first = tokens.current(Fixture.APP).token();

        AccessToken second = tokens.replaceRejected(Fixture.APP, first).token();

        assertThat(second).isEqualTo(new AccessToken("interim-" + Fixture.APP.value() + "-2"))
                .isEqualTo(tokens.current(Fixture.APP).token());
        assertThat(tokens.replaceRejected(Fixture.APP, first).token()).isEqualTo(second);
        assertThat(tokens.replaceRejected(Fixture.APP, second).token()).isNotEqualTo(second);
    }
}
