package dev.wxlogin.adapters.images;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * Avatar uploads, good and hostile, made in code so that each shows exactly what it is built to show. Public, for
 * the end-to-end tests of bootstrap too.
 */
public final class AvatarFixtures {
    /** Where the JPEG's EXIF says it was taken; no byte of it may survive an upload. */
    public static final String SECRET_PLACE = "wxlogin-home-of-alice";
    /** A 1 × 1 lossless WebP (VP8L). */
    public static final byte[] WEBP_LOSSLESS = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
    /** A 1 × 1 lossy WebP (VP8). */
    public static final byte[] WEBP_LOSSY = Base64.getDecoder().decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");

    private AvatarFixtures() {}

    public static byte[] png(int width, int height) {
        return encoded(picture(width, height, BufferedImage.TYPE_INT_ARGB), "png");
    }

    public static byte[] jpeg(int width, int height) {
        return encoded(picture(width, height, BufferedImage.TYPE_INT_RGB), "jpeg");
    }

    /** A JPEG whose APP1 segment holds EXIF with a GPS IFD (latitude 31°N) and a description naming a place. */
    public static byte[] jpegWithGps() {
        byte[] plain = jpeg(64, 48);
        byte[] app1 = app1Exif();
        byte[] withExif = new byte[plain.length + app1.length];
        System.arraycopy(plain, 0, withExif, 0, 2); // SOI
        System.arraycopy(app1, 0, withExif, 2, app1.length);
        System.arraycopy(plain, 2, withExif, 2 + app1.length, plain.length - 2);
        return withExif;
    }

    /** A valid PNG with a ZIP archive (a jar, an HTML page, anything) glued on behind its IEND: two files in one. */
    public static byte[] polyglotPngZip() {
        byte[] zip = ("PK\u0003\u0004<html><script>alert('" + SECRET_PLACE + "')</script></html>")
                .getBytes(StandardCharsets.ISO_8859_1);
        return concat(png(32, 32), zip);
    }

    /** Begins like a PNG, then is an HTML page. */
    public static byte[] pngHeaderThenHtml() {
        return concat(Arrays.copyOf(png(8, 8), 8),
                "<html><body>not an image</body></html>".getBytes(StandardCharsets.US_ASCII));
    }

    public static byte[] truncated(byte[] image) {
        return Arrays.copyOf(image, image.length / 2);
    }

    /** A GIF: an image, but not one of ours. */
    public static byte[] gif() {
        return encoded(picture(8, 8, BufferedImage.TYPE_INT_RGB), "gif");
    }

    /**
     * A PNG of a few hundred bytes whose header declares {@code side} × {@code side} pixels: decoding it in full would
     * take side² × 4 bytes of memory (a decompression bomb), so it must be refused from its header alone.
     */
    public static byte[] pngDeclaring(int side) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).order(ByteOrder.BIG_ENDIAN);
        ihdr.putInt(side).putInt(side).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        byte[] signature = Arrays.copyOf(png(1, 1), 8);
        return concat(signature, chunk("IHDR", ihdr.array()), chunk("IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00}),
                chunk("IEND", new byte[0]));
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue())
                .array();
    }

    private static byte[] app1Exif() {
        byte[] place = (SECRET_PLACE + "\0").getBytes(StandardCharsets.US_ASCII);
        // TIFF, little endian: IFD0 with ImageDescription and a GPS IFD pointer; the GPS IFD with GPSLatitudeRef "N".
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 2 * 12 + 4 + 2 + 12 + 4 + place.length).order(ByteOrder.LITTLE_ENDIAN);
        int gpsIfd = 8 + 2 + 2 * 12 + 4;
        int placeAt = gpsIfd + 2 + 12 + 4;
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x010E).putShort((short) 2).putInt(place.length).putInt(placeAt); // ImageDescription
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsIfd);             // GPS IFD pointer
        tiff.putInt(0);
        tiff.putShort((short) 1);
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        tiff.putInt(0);
        tiff.put(place);
        byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.array());
        ByteBuffer segment = ByteBuffer.allocate(4 + exif.length).order(ByteOrder.BIG_ENDIAN);
        segment.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + exif.length)).put(exif);
        return segment.array();
    }

    private static BufferedImage picture(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(0x2E, 0x7D, 0x32));
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(Color.ORANGE);
        graphics.fillOval(width / 4, height / 4, Math.max(1, width / 2), Math.max(1, height / 2));
        graphics.dispose();
        return image;
    }

    private static byte[] encoded(BufferedImage image, String format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, bytes)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    /** Whether {@code needle} occurs in {@code haystack}. */
    public static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
