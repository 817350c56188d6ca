package dev.wxlogin.domain.phone;

import dev.wxlogin.domain.error.InvalidInput;

import java.util.regex.Pattern;

/**
 * A user's phone number as WeChat verified it: personal data that only its owner sees. {@code toString()} masks
 * it ({@code 138****1234}), so a number that reaches a log line or an exception by accident is not disclosed.
 *
 * @param phoneNumber     the number as WeChat shows it, with the area code for numbers outside mainland China
 * @param purePhoneNumber the number without the area code
 * @param countryCode     the area code, digits only ({@code 86})
 */
public record PhoneNumber(String phoneNumber, String purePhoneNumber, String countryCode) {
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9][0-9 -]{0,30}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,20}");
    private static final Pattern COUNTRY_CODE = Pattern.compile("[0-9]{1,4}");
    private static final int SHOWN_AT_START = 3;
    private static final int SHOWN_AT_END = 4;

    public PhoneNumber {
        require(phoneNumber, NUMBER, "phoneNumber must be 1 to 31 digits, spaces or '-', with an optional leading '+'");
        require(purePhoneNumber, DIGITS, "purePhoneNumber must be 1 to 20 digits");
        require(countryCode, COUNTRY_CODE, "countryCode must be 1 to 4 digits");
    }

    private static void require(String value, Pattern pattern, String rule) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new InvalidInput(rule);
        }
    }

    /**
     * The pure number with all but its first three and last four digits starred; a number too short to keep
     * seven digits shows none.
     */
    public String masked() {
        int length = purePhoneNumber.length();
        if (length <= SHOWN_AT_START + SHOWN_AT_END) {
            return "*".repeat(length);
        }
        return purePhoneNumber.substring(0, SHOWN_AT_START) + "*".repeat(length - SHOWN_AT_START - SHOWN_AT_END)
                + purePhoneNumber.substring(length - SHOWN_AT_END);
    }

    @Override
    public String toString() {
        return "PhoneNumber[+" + countryCode + " " + masked() + "]";
    }
}
