package dev.wxlogin.adapters.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one Jackson configuration for requests and responses. */
final class JsonMapping {
    // Our request bodies are flat objects; anything deeper is an attack on the parser, not a request.
    private static final int MAX_NESTING_DEPTH = 16;

    private JsonMapping() {}

    static ObjectMapper create() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                // Two "code" members would let a proxy and this server read different requests.
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // Every request runs on a new virtual thread, so Jackson's default per-thread buffers would be made
                // anew for each one; a shared pool (Jackson 3's default) reuses them.
                .recyclerPool(JsonRecyclerPools.newConcurrentDequePool())
                .build();
        return JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }
}
