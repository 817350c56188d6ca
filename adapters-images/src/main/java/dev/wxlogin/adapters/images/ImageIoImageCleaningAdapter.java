package dev.wxlogin.adapters.images;

import dev.wxlogin.domain.error.AvatarRejected;
import dev.wxlogin.domain.port.out.ForCleaningImages;
import dev.wxlogin.domain.profile.Image;
import dev.wxlogin.domain.profile.ImageFormat;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Decodes an upload with the ImageIO reader of the format its first bytes named (never one ImageIO guesses), and
 * re-encodes the pixels: metadata (EXIF with GPS, XMP, comments, ICC profiles) and anything appended to the file are
 * not carried over, because only pixels are. Re-encoding rather than rewriting the container is the one way that
 * leaves nothing behind that a parser of ours did not understand.
 *
 * <p>Memory stays bounded whatever the file declares: the dimensions are read from the header and refused above
 * {@value #MAX_SIDE} pixels a side before any pixel is decoded, and large images are decoded subsampled, so at most
 * about {@code (2 × AVATAR_SIDE)²} pixels are ever held. JPEG stays JPEG; PNG and WebP become PNG (ImageIO has no
 * WebP writer, and PNG keeps transparency without loss). The result is at most {@value #AVATAR_SIDE} pixels a side.
 */
public final class ImageIoImageCleaningAdapter implements ForCleaningImages {
    /** A phone camera's 4032 × 3024 fits; a header claiming more is refused unread. */
    static final int MAX_SIDE = 8192;
    static final int AVATAR_SIDE = 512;
    private static final float JPEG_QUALITY = 0.85f;

    public ImageIoImageCleaningAdapter() {
        ImageIO.setUseCache(false); // decode in memory: no temporary files holding users' uploads
    }

    @Override
    public Image clean(Image upload) {
        BufferedImage pixels = decode(upload);
        ImageFormat output = upload.format() == ImageFormat.JPEG ? ImageFormat.JPEG : ImageFormat.PNG;
        return new Image(output, encode(scaled(pixels, output == ImageFormat.PNG), output));
    }

    private static BufferedImage decode(Image upload) {
        ImageReader reader = reader(upload.format());
        AtomicBoolean damaged = new AtomicBoolean();
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload.bytes()))) {
            reader.setInput(input, true, true); // forward only, ignore metadata: it is never even parsed
            // The JDK's JPEG reader reports a truncated file as a warning and answers grey pixels for the rest.
            reader.addIIOReadWarningListener((source, warning) -> damaged.set(true));
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width > MAX_SIDE || height > MAX_SIDE) {
                throw new AvatarRejected(AvatarRejected.Reason.TOO_LARGE);
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int step = Math.max(1, Math.max(width, height) / (2 * AVATAR_SIDE));
            param.setSourceSubsampling(step, step, 0, 0);
            BufferedImage pixels = reader.read(0, param);
            if (damaged.get()) {
                throw invalid();
            }
            return pixels;
        } catch (IOException | RuntimeException undecodable) {
            if (undecodable instanceof AvatarRejected rejected) {
                throw rejected;
            }
            throw invalid(); // decoders also fail on hostile input with unchecked exceptions of every kind
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader reader(ImageFormat format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(name(format));
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + format + ": is imageio-webp on the class path?");
        }
        return readers.next();
    }

    private static String name(ImageFormat format) {
        return switch (format) {
            case JPEG -> "jpeg";
            case PNG -> "png";
            case WEBP -> "webp";
        };
    }

    private static BufferedImage scaled(BufferedImage pixels, boolean keepAlpha) {
        double factor = Math.min(1.0, (double) AVATAR_SIDE / Math.max(pixels.getWidth(), pixels.getHeight()));
        int width = Math.max(1, (int) Math.round(pixels.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(pixels.getHeight() * factor));
        BufferedImage target = new BufferedImage(width, height,
                keepAlpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = target.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(pixels, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return target;
    }

    private static byte[] encode(BufferedImage pixels, ImageFormat format) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(name(format)).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format == ImageFormat.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(pixels, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static AvatarRejected invalid() {
        return new AvatarRejected(AvatarRejected.Reason.INVALID_IMAGE);
    }
}
