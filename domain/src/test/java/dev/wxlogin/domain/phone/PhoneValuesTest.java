package dev.wxlogin.domain.phone;

import dev.wxlogin.domain.account.AccountId;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.error.InvalidInput;
import dev.wxlogin.domain.error.PhoneCodeRejected;
import dev.wxlogin.domain.user.OpenId;
import dev.wxlogin.domain.user.User;
import dev.wxlogin.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneValuesTest {
    private static final PhoneNumber MAINLAND = new PhoneNumber("13812341234", "13812341234", "86");

    @Test
    void aPhoneNumberPrintsOnlyMasked() {
        assertThat(MAINLAND.masked()).isEqualTo("138****1234");
        assertThat(MAINLAND.toString()).isEqualTo("PhoneNumber[+86 138****1234]").doesNotContain("13812341234");
        assertThat(new PhoneNumber("+1 2025550123", "2025550123", "1").toString())
                .isEqualTo("PhoneNumber[+1 202***0123]");
    }

    /** Three digits shown at the start and four at the end need eight digits to hide at least one. */
    @ParameterizedTest
    @CsvSource({"1234567, *******", "12345678, 123*5678", "1, *"})
    void aNumberTooShortToMaskShowsNoDigit(String pure, String masked) {
        assertThat(new PhoneNumber(pure, pure, "86").masked()).isEqualTo(masked);
    }

    @Test
    void keepsWhatWeChatSent() {
        PhoneNumber foreign = new PhoneNumber("+852 6123-4567", "61234567", "852");

        assertThat(foreign.phoneNumber()).isEqualTo("+852 6123-4567");
        assertThat(foreign.purePhoneNumber()).isEqualTo("61234567");
        assertThat(foreign.countryCode()).isEqualTo("852");
        assertThat(new PhoneNumber("1".repeat(31), "1".repeat(20), "1234")).isNotNull();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "null, 138, 86", "'', 138, 86", "138 ', 138, 86", "-138, 138, 86", "13x8, 138, 86",
            "138, null, 86", "138, '', 86", "138, 13 8, 86", "138, +138, 86",
            "138, 138, null", "138, 138, ''", "138, 138, +86", "138, 138, 12345", "138, 138, 8a"})
    void refusesWhatIsNoPhoneNumberWithoutEchoingIt(String number, String pure, String countryCode) {
        assertThatThrownBy(() -> new PhoneNumber(number, pure, countryCode)).isInstanceOf(InvalidInput.class)
                .message().doesNotContain("138");
    }

    @Test
    void refusesOverlongParts() {
        assertThatThrownBy(() -> new PhoneNumber("1".repeat(32), "1", "86")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new PhoneNumber("1", "1".repeat(21), "86")).isInstanceOf(InvalidInput.class);
    }

    @Test
    void aPhoneCodeIsACredentialThatNeverPrints() {
        PhoneCode code = new PhoneCode("e31968a7f94cc5ee25fafc2aef2773f0bb8c3937b22520eb8ee345274d00c144");

        assertThat(code.toString()).isEqualTo("PhoneCode[redacted]");
        assertThat(new PhoneCode("x".repeat(128)).value()).hasSize(128);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "tab\t", "中文"})
    void refusesAMalformedPhoneCode(String text) {
        assertThatThrownBy(() -> new PhoneCode(text)).isInstanceOf(InvalidInput.class).message().contains("code");
        assertThatThrownBy(() -> new PhoneCode("x".repeat(129))).isInstanceOf(InvalidInput.class);
    }

    @Test
    void aVerifiedPhoneNeedsBothParts() {
        AppId app = new AppId("wxphonevalues0001");

        assertThat(new VerifiedPhone(MAINLAND, app).watermarkAppId()).isEqualTo(app);
        assertThatThrownBy(() -> new VerifiedPhone(null, app)).isInstanceOf(NullPointerException.class).hasMessage("number");
        assertThatThrownBy(() -> new VerifiedPhone(MAINLAND, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("watermarkAppId");
    }

    @Test
    void aUserHasNoPhoneUntilOneIsGiven() {
        User user = User.created(UserId.random(), AccountId.random(), new AppId("wxphonevalues0001"),
                new OpenId("o-values"), Optional.empty(), Instant.EPOCH);

        assertThat(user.phone()).isEmpty();
        assertThatThrownBy(() -> user.withPhone(null)).isInstanceOf(NullPointerException.class).hasMessage("phone");
    }

    @Test
    void aRejectedPhoneCodeSaysWhyWithoutTheCode() {
        assertThat(new PhoneCodeRejected("WeChat refused the phone code with errcode 40029"))
                .hasMessage("WeChat refused the phone code with errcode 40029");
    }
}
