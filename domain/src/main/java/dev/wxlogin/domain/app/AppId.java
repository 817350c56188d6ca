package dev.wxlogin.domain.app;

import dev.wxlogin.domain.Validate;

/** A mini program's AppID (WeChat's are "wx" + 16 hex digits; the sandbox accepts any identifier). */
public record AppId(String value) {
    public AppId {
        Validate.identifier(value, 64, "AppID");
    }

    @Override
    public String toString() {
        return value;
    }
}
