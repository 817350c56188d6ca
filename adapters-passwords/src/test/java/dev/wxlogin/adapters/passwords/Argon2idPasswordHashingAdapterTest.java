package dev.wxlogin.adapters.passwords;

import dev.wxlogin.domain.password.Password;
import dev.wxlogin.domain.password.PasswordHash;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Argon2idPasswordHashingAdapterTest {
    /** Cheap parameters: the tests are about the format and the logic, not the cost. */
    private static final Argon2Cost CHEAP = new Argon2Cost(64, 1, 1);
    private static final Argon2idPasswordHashingAdapter HASHER = new Argon2idPasswordHashingAdapter(CHEAP);
    private static final Password PASSWORD = new Password("correct horse battery staple");

    @Test
    void aHashIsAnArgon2idPhcStringWithItsParameters() {
        String hash = HASHER.hash(PASSWORD).value();

        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=64,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    }

    @Test
    void theRightPasswordVerifiesAndAnyOtherDoesNot() {
        PasswordHash hash = HASHER.hash(PASSWORD);

        assertThat(HASHER.verify(PASSWORD, hash)).isTrue();
        assertThat(HASHER.verify(new Password("correct horse battery staplE"), hash)).isFalse();
        assertThat(HASHER.verify(new Password("\uff43orrect horse battery staple"), hash)).isTrue(); // NFKC
    }

    @Test
    void everyHashHasItsOwnSalt() {
        assertThat(HASHER.hash(PASSWORD)).isNotEqualTo(HASHER.hash(PASSWORD));
    }

    @Test
    void theReferenceVectorOfRfc9106sArgon2idVerifies() {
        // PHC strings made by the reference implementation (argon2 CLI, argon2id, v=19): password "password",
        // salt "somesalt"
        PasswordHash reference = new PasswordHash(
                "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc");

        assertThat(HASHER.verify(new Password("password"), reference)).isTrue();
        assertThat(HASHER.verify(new Password("passwort"), reference)).isFalse();
    }

    @Test
    void aHashWithOtherParametersVerifiesButAsksToBeMadeAgain() {
        Argon2idPasswordHashingAdapter stronger = new Argon2idPasswordHashingAdapter(new Argon2Cost(128, 2, 1));
        PasswordHash old = HASHER.hash(PASSWORD);

        assertThat(stronger.verify(PASSWORD, old)).isTrue();
        assertThat(stronger.needsRehash(old)).isTrue();
        assertThat(HASHER.needsRehash(old)).isFalse();
        assertThat(stronger.needsRehash(stronger.hash(PASSWORD))).isFalse();
    }

    @Test
    void aHashOfAnotherKindAsksToBeMadeAgainAndCannotBeVerified() {
        PasswordHash bcrypt = new PasswordHash("$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy");
        PasswordHash shortSalt = new PasswordHash("$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc");

        assertThat(HASHER.needsRehash(bcrypt)).isTrue();
        assertThat(HASHER.needsRehash(shortSalt)).isTrue();
        assertThatThrownBy(() -> HASHER.verify(PASSWORD, bcrypt))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("$2b$");
    }

    @Test
    void outOfRangeCostsAreRefused() {
        assertThatThrownBy(() -> new Argon2Cost(64, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2Cost(64, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2Cost(7, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2Cost(5 * 1024 * 1024, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(HASHER.needsRehash(new PasswordHash("$argon2id$v=19$m=1,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc")))
                .isTrue();
    }
}
