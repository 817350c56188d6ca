package dev.wxlogin.adapters.rest;

import dev.wxlogin.domain.opendata.EncryptedOpenData;
import dev.wxlogin.domain.port.in.ForOpeningOpenData;
import io.javalin.http.Context;

/**
 * {@code POST /api/v1/me/open-data}: {@code {"encryptedData","iv"[,"rawData","signature"]}} in, the decrypted
 * object (watermark removed) out. The body is never logged, and neither is what it decrypts to.
 */
final class OpenDataEndpoint {
    private final ForOpeningOpenData openData;
    private final BearerAuthentication authentication;
    private final JsonRequestBodies bodies;

    OpenDataEndpoint(ForOpeningOpenData openData, BearerAuthentication authentication, JsonRequestBodies bodies) {
        this.openData = openData;
        this.authentication = authentication;
        this.bodies = bodies;
    }

    void open(Context ctx) {
        authentication.authenticate(ctx); // a caller who is nobody gets 401 whatever their body, which stays unread
        var token = BearerAuthentication.token(ctx);
        JsonObjectBody body = bodies.read(ctx.req());
        EncryptedOpenData data = new EncryptedOpenData(body.requiredString("encryptedData"), body.requiredString("iv"),
                body.optionalString("rawData"), body.optionalString("signature"));
        ctx.json(openData.open(token, data).members());
    }
}
