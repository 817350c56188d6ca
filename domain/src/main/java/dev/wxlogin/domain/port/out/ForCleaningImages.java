package dev.wxlogin.domain.port.out;

import dev.wxlogin.domain.profile.Image;

/**
 * Proves an upload is the image it begins like by decoding it, and re-encodes it: only pixels survive, so EXIF, GPS,
 * comments, colour profiles and whatever was appended to the file (a polyglot's second life) do not. Pixel
 * dimensions are read from the header and capped before any pixel is decoded, so a small file that declares a huge
 * image cannot exhaust memory.
 */
public interface ForCleaningImages {
    /**
     * @param upload bytes whose format was recognised by their first bytes
     * @return the re-encoded image, scaled down to an avatar's size, in a format the server can write
     * @throws dev.wxlogin.domain.error.AvatarRejected {@code INVALID_IMAGE} when it does not decode, {@code TOO_LARGE}
     *                                                 when it declares more pixels than the cap
     */
    Image clean(Image upload);
}
