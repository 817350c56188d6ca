package dev.wxlogin.archfixtures.compliant.domain.port.in;

/** A driving port, with its command nested in it. */
public interface ForGreeting {
    GreetingOutcome greet(Request request);

    record Request(String openId, Language language) {
    }
}
