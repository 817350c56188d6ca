package dev.wxlogin.archfixtures.compliant.domain.port.out;

import java.util.Optional;

/** A driven port implemented by the WeChat adapter. */
public interface ForLookingUpNames {
    Optional<String> nameOf(String openId);
}
