package dev.wxlogin.application;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.error.AccessTokenRejected;
import dev.wxlogin.domain.port.in.ForGettingAccessTokens;
import dev.wxlogin.domain.token.AccessToken;
import dev.wxlogin.domain.token.AccessTokenGrant;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessTokenCallsTest {
    private static final AppId APP = new AppId("wx0123456789abcdef");
    private static final AccessToken OLD = new AccessToken("old-token");
    private static final AccessToken NEW = new AccessToken("new-token");

    /** Hands out OLD, and NEW once OLD is reported rejected. */
    private static final class TwoTokens implements ForGettingAccessTokens {
        final List<AccessToken> reported = new ArrayList<>();

        @Override
        public AccessTokenGrant current(AppId app) {
            return new AccessTokenGrant(app, OLD, Instant.EPOCH);
        }

        @Override
        public AccessTokenGrant replaceRejected(AppId app, AccessToken rejected) {
            reported.add(rejected);
            return new AccessTokenGrant(app, NEW, Instant.EPOCH);
        }
    }

    private final TwoTokens tokens = new TwoTokens();
    private final AccessTokenCalls calls = new AccessTokenCalls(tokens);
    private final List<AccessToken> used = new ArrayList<>();

    @Test
    void aCallWithALiveTokenIsMadeOnce() {
        String answer = calls.call(APP, token -> {
            used.add(token);
            return "answer";
        });

        assertThat(answer).isEqualTo("answer");
        assertThat(used).containsExactly(OLD);
        assertThat(tokens.reported).isEmpty();
    }

    @Test
    void aRejectedTokenIsReportedAndTheCallRetriedOnceWithItsReplacement() {
        String answer = calls.call(APP, token -> {
            used.add(token);
            if (token.equals(OLD)) {
                throw new AccessTokenRejected(40001);
            }
            return "answer";
        });

        assertThat(answer).isEqualTo("answer");
        assertThat(used).containsExactly(OLD, NEW);
        assertThat(tokens.reported).containsExactly(OLD);
    }

    @Test
    void aSecondRejectionReachesTheCaller() {
        assertThatThrownBy(() -> calls.call(APP, token -> {
            used.add(token);
            throw new AccessTokenRejected(42001);
        })).isInstanceOf(AccessTokenRejected.class);

        assertThat(used).containsExactly(OLD, NEW);
    }
}
