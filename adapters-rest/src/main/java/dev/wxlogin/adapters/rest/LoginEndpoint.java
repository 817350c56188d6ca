package dev.wxlogin.adapters.rest;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.login.LoginCode;
import dev.wxlogin.domain.login.LoginCommand;
import dev.wxlogin.domain.port.in.ForLoggingIn;
import io.javalin.http.Context;

import java.util.List;

/**
 * {@code POST /api/v1/login}: a {@code wx.login()} code and the mini program's AppID in, our own bearer token out.
 * The AppID may be left out while the server serves one mini program; whether it serves the one named, the login
 * use case decides.
 */
final class LoginEndpoint {
    private final ForLoggingIn loggingIn;
    private final JsonRequestBodies bodies;
    private final ClientAddresses clientAddresses;
    private final List<AppId> apps;

    LoginEndpoint(ForLoggingIn loggingIn, JsonRequestBodies bodies, ClientAddresses clientAddresses, List<AppId> apps) {
        this.loggingIn = loggingIn;
        this.bodies = bodies;
        this.clientAddresses = clientAddresses;
        this.apps = apps;
    }

    void logIn(Context ctx) {
        JsonObjectBody body = bodies.read(ctx.req());
        LoginCode code = new LoginCode(body.requiredString("code"));
        ctx.json(ResponseBodies.Login.of(loggingIn.logIn(new LoginCommand(appOf(body, apps), code,
                clientAddresses.clientOf(ctx)))));
    }

    /** The mini program a body with a {@code wx.login()} code names: may be left out while the server serves one. */
    static AppId appOf(JsonObjectBody body, List<AppId> apps) {
        return body.optionalString("appId").map(AppId::new).orElseGet(() -> {
            if (apps.size() > 1) {
                throw new ProblemException(ProblemType.APP_REQUIRED);
            }
            return apps.getFirst();
        });
    }
}
