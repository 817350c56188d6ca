package dev.wxlogin.archfixtures.compliant.application;

import dev.wxlogin.archfixtures.compliant.domain.Greeting;
import dev.wxlogin.archfixtures.compliant.domain.port.in.ForGreeting;
import dev.wxlogin.archfixtures.compliant.domain.port.in.GreetingOutcome;
import dev.wxlogin.archfixtures.compliant.domain.port.in.Language;
import dev.wxlogin.archfixtures.compliant.domain.port.out.ForLookingUpNames;
import dev.wxlogin.archfixtures.compliant.domain.port.out.ForStoringGreetings;

import java.time.Clock;

/** The service of the driving port: depends on the domain and the JDK only. */
public final class GreetingService implements ForGreeting {
    private final ForLookingUpNames names;
    private final ForStoringGreetings greetings;
    private final Clock clock;

    public GreetingService(ForLookingUpNames names, ForStoringGreetings greetings, Clock clock) {
        this.names = names;
        this.greetings = greetings;
        this.clock = clock;
    }

    @Override
    public GreetingOutcome greet(Request request) {
        return names.nameOf(request.openId())
                .<GreetingOutcome>map(name -> {
                    Greeting greeting = new Greeting((request.language() == Language.CHINESE ? "你好, " : "Hello, ") + name);
                    boolean first = greetings.store(request.openId(), greeting, clock.instant()).first();
                    return new GreetingOutcome.Greeted(greeting, first);
                })
                .orElseGet(() -> new GreetingOutcome.Unknown(request.openId()));
    }
}
