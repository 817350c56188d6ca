package dev.wxlogin.adapters.rest;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;

/** Request bodies sent as a phone on a slow network sends them: in pieces, a millisecond apart. */
final class SlowBodies {
    private SlowBodies() {}

    static HttpRequest.BodyPublisher slowly(byte[] body, int pieceBytes) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body) {
            @Override
            public synchronized int read(byte[] buffer, int offset, int length) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.read(buffer, offset, Math.min(length, pieceBytes));
            }
        });
    }
}
