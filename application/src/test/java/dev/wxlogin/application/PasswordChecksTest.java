package dev.wxlogin.application;

import dev.wxlogin.domain.error.CredentialsRejected;
import dev.wxlogin.domain.password.Password;
import dev.wxlogin.domain.password.PasswordHash;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordChecksTest {
    private static final Password PASSWORD = new Password("correct horse battery");

    private final CountingPasswordHasher hasher = new CountingPasswordHasher();
    private final PasswordChecks checks = new PasswordChecks(hasher, password -> password.lowerCase().equals("password1"));

    @Test
    void aNewPasswordIsHashedUnlessItIsACommonOne() {
        PasswordHash hash = checks.hashNew(PASSWORD);

        assertThat(checks.matches(PASSWORD, Optional.of(hash))).isTrue();
        assertThatThrownBy(() -> checks.hashNew(new Password("Password1")))
                .isInstanceOfSatisfying(CredentialsRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(CredentialsRejected.Reason.COMMON_PASSWORD));
    }

    @Test
    void aWrongPasswordDoesNotMatch() {
        PasswordHash hash = checks.hashNew(PASSWORD);

        assertThat(checks.matches(new Password("correct horse battery!"), Optional.of(hash))).isFalse();
    }

    @Test
    void withoutAStoredHashThePasswordIsVerifiedAgainstADummyMadeTheSameWayAndNeverMatches() {
        int hashesAtStart = hasher.hashes;
        PasswordHash dummy = hasher.verified.isEmpty() ? null : hasher.verified.getFirst();

        assertThat(checks.matches(PASSWORD, Optional.empty())).isFalse();

        assertThat(dummy).isNull();
        assertThat(hasher.hashes).isEqualTo(hashesAtStart); // made once, up front, not per request
        assertThat(hasher.verified).hasSize(1);
        assertThat(hasher.needsRehash(hasher.verified.getFirst())).isFalse(); // the current parameters
    }

    @Test
    void aHashMadeWithOtherParametersIsMadeAgainEvenOfAPasswordThatIsCommonByNow() {
        PasswordHash old = checks.hashNew(PASSWORD);
        PasswordHash oldCommon = hasher.hash(new Password("Password1"));
        hasher.version = 2;

        PasswordHash fresh = checks.rehashed(PASSWORD, old).orElseThrow();
        assertThat(hasher.needsRehash(fresh)).isFalse();
        assertThat(checks.matches(PASSWORD, Optional.of(fresh))).isTrue();
        assertThat(checks.rehashed(new Password("Password1"), oldCommon)).isPresent();
        assertThat(checks.rehashed(PASSWORD, fresh)).isEmpty();
    }
}
