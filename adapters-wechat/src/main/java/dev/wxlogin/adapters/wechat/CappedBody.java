package dev.wxlogin.adapters.wechat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads an answer body into memory, up to a limit: code2Session answers are a few hundred bytes, so a huge one
 * is a fault, and reading it whole would let any peer on the way fill this server's memory. The body completes
 * with {@link TooLarge} as soon as it passes the limit, and the rest is not read.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** The failure of a body over the limit. */
    static final class TooLarge extends IOException {
        TooLarge(int maxBytes) {
            super("answer body over " + maxBytes + " bytes");
        }
    }

    private final int maxBytes;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private CappedBody(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    static HttpResponse.BodyHandler<byte[]> atMost(int maxBytes) {
        return responseInfo -> new CappedBody(maxBytes);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            if (body.isDone()) {
                return; // buffers may still arrive after the cancel
            }
            if (buffer.remaining() > maxBytes - received.size()) {
                subscription.cancel();
                body.completeExceptionally(new TooLarge(maxBytes));
                return;
            }
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            received.writeBytes(bytes);
        }
    }

    @Override
    public void onError(Throwable failure) {
        body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        body.complete(received.toByteArray());
    }
}
