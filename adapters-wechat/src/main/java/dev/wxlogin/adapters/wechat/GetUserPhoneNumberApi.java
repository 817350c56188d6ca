package dev.wxlogin.adapters.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.error.DomainException;
import dev.wxlogin.domain.error.InvalidInput;
import dev.wxlogin.domain.error.PhoneCodeRejected;
import dev.wxlogin.domain.phone.PhoneNumber;
import dev.wxlogin.domain.phone.VerifiedPhone;

import java.util.Optional;

/**
 * {@code POST /wxa/business/getuserphonenumber?access_token=…} with {@code {"code","openid"}}: the phone number
 * behind a getPhoneNumber button's code, with the watermark of the app it was given to.
 */
final class GetUserPhoneNumberApi implements WeChatApi<VerifiedPhone> {

    @Override
    public String name() {
        return "getPhoneNumber";
    }

    @Override
    public String path() {
        return "/wxa/business/getuserphonenumber";
    }

    /** {@code countryCode} is a string by WeChat's field table and a number in its own example: both are read. */
    @Override
    public Reading<VerifiedPhone> read(JsonNode answer) {
        JsonNode info = answer.path("phone_info");
        JsonNode countryCode = info.path("countryCode");
        Optional<String> country = countryCode.isIntegralNumber() ? Optional.of(countryCode.asText()) : text(countryCode);
        Optional<String> phoneNumber = text(info.path("phoneNumber"));
        Optional<String> pure = text(info.path("purePhoneNumber"));
        Optional<String> watermark = text(info.path("watermark").path("appid"));
        if (phoneNumber.isEmpty() || pure.isEmpty() || country.isEmpty() || watermark.isEmpty()) {
            return new Reading.Garbled<>("phone_info incomplete");
        }
        try {
            return new Reading.Result<>(new VerifiedPhone(new PhoneNumber(phoneNumber.get(), pure.get(), country.get()),
                    new AppId(watermark.get())), "phone number");
        } catch (InvalidInput malformed) {
            return new Reading.Garbled<>("phone_info malformed");
        }
    }

    /** Invalid, expired, used, another app's or another user's code (40029; 40163 as code2Session words "used"). */
    @Override
    public Optional<DomainException> errorFor(int errcode) {
        return Optional.ofNullable(switch (errcode) {
            case 40029, 40163, 41008 -> new PhoneCodeRejected("WeChat refused the phone code with errcode " + errcode);
            default -> null;
        });
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? Optional.of(node.asText()) : Optional.empty();
    }
}
