package cn.yishi.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/** Real pictures for the photo tests: a JPEG carrying an EXIF segment with a "GPS" text, a PNG, a WebP, and fakes. */
public final class PhotoSamples {
  /** The text planted in the EXIF segment (stands for the GPS position a phone writes). */
  public static final String EXIF_SECRET = "GPS 28.712345N 115.387654E";

  private PhotoSamples() {}

  /** A JPEG of {@code width}×{@code height} (a street lamp, more or less) with an APP1 EXIF segment after SOI. */
  public static byte[] jpegWithExif(int width, int height) {
    byte[] plain = encode("jpg", width, height);
    byte[] payload = ("Exif\0\0" + EXIF_SECRET).getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(plain, 0, 2);
    out.write(0xff);
    out.write(0xe1);
    int length = payload.length + 2;
    out.write(length >> 8);
    out.write(length & 0xff);
    out.write(payload, 0, payload.length);
    out.write(plain, 2, plain.length - 2);
    return out.toByteArray();
  }

  public static byte[] png(int width, int height) {
    return encode("png", width, height);
  }

  /** A WebP container (VP8X with the EXIF flag, a VP8L chunk, an EXIF chunk); only its structure matters. */
  public static byte[] webpWithExif() {
    ByteArrayOutputStream chunks = new ByteArrayOutputStream();
    chunk(chunks, "VP8X", new byte[] {0x08, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    chunk(chunks, "VP8L", new byte[] {0x2f, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, (byte) 0x88, (byte) 0x88});
    chunk(chunks, "EXIF", EXIF_SECRET.getBytes(StandardCharsets.ISO_8859_1));
    byte[] body = chunks.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("RIFF".getBytes(StandardCharsets.ISO_8859_1));
    le32(out, body.length + 4);
    out.writeBytes("WEBP".getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(body);
    return out.toByteArray();
  }

  /** A GIF: a picture, but not one of the accepted types. */
  public static byte[] gif() {
    return encode("gif", 8, 8);
  }

  /** A page that claims to be a photo. */
  public static byte[] htmlPretendingToBeJpeg() {
    return "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    out.writeBytes(type.getBytes(StandardCharsets.ISO_8859_1));
    le32(out, data.length);
    out.writeBytes(data);
    if (data.length % 2 == 1) {
      out.write(0);
    }
  }

  private static void le32(ByteArrayOutputStream out, int v) {
    out.write(v & 0xff);
    out.write((v >> 8) & 0xff);
    out.write((v >> 16) & 0xff);
    out.write((v >> 24) & 0xff);
  }

  private static byte[] encode(String format, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(40, 60, 90));
    g.fillRect(0, 0, width, height);
    g.setColor(new Color(250, 210, 60));
    g.fillOval(width / 3, height / 8, width / 3, height / 4);
    g.setColor(Color.GRAY);
    g.fillRect(width / 2 - width / 40, height / 3, width / 20, height * 2 / 3);
    g.dispose();
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no writer for " + format);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
