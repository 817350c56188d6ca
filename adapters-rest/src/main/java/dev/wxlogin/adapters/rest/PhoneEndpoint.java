package dev.wxlogin.adapters.rest;

import dev.wxlogin.domain.phone.PhoneCode;
import dev.wxlogin.domain.port.in.ForBindingPhoneNumbers;
import dev.wxlogin.domain.session.SessionToken;
import io.javalin.http.Context;

/** {@code POST /api/v1/me/phone}: the getPhoneNumber button's {@code e.detail.code} in, the caller's number out. */
final class PhoneEndpoint {
    private final ForBindingPhoneNumbers phones;
    private final JsonRequestBodies bodies;

    PhoneEndpoint(ForBindingPhoneNumbers phones, JsonRequestBodies bodies) {
        this.phones = phones;
        this.bodies = bodies;
    }

    /** A request without a bearer token is 401 before its body is read; the use case authenticates the token. */
    void bind(Context ctx) {
        SessionToken caller = BearerAuthentication.token(ctx);
        PhoneCode code = new PhoneCode(bodies.read(ctx.req()).requiredString("code"));
        ctx.json(ResponseBodies.Phone.of(phones.bind(caller, code)));
    }
}
