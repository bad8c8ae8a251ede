package cn.yishi.domain.photo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.support.PhotoSamples;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PhotoMetadataTest {
  private static boolean contains(byte[] data, String text) {
    return new String(data, StandardCharsets.ISO_8859_1).contains(text);
  }

  @Test
  void aJpegLosesItsExifAndKeepsItsPicture() throws Exception {
    byte[] jpeg = PhotoSamples.jpegWithExif(64, 48);
    assertThat(contains(jpeg, PhotoSamples.EXIF_SECRET)).isTrue();
    byte[] stripped = PhotoMetadata.strip(PhotoType.JPEG, jpeg).orElseThrow();
    assertThat(contains(stripped, PhotoSamples.EXIF_SECRET)).isFalse();
    assertThat(contains(stripped, "Exif")).isFalse();
    assertThat(stripped.length).isLessThan(jpeg.length);
    BufferedImage before = ImageIO.read(new ByteArrayInputStream(jpeg));
    BufferedImage after = ImageIO.read(new ByteArrayInputStream(stripped));
    assertThat(after.getWidth()).isEqualTo(64);
    assertThat(after.getRGB(32, 40)).isEqualTo(before.getRGB(32, 40));
  }

  @Test
  void aPngLosesItsTextAndExifChunks() throws Exception {
    byte[] png = PhotoSamples.png(20, 10);
    // insert a tEXt chunk after IHDR (8 + 25 bytes): the CRC does not matter for the stripping
    byte[] text = chunk("tEXt", "Comment\0" + PhotoSamples.EXIF_SECRET);
    byte[] withText = new byte[png.length + text.length];
    System.arraycopy(png, 0, withText, 0, 33);
    System.arraycopy(text, 0, withText, 33, text.length);
    System.arraycopy(png, 33, withText, 33 + text.length, png.length - 33);
    byte[] stripped = PhotoMetadata.strip(PhotoType.PNG, withText).orElseThrow();
    assertThat(contains(stripped, PhotoSamples.EXIF_SECRET)).isFalse();
    assertThat(stripped).isEqualTo(png);
    assertThat(ImageIO.read(new ByteArrayInputStream(stripped)).getWidth()).isEqualTo(20);
  }

  @Test
  void aWebpLosesItsExifChunkAndFlag() {
    byte[] webp = PhotoSamples.webpWithExif();
    byte[] stripped = PhotoMetadata.strip(PhotoType.WEBP, webp).orElseThrow();
    assertThat(contains(stripped, PhotoSamples.EXIF_SECRET)).isFalse();
    assertThat(contains(stripped, "VP8L")).isTrue();
    assertThat(stripped[20] & 0x08).as("the EXIF flag of VP8X").isZero();
    long riff = (stripped[4] & 0xff) | (stripped[5] & 0xff) << 8 | (stripped[6] & 0xff) << 16;
    assertThat(riff).isEqualTo(stripped.length - 8);
    assertThat(PhotoType.detect(stripped)).contains(PhotoType.WEBP);
  }

  @Test
  void brokenFilesAreNotStripped() {
    byte[] jpeg = PhotoSamples.jpegWithExif(16, 16);
    assertThat(PhotoMetadata.strip(PhotoType.JPEG, Arrays.copyOf(jpeg, 12))).isEmpty();
    assertThat(PhotoMetadata.strip(PhotoType.PNG, Arrays.copyOf(PhotoSamples.png(8, 8), 20))).isEmpty();
    byte[] webp = PhotoSamples.webpWithExif();
    assertThat(PhotoMetadata.strip(PhotoType.WEBP, Arrays.copyOf(webp, webp.length - 3))).isEmpty();
  }

  private static byte[] chunk(String type, String data) {
    byte[] d = data.getBytes(StandardCharsets.ISO_8859_1);
    byte[] out = new byte[d.length + 12];
    out[3] = (byte) d.length;
    System.arraycopy(type.getBytes(StandardCharsets.ISO_8859_1), 0, out, 4, 4);
    System.arraycopy(d, 0, out, 8, d.length);
    return out;
  }
}
