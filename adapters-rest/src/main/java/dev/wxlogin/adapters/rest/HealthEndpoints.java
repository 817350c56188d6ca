package dev.wxlogin.adapters.rest;

import io.javalin.http.Context;

import java.util.function.BooleanSupplier;

/** Liveness (the process answers) and readiness (its dependencies do), for load balancers and orchestrators. */
final class HealthEndpoints {
    private final BooleanSupplier ready;

    HealthEndpoints(BooleanSupplier ready) {
        this.ready = ready;
    }

    void health(Context ctx) {
        ctx.json(new ResponseBodies.Status("UP"));
    }

    void ready(Context ctx) {
        if (ready.getAsBoolean()) {
            ctx.json(new ResponseBodies.Status("READY"));
        } else {
            ProblemResponses.write(ctx, ProblemType.NOT_READY.problem());
        }
    }
}
