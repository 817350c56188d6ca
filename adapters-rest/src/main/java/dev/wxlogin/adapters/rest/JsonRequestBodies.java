package dev.wxlogin.adapters.rest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads a request body that must be one JSON object: {@code application/json} (415 otherwise), at most the
 * configured size whether announced by Content-Length or streamed chunked (413), strict UTF-8 and
 * well-formed JSON (400). Problem details describe the rule broken, never the body.
 */
final class JsonRequestBodies {
    private final ObjectMapper json;
    private final int maxBytes;

    JsonRequestBodies(ObjectMapper json, int maxBytes) {
        this.json = json;
        this.maxBytes = maxBytes;
    }

    JsonObjectBody read(HttpServletRequest request) {
        requireJsonMediaType(request.getContentType());
        if (request.getContentLengthLong() > maxBytes) {
            throw tooLarge();
        }
        JsonNode node = parse(decodeUtf8(readAtMostLimit(request)));
        if (!(node instanceof ObjectNode object)) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "The request body must be a JSON object");
        }
        return new JsonObjectBody(object);
    }

    private static void requireJsonMediaType(String contentType) {
        if (contentType == null) {
            throw unsupportedMediaType();
        }
        String[] parts = contentType.split(";", -1); // -1: ";" alone still yields an (empty) media type
        if (!parts[0].strip().equalsIgnoreCase("application/json")) {
            throw unsupportedMediaType();
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
            boolean otherCharset = parameter.startsWith("charset=")
                    && !parameter.equals("charset=utf-8") && !parameter.equals("charset=\"utf-8\"");
            if (otherCharset) {
                throw unsupportedMediaType();
            }
        }
    }

    // Chunked bodies announce no length: read one byte past the limit to tell "exactly the limit" from "more".
    private byte[] readAtMostLimit(HttpServletRequest request) {
        try (InputStream body = request.getInputStream()) {
            byte[] bytes = body.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "The request body could not be read");
        }
    }

    private static String decodeUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "The request body is not valid UTF-8");
        }
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JacksonException e) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "The request body is not valid JSON");
        }
    }

    private ProblemException tooLarge() {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "The request body exceeds " + maxBytes + " bytes");
    }

    private static ProblemException unsupportedMediaType() {
        return new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                "The request body must be application/json (UTF-8)");
    }
}
