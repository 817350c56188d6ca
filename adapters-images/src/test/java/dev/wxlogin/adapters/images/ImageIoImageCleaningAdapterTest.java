package dev.wxlogin.adapters.images;

import dev.wxlogin.domain.error.AvatarRejected;
import dev.wxlogin.domain.profile.Image;
import dev.wxlogin.domain.profile.ImageFormat;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static dev.wxlogin.adapters.images.AvatarFixtures.contains;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageIoImageCleaningAdapterTest {
    private final ImageIoImageCleaningAdapter adapter = new ImageIoImageCleaningAdapter();

    private static BufferedImage read(Image image) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(image.bytes()));
    }

    private void refused(ImageFormat format, byte[] bytes, AvatarRejected.Reason reason) {
        assertThatThrownBy(() -> adapter.clean(new Image(format, bytes))).isInstanceOfSatisfying(AvatarRejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(reason));
    }

    @Test
    void aJpegStaysAJpegOfTheSameSize() throws IOException {
        Image cleaned = adapter.clean(new Image(ImageFormat.JPEG, AvatarFixtures.jpeg(120, 80)));

        assertThat(cleaned.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(ImageFormat.sniff(cleaned.bytes())).contains(ImageFormat.JPEG);
        assertThat(read(cleaned).getWidth()).isEqualTo(120);
        assertThat(read(cleaned).getHeight()).isEqualTo(80);
    }

    @Test
    void theExifAndGpsOfAJpegAreGone() {
        byte[] upload = AvatarFixtures.jpegWithGps();
        assertThat(contains(upload, AvatarFixtures.SECRET_PLACE.getBytes(StandardCharsets.US_ASCII))).isTrue();

        byte[] cleaned = adapter.clean(new Image(ImageFormat.JPEG, upload)).bytes();

        assertThat(contains(cleaned, AvatarFixtures.SECRET_PLACE.getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(contains(cleaned, "Exif".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(contains(cleaned, new byte[] {(byte) 0xFF, (byte) 0xE1})).isFalse(); // no APP1 segment at all
    }

    @Test
    void aPngKeepsItsTransparencyAndABigOneIsScaledToAnAvatar() throws IOException {
        Image cleaned = adapter.clean(new Image(ImageFormat.PNG, AvatarFixtures.png(2000, 1000)));

        assertThat(cleaned.format()).isEqualTo(ImageFormat.PNG);
        BufferedImage pixels = read(cleaned);
        assertThat(pixels.getWidth()).isEqualTo(ImageIoImageCleaningAdapter.AVATAR_SIDE);
        assertThat(pixels.getHeight()).isEqualTo(ImageIoImageCleaningAdapter.AVATAR_SIDE / 2);
        assertThat(pixels.getColorModel().hasAlpha()).isTrue();
    }

    @Test
    void webPIsDecodedAndStoredAsPng() throws IOException {
        for (byte[] webp : new byte[][] {AvatarFixtures.WEBP_LOSSLESS, AvatarFixtures.WEBP_LOSSY}) {
            assertThat(ImageFormat.sniff(webp)).contains(ImageFormat.WEBP);

            Image cleaned = adapter.clean(new Image(ImageFormat.WEBP, webp));

            assertThat(cleaned.format()).isEqualTo(ImageFormat.PNG);
            assertThat(read(cleaned).getWidth()).isEqualTo(1);
        }
    }

    @Test
    void whatAPolyglotCarriesBehindTheImageIsDropped() {
        byte[] cleaned = adapter.clean(new Image(ImageFormat.PNG, AvatarFixtures.polyglotPngZip())).bytes();

        assertThat(contains(cleaned, AvatarFixtures.SECRET_PLACE.getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(contains(cleaned, "PK".getBytes(StandardCharsets.US_ASCII))).isFalse();
    }

    @Test
    void truncatedImagesAreInvalid() {
        refused(ImageFormat.JPEG, AvatarFixtures.truncated(AvatarFixtures.jpeg(200, 200)), AvatarRejected.Reason.INVALID_IMAGE);
        refused(ImageFormat.PNG, AvatarFixtures.truncated(AvatarFixtures.png(200, 200)), AvatarRejected.Reason.INVALID_IMAGE);
        refused(ImageFormat.WEBP, AvatarFixtures.truncated(AvatarFixtures.WEBP_LOSSY), AvatarRejected.Reason.INVALID_IMAGE);
    }

    @Test
    void aFileThatOnlyBeginsLikeAnImageIsInvalid() {
        refused(ImageFormat.PNG, AvatarFixtures.pngHeaderThenHtml(), AvatarRejected.Reason.INVALID_IMAGE);
        refused(ImageFormat.JPEG, AvatarFixtures.png(8, 8), AvatarRejected.Reason.INVALID_IMAGE);
    }

    @Test
    void hugeDeclaredDimensionsAreRefusedFromTheHeaderAlone() {
        byte[] bomb = AvatarFixtures.pngDeclaring(100_000);
        assertThat(bomb.length).isLessThan(100);

        refused(ImageFormat.PNG, bomb, AvatarRejected.Reason.TOO_LARGE);
        refused(ImageFormat.PNG, AvatarFixtures.pngDeclaring(ImageIoImageCleaningAdapter.MAX_SIDE + 1),
                AvatarRejected.Reason.TOO_LARGE);
    }
}
