package dev.wxlogin.domain.profile;

import java.util.Arrays;
import java.util.Optional;

/** The avatar formats accepted, recognised by their first bytes, never by what the upload claims to be. */
public enum ImageFormat {
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
    /** RIFF, four bytes of length, WEBP. */
    WEBP("image/webp", new byte[] {'R', 'I', 'F', 'F'});

    private static final byte[] WEBP_FORM = {'W', 'E', 'B', 'P'};
    private static final int WEBP_FORM_OFFSET = 8;

    private final String mediaType;
    private final byte[] magic;

    ImageFormat(String mediaType, byte[] magic) {
        this.mediaType = mediaType;
        this.magic = magic;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format {@code bytes} begin like, if any of ours. */
    public static Optional<ImageFormat> sniff(byte[] bytes) {
        return Arrays.stream(values()).filter(format -> format.begins(bytes)).findFirst();
    }

    /** The format of a stored avatar, by its media type. */
    public static Optional<ImageFormat> ofMediaType(String mediaType) {
        return Arrays.stream(values()).filter(format -> format.mediaType.equals(mediaType)).findFirst();
    }

    private boolean begins(byte[] bytes) {
        return startsWith(bytes, magic, 0) && (this != WEBP || startsWith(bytes, WEBP_FORM, WEBP_FORM_OFFSET));
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix, int offset) {
        return bytes.length >= offset + prefix.length
                && Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
    }
}
