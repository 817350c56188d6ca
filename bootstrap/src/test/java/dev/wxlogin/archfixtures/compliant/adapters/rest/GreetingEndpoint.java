package dev.wxlogin.archfixtures.compliant.adapters.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wxlogin.archfixtures.compliant.domain.port.in.ForGreeting;
import dev.wxlogin.archfixtures.compliant.domain.port.in.GreetingOutcome;
import dev.wxlogin.archfixtures.compliant.domain.port.in.Language;
import io.javalin.Javalin;
import io.javalin.http.Context;

/** A driving adapter: Javalin and Jackson, calling the use case through its port.in interface only. */
public final class GreetingEndpoint {
    private final ForGreeting greeting;
    private final ObjectMapper json = new ObjectMapper();

    public GreetingEndpoint(ForGreeting greeting) {
        this.greeting = greeting;
    }

    public Javalin start(int port) {
        return Javalin.create().start(port);
    }

    void greet(Context ctx) throws Exception {
        GreetingOutcome outcome = greeting.greet(new ForGreeting.Request(ctx.body(), Language.ENGLISH));
        ctx.result(json.writeValueAsString(outcome));
    }
}
