package dev.wxlogin.adapters.rest;

import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The bytes of an avatar upload: the part named {@value #FIELD} of the {@code multipart/form-data} body that
 * {@code wx.uploadFile} sends ({@code name: "avatar"}), or a raw body of any other type. Nothing past the limit is
 * kept. A body too large by at most the limit again is read to its end and dropped before the 413: a client that
 * sends its whole body before it reads the answer (the JDK's HTTP client does) would otherwise meet a connection
 * closed with its body unread, which the kernel resets, losing the 413 on the way. A larger Content-Length is
 * refused unread, and a larger streamed body is cut off there. The declared type of the file is ignored; what the
 * bytes are is decided by the bytes.
 */
final class AvatarUploads {
    static final String FIELD = "avatar";
    /** Room for the part headers and boundaries of a multipart body around a file of the largest size. */
    private static final int MULTIPART_OVERHEAD = 16 * 1024;
    /** {@code Content-Disposition: form-data; name="avatar"; filename="…"}, the name quoted or not, in any order. */
    private static final Pattern FIELD_DISPOSITION = Pattern.compile(
            "(?i)content-disposition\\s*:\\s*form-data\\s*(;.*)?;\\s*name\\s*=\\s*(\"" + FIELD + "\"|" + FIELD + ")\\s*(;.*)?");
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEADERS_END = {'\r', '\n', '\r', '\n'};

    private final int maxFileBytes;

    AvatarUploads(int maxFileBytes) {
        this.maxFileBytes = maxFileBytes;
    }

    byte[] read(HttpServletRequest request) {
        Optional<String> boundary = boundary(request.getContentType());
        byte[] body = readAtMost(request, boundary.isPresent() ? maxFileBytes + MULTIPART_OVERHEAD : maxFileBytes);
        byte[] file = boundary.map(text -> filePart(body, text)).orElse(body);
        if (file.length > maxFileBytes) {
            throw tooLarge();
        }
        if (file.length == 0) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "The upload is empty");
        }
        return file;
    }

    /** The boundary of a {@code multipart/form-data} body; empty for any other type, which is taken as raw bytes. */
    private static Optional<String> boundary(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String[] parts = contentType.split(";");
        if (!parts[0].strip().equalsIgnoreCase("multipart/form-data")) {
            return Optional.empty();
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String value = parameter.substring("boundary=".length());
                value = value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")
                        ? value.substring(1, value.length() - 1) : value;
                if (!value.isEmpty() && value.length() <= 70) { // RFC 2046's limit
                    return Optional.of(value);
                }
            }
        }
        throw new ProblemException(ProblemType.BAD_REQUEST, "A multipart/form-data body needs a boundary");
    }

    private byte[] readAtMost(HttpServletRequest request, int limit) {
        long declared = request.getContentLengthLong();
        if (declared > 2L * limit) {
            throw tooLarge();
        }
        try (InputStream body = request.getInputStream()) {
            if (declared > limit) {
                UnreadBodies.drop(body, declared);
                throw tooLarge();
            }
            byte[] bytes = body.readNBytes(limit + 1);
            if (bytes.length > limit) {
                UnreadBodies.drop(body, limit - 1L);
                throw tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "The request body could not be read");
        }
    }

    /** The content of the first part whose Content-Disposition names the field {@value #FIELD}. */
    private static byte[] filePart(byte[] body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] separator = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int lineEnd = indexOf(body, CRLF, at + delimiter.length);
            int headersEnd = lineEnd < 0 ? -1 : indexOf(body, HEADERS_END, lineEnd);
            int next = headersEnd < 0 ? -1 : indexOf(body, separator, headersEnd + HEADERS_END.length);
            if (next < 0) {
                break;
            }
            String headers = new String(body, lineEnd + CRLF.length, Math.max(0, headersEnd - lineEnd - CRLF.length),
                    StandardCharsets.UTF_8);
            if (namesTheField(headers)) {
                return Arrays.copyOfRange(body, headersEnd + HEADERS_END.length, next);
            }
            at = next + CRLF.length;
        }
        throw new ProblemException(ProblemType.BAD_REQUEST,
                "The multipart body must have a part named \"" + FIELD + "\" holding the image");
    }

    private static boolean namesTheField(String headers) {
        return headers.lines().anyMatch(line -> FIELD_DISPOSITION.matcher(line).matches());
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private ProblemException tooLarge() {
        return new ProblemException(ProblemType.IMAGE_TOO_LARGE, "An avatar may have at most " + maxFileBytes + " bytes");
    }
}
