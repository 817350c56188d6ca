package dev.wxlogin.adapters.rest;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.port.in.ForGettingSandboxCodes;
import io.javalin.http.Context;

/** {@code POST /sandbox/code}: {@code wx.login()} for a simulated user; routed only while the sandbox runs. */
final class SandboxEndpoint {
    private final ForGettingSandboxCodes sandbox;
    private final JsonRequestBodies bodies;
    private final AppId defaultAppId;

    SandboxEndpoint(ForGettingSandboxCodes sandbox, JsonRequestBodies bodies, AppId defaultAppId) {
        this.sandbox = sandbox;
        this.bodies = bodies;
        this.defaultAppId = defaultAppId;
    }

    void code(Context ctx) {
        JsonObjectBody body = bodies.read(ctx.req());
        String user = body.requiredString("user");
        AppId appId = body.optionalString("appId").map(AppId::new).orElse(defaultAppId);
        ctx.json(new ResponseBodies.SandboxCode(sandbox.wxLogin(appId, user).value()));
    }
}
