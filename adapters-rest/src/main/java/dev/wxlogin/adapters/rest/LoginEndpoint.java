package dev.wxlogin.adapters.rest;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.login.LoginCode;
import dev.wxlogin.domain.login.LoginCommand;
import dev.wxlogin.domain.port.in.ForLoggingIn;
import dev.wxlogin.domain.session.ClientInfo;
import io.javalin.http.Context;

/** {@code POST /api/v1/login}: a {@code wx.login()} code in, our own bearer token out. */
final class LoginEndpoint {
    private final ForLoggingIn loggingIn;
    private final JsonRequestBodies bodies;
    private final ClientAddresses clientAddresses;
    private final AppId appId;

    LoginEndpoint(ForLoggingIn loggingIn, JsonRequestBodies bodies, ClientAddresses clientAddresses, AppId appId) {
        this.loggingIn = loggingIn;
        this.bodies = bodies;
        this.clientAddresses = clientAddresses;
        this.appId = appId;
    }

    void logIn(Context ctx) {
        LoginCode code = new LoginCode(bodies.read(ctx.req()).requiredString("code"));
        ClientInfo client = new ClientInfo(ctx.userAgent(), clientAddresses.clientIp(ctx.req()));
        ctx.json(ResponseBodies.Login.of(loggingIn.logIn(new LoginCommand(appId, code, client))));
    }
}
