package dev.wxlogin.adapters.rest;

/** A request the adapter refuses before any port is called (wrong media type, oversized or garbled body). */
final class ProblemException extends RuntimeException {
    private final transient Problem problem;

    ProblemException(ProblemType type, String detail) {
        super(detail, null, false, false);
        this.problem = type.problem(detail);
    }

    Problem problem() {
        return problem;
    }
}
