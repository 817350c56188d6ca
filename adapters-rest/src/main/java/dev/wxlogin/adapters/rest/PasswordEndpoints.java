package dev.wxlogin.adapters.rest;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.login.LoginCode;
import dev.wxlogin.domain.password.Password;
import dev.wxlogin.domain.password.Username;
import dev.wxlogin.domain.port.in.ForBindingCredentials;
import dev.wxlogin.domain.port.in.ForLoggingInWithPassword;
import dev.wxlogin.domain.session.SessionToken;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.List;

/**
 * Usernames and passwords beside WeChat: {@code POST /api/v1/accounts} registers (201, logged in), {@code POST
 * /api/v1/login/password} logs in, {@code PUT /api/v1/me/password} gives the caller's account a password or changes it,
 * {@code POST /api/v1/me/wechat} binds a {@code wx.login()} code's user to it. The routes that act for a caller refuse
 * a request without a bearer token before reading its body.
 */
final class PasswordEndpoints {
    private final ForLoggingInWithPassword passwordLogin;
    private final ForBindingCredentials credentials;
    private final JsonRequestBodies bodies;
    private final ClientAddresses clientAddresses;
    private final List<AppId> apps;

    PasswordEndpoints(ForLoggingInWithPassword passwordLogin, ForBindingCredentials credentials, JsonRequestBodies bodies,
                      ClientAddresses clientAddresses, List<AppId> apps) {
        this.passwordLogin = passwordLogin;
        this.credentials = credentials;
        this.bodies = bodies;
        this.clientAddresses = clientAddresses;
        this.apps = apps;
    }

    void register(Context ctx) {
        JsonObjectBody body = bodies.read(ctx.req());
        ctx.status(HttpStatus.CREATED).json(ResponseBodies.PasswordLogin.of(passwordLogin.register(
                new Username(body.requiredString("username")), new Password(body.requiredString("password")),
                clientAddresses.clientOf(ctx))));
    }

    void logIn(Context ctx) {
        JsonObjectBody body = bodies.read(ctx.req());
        ctx.json(ResponseBodies.PasswordLogin.of(passwordLogin.logIn(new Username(body.requiredString("username")),
                new Password(body.requiredString("password")), clientAddresses.clientOf(ctx))));
    }

    void setPassword(Context ctx) {
        SessionToken caller = BearerAuthentication.token(ctx);
        JsonObjectBody body = bodies.read(ctx.req());
        Username username = credentials.setPassword(caller, body.optionalString("username").map(Username::new),
                new Password(body.requiredString("password")),
                body.optionalString("currentPassword").map(Password::new), clientAddresses.clientOf(ctx));
        ctx.json(new ResponseBodies.UsernameBody(username.value()));
    }

    void bindWeChat(Context ctx) {
        SessionToken caller = BearerAuthentication.token(ctx);
        JsonObjectBody body = bodies.read(ctx.req());
        LoginCode code = new LoginCode(body.requiredString("code"));
        ctx.json(new ResponseBodies.Bound(ResponseBodies.BoundUser.of(
                credentials.bindWeChat(caller, LoginEndpoint.appOf(body, apps), code))));
    }
}
