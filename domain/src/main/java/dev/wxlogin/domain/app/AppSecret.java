package dev.wxlogin.domain.app;

import dev.wxlogin.domain.Secret;
import dev.wxlogin.domain.Validate;

/** A mini program's AppSecret. A credential: never logged, never in a URL that is logged, never echoed. */
public record AppSecret(String value) {
    public AppSecret {
        Validate.visibleAscii(value, 128, "AppSecret");
    }

    @Override
    public String toString() {
        return Secret.redacted(AppSecret.class);
    }
}
