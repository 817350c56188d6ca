package dev.wxlogin.domain.error;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** What a failure tells its caller: the login service and the REST adapter decide on these alone. */
class FailuresTest {
    /** A code WeChat did not take may be tried again; after no answer, or an errcode we do not know, nobody knows. */
    @ParameterizedTest
    @CsvSource({"BUSY, true", "RATE_LIMITED, true", "MISCONFIGURED, true", "UNAVAILABLE, false", "REFUSED, false"})
    void onlyAnUnavailableOrRefusingWeChatMayHaveSpentTheCode(UpstreamFailure.Kind kind, boolean codeUnspent) {
        UpstreamFailure failure = new UpstreamFailure(kind, "upstream", null);

        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.codeUnspent()).isEqualTo(codeUnspent);
    }

    /** A breaker that is open never sent the request, which the caller knows better than the kind does. */
    @Test
    void theCallerMaySayThatTheCodeWasNeverSent() {
        UpstreamFailure open = new UpstreamFailure(UpstreamFailure.Kind.UNAVAILABLE, "breaker open", Duration.ofSeconds(3), true);

        assertThat(open.codeUnspent()).isTrue();
        assertThat(open.retryAfter()).contains(Duration.ofSeconds(3));
        assertThat(new UpstreamFailure(UpstreamFailure.Kind.BUSY, "busy", null).retryAfter()).isEmpty();
    }

    @Test
    void aRejectedLoginSaysWhy() {
        LoginRejected rejected = new LoginRejected(LoginRejected.Reason.CODE_USED);

        assertThat(rejected.reason()).isEqualTo(LoginRejected.Reason.CODE_USED);
        assertThat(rejected).hasMessage("login rejected: CODE_USED");
    }

    @Test
    void refusedOpenDataAndAvatarsSayWhy() {
        OpenDataRejected stale = new OpenDataRejected(OpenDataRejected.Reason.SESSION_KEY_STALE);
        AvatarRejected tooLarge = new AvatarRejected(AvatarRejected.Reason.TOO_LARGE);

        assertThat(stale.reason()).isEqualTo(OpenDataRejected.Reason.SESSION_KEY_STALE);
        assertThat(stale).hasMessage("open data rejected: SESSION_KEY_STALE");
        assertThat(tooLarge.reason()).isEqualTo(AvatarRejected.Reason.TOO_LARGE);
        assertThat(tooLarge).hasMessage("avatar rejected: TOO_LARGE");
    }

    @Test
    void rejectedCredentialsSayWhyAndALockSaysUntilWhen() {
        CredentialsRejected invalid = new CredentialsRejected(CredentialsRejected.Reason.INVALID_CREDENTIALS);
        CredentialsRejected locked = CredentialsRejected.tooManyFailures(Duration.ofSeconds(42));

        assertThat(invalid.reason()).isEqualTo(CredentialsRejected.Reason.INVALID_CREDENTIALS);
        assertThat(invalid).hasMessage("credentials rejected: INVALID_CREDENTIALS");
        assertThat(invalid.retryAfter()).isEmpty();
        assertThat(locked.reason()).isEqualTo(CredentialsRejected.Reason.TOO_MANY_FAILURES);
        assertThat(locked.retryAfter()).contains(Duration.ofSeconds(42));
        assertThat(CredentialsRejected.usernameTaken().reason()).isEqualTo(CredentialsRejected.Reason.USERNAME_TAKEN);
    }
}
