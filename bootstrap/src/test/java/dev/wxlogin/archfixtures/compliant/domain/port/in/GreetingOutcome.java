package dev.wxlogin.archfixtures.compliant.domain.port.in;

import dev.wxlogin.archfixtures.compliant.domain.Greeting;

/** A message next to the port: a sealed interface, with records implementing it (they are not use cases). */
public sealed interface GreetingOutcome {
    record Greeted(Greeting greeting, boolean firstTime) implements GreetingOutcome {
    }

    record Unknown(String openId) implements GreetingOutcome {
    }
}
