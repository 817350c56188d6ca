package dev.wxlogin.adapters.rest;

import io.javalin.http.HttpStatus;

/**
 * An RFC 9457 problem document, the body of every error response, with the extension member {@code code}.
 * {@code detail} is for humans and never carries a token, a code or a secret.
 */
record Problem(String type, String title, int status, String detail, String code) {
    static final String MEDIA_TYPE = "application/problem+json";

    /** The problem for an error that only has a status, as the server and router report them. */
    static Problem forStatus(int status) {
        return switch (status) {
            case 400 -> ProblemType.BAD_REQUEST.problem();
            case 404 -> ProblemType.NOT_FOUND.problem();
            case 405 -> ProblemType.METHOD_NOT_ALLOWED.problem();
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE.problem();
            case 414 -> ProblemType.URI_TOO_LONG.problem();
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE.problem();
            case 431 -> ProblemType.HEADERS_TOO_LARGE.problem();
            case 500 -> ProblemType.INTERNAL_ERROR.problem();
            case 503 -> ProblemType.UNAVAILABLE.problem();
            default -> generic(status);
        };
    }

    // RFC 9457 §4.2.1: with "about:blank" the title is the status phrase.
    private static Problem generic(int status) {
        String phrase = HttpStatus.forStatus(status).getMessage();
        String code = (status < 500 ? ProblemType.BAD_REQUEST : ProblemType.INTERNAL_ERROR).code();
        return new Problem("about:blank", phrase, status, phrase, code);
    }
}
