package dev.wxlogin.domain.phone;

import dev.wxlogin.domain.app.AppId;

import java.util.Objects;

/**
 * What WeChat's getuserphonenumber answered for a phone code: the number, and the AppID of its watermark, which
 * must be ours before the number is believed.
 */
public record VerifiedPhone(PhoneNumber number, AppId watermarkAppId) {
    public VerifiedPhone {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(watermarkAppId, "watermarkAppId");
    }
}
