package dev.wxlogin.archfixtures.compliant.domain.port.out;

import dev.wxlogin.archfixtures.compliant.domain.Greeting;

import java.time.Instant;

/** A driven port with a nested record, shaped like {@code ForStoringUsers.RecordedLogin}. */
public interface ForStoringGreetings {
    StoredGreeting store(String openId, Greeting greeting, Instant at);

    record StoredGreeting(long id, boolean first) {
    }
}
