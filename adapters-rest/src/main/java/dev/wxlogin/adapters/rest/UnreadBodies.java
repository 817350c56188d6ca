package dev.wxlogin.adapters.rest;

import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.io.InputStream;

/**
 * The part of a request body nobody read, read and dropped before an answer. A client that sends its whole body before
 * it reads (the JDK's HTTP client does, and so do phones on slow networks) would otherwise meet a connection closed
 * with its body unread, which the kernel resets, and the reset can overtake the answer on its way (RFC 9112 9.6).
 */
final class UnreadBodies {
    /** A body declared longer than this is not waited for: its connection closes after the answer. */
    static final long MOST_DROPPED = 64 * 1024;

    private UnreadBodies() {}

    /** Before a refusal: the rest of the body, if it is not declared longer than {@link #MOST_DROPPED}. */
    static void dropRest(HttpServletRequest request) {
        if (request.getContentLengthLong() > MOST_DROPPED) {
            return;
        }
        try (InputStream body = request.getInputStream()) {
            drop(body, MOST_DROPPED);
        } catch (IOException | IllegalStateException gone) {
            // the client went away, or the body was taken as characters: there is no answer left to protect
        }
    }

    /** Reads what is left of {@code body}, {@code most} bytes at most, and keeps none of it. */
    static void drop(InputStream body, long most) throws IOException {
        byte[] buffer = new byte[8192];
        for (long left = most; left > 0; ) {
            int read = body.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                return;
            }
            left -= read;
        }
    }
}
