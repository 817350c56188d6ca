package dev.wxlogin.archfixtures.compliant.adapters.grpc;

import dev.wxlogin.archfixtures.compliant.domain.port.in.ForGreeting;
import dev.wxlogin.archfixtures.compliant.domain.port.in.GreetingOutcome;
import dev.wxlogin.archfixtures.compliant.domain.port.in.Language;

/**
 * A second driving adapter, in a package no rule names: the rules find it by its role and check it like the REST
 * adapter (it calls the use case through port.in, and uses no technology another adapter owns).
 */
public final class GrpcGreetingEndpoint {
    private final ForGreeting greeting;

    public GrpcGreetingEndpoint(ForGreeting greeting) {
        this.greeting = greeting;
    }

    public GreetingOutcome greet(String openId) {
        return greeting.greet(new ForGreeting.Request(openId, Language.CHINESE));
    }
}
