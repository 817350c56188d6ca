package dev.wxlogin.adapters.rest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.javalin.http.Context;

import java.util.Map;
import java.util.function.Supplier;

/** Liveness (the process answers) and readiness (its dependencies do), for load balancers and orchestrators. */
final class HealthEndpoints {
    private final Supplier<Readiness> readiness;

    HealthEndpoints(Supplier<Readiness> readiness) {
        this.readiness = readiness;
    }

    void health(Context ctx) {
        ctx.json(new ResponseBodies.Status("UP"));
    }

    void ready(Context ctx) {
        Readiness now = readiness.get();
        if (now.ready()) {
            ctx.json(new ResponseBodies.Ready("READY", now.checks()));
        } else {
            Problem problem = ProblemType.NOT_READY.problem();
            ProblemResponses.write(ctx, problem, new NotReady(problem, now.checks()));
        }
    }

    // The checks as an RFC 9457 extension member, so whoever reads the 503 sees which dependency is down.
    record NotReady(@JsonUnwrapped Problem problem, Map<String, String> checks) {}
}
