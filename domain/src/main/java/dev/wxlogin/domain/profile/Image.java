package dev.wxlogin.domain.profile;

import java.util.Arrays;
import java.util.Objects;

/** An image's bytes and their format: decoded and re-encoded by the server, or as stored. */
public record Image(ImageFormat format, byte[] bytes) {
    public Image {
        Objects.requireNonNull(format, "format");
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Image that && format == that.format && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes); // equal images have equal bytes; the format adds nothing a map needs
    }

    @Override
    public String toString() {
        return "Image[" + format + ", " + bytes.length + " bytes]";
    }
}
