package dev.wxlogin.adapters.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Errors Jetty answers before a request reaches the router (headers too large, a garbled request line, a
 * request arriving during shutdown) as problem+json too, whatever the client accepts, with no stack trace.
 */
final class ProblemErrorHandler extends ErrorHandler {
    private final ObjectMapper json;

    ProblemErrorHandler(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        // An unknown HTTP version (Jetty's 505) is a garbled request: the client's mistake, so a 4xx.
        int status = code == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505 ? HttpStatus.BAD_REQUEST_400 : code;
        Problem problem = Problem.forStatus(status);
        response.setStatus(status);
        CommonHeaders.ALL.forEach(response.getHeaders()::put);
        ProblemType.retryAfterOf(problem).ifPresent(wait ->
                response.getHeaders().put(HttpHeader.RETRY_AFTER, ProblemResponses.retryAfterSeconds(wait)));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.write(true, ByteBuffer.wrap(json.writeValueAsBytes(problem)), callback);
    }
}
