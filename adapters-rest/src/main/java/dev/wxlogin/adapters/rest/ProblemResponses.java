package dev.wxlogin.adapters.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wxlogin.domain.error.AccessTokenRejected;
import dev.wxlogin.domain.error.AuthenticationFailed;
import dev.wxlogin.domain.error.AvatarRejected;
import dev.wxlogin.domain.error.CredentialsRejected;
import dev.wxlogin.domain.error.DomainException;
import dev.wxlogin.domain.error.InvalidInput;
import dev.wxlogin.domain.error.LoginRejected;
import dev.wxlogin.domain.error.NotFound;
import dev.wxlogin.domain.error.OpenDataRejected;
import dev.wxlogin.domain.error.PhoneCodeRejected;
import dev.wxlogin.domain.error.StorageBusy;
import dev.wxlogin.domain.error.StorageUnavailable;
import dev.wxlogin.domain.error.UpstreamFailure;
import dev.wxlogin.domain.error.WeChatBoundElsewhere;
import dev.wxlogin.domain.error.WeChatSessionRequired;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.router.Endpoint;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;

/** Turns every failure a handler can meet into a problem+json response. */
final class ProblemResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

    private ProblemResponses() {}

    static void write(Context ctx, Problem problem) {
        write(ctx, problem, problem);
    }

    /** {@code document} is {@code problem} with extension members, such as the checks of {@code not_ready}. */
    static void write(Context ctx, Problem problem, Object document) {
        UnreadBodies.dropRest(ctx.req()); // many refusals come before the body is read
        if (ctx.res().getHeader(Header.RETRY_AFTER) == null) { // no more precise wait was set
            ProblemType.retryAfterOf(problem).ifPresent(wait -> retryAfter(ctx, wait));
        }
        ctx.status(problem.status()).json(document).contentType(Problem.MEDIA_TYPE);
    }

    static void domainFailure(DomainException failure, Context ctx) {
        write(ctx, switch (failure) {
            // The domain's validation messages name the field and the rule, never the rejected value.
            case InvalidInput invalid -> ProblemType.BAD_REQUEST.problem(invalid.getMessage());
            case LoginRejected rejected -> switch (rejected.reason()) {
                case INVALID_CODE -> ProblemType.INVALID_CODE.problem();
                case CODE_USED -> ProblemType.CODE_USED.problem();
                case USER_BLOCKED -> ProblemType.USER_BLOCKED.problem();
                case ACCOUNT_DISABLED -> ProblemType.ACCOUNT_DISABLED.problem();
                case UNKNOWN_APP -> ProblemType.UNKNOWN_APP.problem();
            };
            case AuthenticationFailed failed -> {
                ctx.header(Header.WWW_AUTHENTICATE, "Bearer");
                yield switch (failed.reason()) {
                    case UNAUTHENTICATED -> ProblemType.UNAUTHENTICATED.problem();
                    case SESSION_EXPIRED -> ProblemType.SESSION_EXPIRED.problem();
                    case SESSION_REPLACED -> ProblemType.SESSION_REPLACED.problem();
                    case SESSION_REVOKED -> ProblemType.SESSION_REVOKED.problem();
                };
            }
            case UpstreamFailure upstream -> {
                upstream.retryAfter().ifPresent(wait -> retryAfter(ctx, wait));
                yield switch (upstream.kind()) {
                    case BUSY -> ProblemType.UPSTREAM_BUSY.problem();
                    case RATE_LIMITED -> ProblemType.UPSTREAM_RATE_LIMITED.problem();
                    case UNAVAILABLE -> ProblemType.UPSTREAM_UNAVAILABLE.problem();
                    case MISCONFIGURED -> ProblemType.UPSTREAM_MISCONFIGURED.problem();
                    case REFUSED -> ProblemType.UPSTREAM_ERROR.problem();
                };
            }
            case OpenDataRejected rejected -> switch (rejected.reason()) {
                case INVALID_OPEN_DATA -> ProblemType.INVALID_OPEN_DATA.problem();
                case INVALID_SIGNATURE -> ProblemType.INVALID_SIGNATURE.problem();
                case WATERMARK_MISMATCH -> ProblemType.WATERMARK_MISMATCH.problem();
                case OPEN_DATA_EXPIRED -> ProblemType.OPEN_DATA_EXPIRED.problem();
                case SESSION_KEY_STALE -> ProblemType.SESSION_KEY_STALE.problem();
            };
            case AvatarRejected rejected -> switch (rejected.reason()) {
                case UNSUPPORTED_FORMAT -> ProblemType.UNSUPPORTED_IMAGE.problem();
                case INVALID_IMAGE -> ProblemType.INVALID_IMAGE.problem();
                case TOO_LARGE -> ProblemType.IMAGE_TOO_LARGE.problem();
            };
            case StorageUnavailable ignored -> ProblemType.STORAGE_UNAVAILABLE.problem();
            case StorageBusy ignored -> ProblemType.STORAGE_BUSY.problem();
            // The same answer whether the thing is missing or someone else's.
            case NotFound ignored -> ProblemType.NOT_FOUND.problem();
            // A use case retries once with a replacement; a token refused again is WeChat's trouble, not the client's.
            case AccessTokenRejected ignored -> ProblemType.UPSTREAM_UNAVAILABLE.problem();
            case PhoneCodeRejected ignored -> ProblemType.INVALID_PHONE_CODE.problem();
            case WeChatSessionRequired ignored -> ProblemType.WECHAT_SESSION_REQUIRED.problem();
            case WeChatBoundElsewhere ignored -> ProblemType.WECHAT_BOUND_ELSEWHERE.problem();
            case CredentialsRejected rejected -> {
                rejected.retryAfter().ifPresent(wait -> retryAfter(ctx, wait));
                yield switch (rejected.reason()) {
                    // One answer for an unknown name and a wrong password: nobody learns which names exist.
                    case INVALID_CREDENTIALS -> {
                        ctx.header(Header.WWW_AUTHENTICATE, "Bearer"); // RFC 9110: every 401 names the scheme it wants
                        yield ProblemType.INVALID_CREDENTIALS.problem();
                    }
                    case TOO_MANY_FAILURES -> ProblemType.RATE_LIMITED.problem(
                            "Too many failed logins for this username or from this client; try again later");
                    case COMMON_PASSWORD -> ProblemType.COMMON_PASSWORD.problem();
                    case USERNAME_TAKEN -> ProblemType.USERNAME_TAKEN.problem();
                    case USERNAME_ALREADY_SET -> ProblemType.USERNAME_ALREADY_SET.problem();
                    case WRONG_CURRENT_PASSWORD -> ProblemType.WRONG_CURRENT_PASSWORD.problem();
                };
            }
        });
    }

    static void adapterRefusal(ProblemException refusal, Context ctx) {
        refusal.retryAfter().ifPresent(wait -> retryAfter(ctx, wait));
        if (refusal.problem().status() == ProblemType.UNAUTHENTICATED.status()) {
            ctx.header(Header.WWW_AUTHENTICATE, "Bearer"); // RFC 9110: every 401 names the scheme it wants
        }
        write(ctx, refusal.problem());
    }

    /** Javalin's own refusals, such as no route (404) or a route without this method (405). */
    static void routingFailure(HttpResponseException failure, Context ctx) {
        if (failure instanceof MethodNotAllowedResponse notAllowed) {
            String allowed = notAllowed.getDetails().get("availableMethods");
            if (allowed != null) {
                ctx.header(Header.ALLOW, allowed);
            }
        }
        write(ctx, Problem.forStatus(failure.getStatus()));
    }

    /** A bug or a failing dependency: the client learns nothing, the log learns what broke but not the request. */
    static void unexpected(Exception failure, Context ctx) {
        Endpoint route = ctx.endpoints().matchedHttpEndpoint();
        LOG.error("Unexpected {} in route {}", failure.getClass().getName(),
                route == null ? "(none)" : route.method + " " + route.path);
        write(ctx, ProblemType.INTERNAL_ERROR.problem());
    }

    /** An {@link Error} (stack overflow, out of memory) bypasses Javalin's exception mapping and lands here. */
    static void fatal(HttpServletResponse response, Error error, ObjectMapper json) {
        LOG.error("Fatal {} handling a request", error.getClass().getName());
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(ProblemType.INTERNAL_ERROR.status());
        response.setContentType(Problem.MEDIA_TYPE);
        try {
            response.getOutputStream().write(json.writeValueAsBytes(ProblemType.INTERNAL_ERROR.problem()));
        } catch (IOException clientGone) {
            // Nothing left to tell anyone.
        }
    }

    private static void retryAfter(Context ctx, Duration wait) {
        ctx.header(Header.RETRY_AFTER, retryAfterSeconds(wait));
    }

    /** The {@code Retry-After} value: whole seconds, rounded up, because retrying early only earns another refusal. */
    static String retryAfterSeconds(Duration wait) {
        long seconds = wait.getNano() > 0 ? wait.getSeconds() + 1 : wait.getSeconds();
        return Long.toString(Math.max(1, seconds));
    }
}
