package dev.wxlogin.domain.opendata;

import dev.wxlogin.domain.phone.PhoneNumber;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OpenDataTest {
    private static Map<String, Object> legacyPhone(Object countryCode) {
        Map<String, Object> members = new HashMap<>(Map.of("phoneNumber", "+1 2025550123", "purePhoneNumber", "2025550123"));
        members.put("countryCode", countryCode);
        return members;
    }

    @Test
    void theLegacyPhonePayloadCarriesTheNumberWhateverTheCountryCodesType() {
        PhoneNumber expected = new PhoneNumber("+1 2025550123", "2025550123", "1");

        assertThat(OpenData.of(legacyPhone("1")).phone()).contains(expected);
        assertThat(OpenData.of(legacyPhone(1)).phone()).contains(expected);
    }

    @Test
    void aPayloadOfAnotherShapeOrAnIncompleteOrMalformedOneCarriesNoNumber() {
        assertThat(new OpenData(OpenData.Kind.USER_INFO, legacyPhone("1")).phone()).isEmpty();
        assertThat(OpenData.of(legacyPhone(null)).phone()).isEmpty();
        assertThat(OpenData.of(legacyPhone("one")).phone()).isEmpty();
        assertThat(OpenData.of(Map.of("phoneNumber", "13580006666", "countryCode", "86")).phone()).isEmpty();
        assertThat(OpenData.of(Map.of("phoneNumber", 13580006666L, "purePhoneNumber", "13580006666", "countryCode", "86"))
                .phone()).isEmpty();
    }
}
