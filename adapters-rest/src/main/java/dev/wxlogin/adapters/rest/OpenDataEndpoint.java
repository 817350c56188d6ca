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
    private final JsonRequestBodies bodies;

    OpenDataEndpoint(ForOpeningOpenData openData, JsonRequestBodies bodies) {
        this.openData = openData;
        this.bodies = bodies;
    }

    void open(Context ctx) {
        var token = BearerAuthentication.token(ctx); // a malformed token is 401 before the body is looked at
        JsonObjectBody body = bodies.read(ctx.req());
        EncryptedOpenData data = new EncryptedOpenData(body.requiredString("encryptedData"), body.requiredString("iv"),
                body.optionalString("rawData"), body.optionalString("signature"));
        ctx.json(openData.open(token, data).members());
    }
}
