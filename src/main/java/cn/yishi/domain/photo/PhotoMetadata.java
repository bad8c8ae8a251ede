package cn.yishi.domain.photo;

import java.io.ByteArrayOutputStream;
import java.util.Optional;
import java.util.Set;

/**
 * Removes the metadata a camera or phone writes into a picture (EXIF with the GPS position and the device, XMP, IPTC,
 * comments, text chunks) before a photo is shown publicly; the picture itself is copied byte for byte. The orientation
 * flag goes with EXIF, so a photo taken sideways may show sideways.
 *
 * <ul>
 *   <li>JPEG: the segments APP1 to APP15 (EXIF, XMP, IPTC …) and COM are dropped; APP0 (JFIF) and the rest are kept,
 *       everything from the start of scan on is copied;
 *   <li>PNG: the chunks eXIf, tEXt, iTXt, zTXt and tIME are dropped;
 *   <li>WebP: the chunks EXIF and XMP are dropped and their flags in VP8X cleared.
 * </ul>
 * A file whose structure does not hold together is not stripped: the answer is empty.
 */
public final class PhotoMetadata {
  private static final Set<String> PNG_DROPPED = Set.of("eXIf", "tEXt", "iTXt", "zTXt", "tIME");

  private PhotoMetadata() {}

  public static Optional<byte[]> strip(PhotoType type, byte[] data) {
    try {
      return Optional.ofNullable(switch (type) {
        case JPEG -> jpeg(data);
        case PNG -> png(data);
        case WEBP -> webp(data);
      });
    } catch (IndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  private static byte[] jpeg(byte[] d) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(d.length);
    out.write(0xff);
    out.write(0xd8);
    int i = 2;
    while (true) {
      if (i >= d.length || (d[i] & 0xff) != 0xff) {
        return null;
      }
      while (i < d.length && (d[i] & 0xff) == 0xff) {
        i++; // fill bytes
      }
      int marker = d[i] & 0xff;
      i++;
      if (marker == 0xd9) {
        out.write(0xff);
        out.write(marker);
        return out.toByteArray();
      }
      if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        out.write(0xff);
        out.write(marker);
        continue;
      }
      int length = ((d[i] & 0xff) << 8) | (d[i + 1] & 0xff);
      if (length < 2 || i + length > d.length) {
        return null;
      }
      boolean dropped = (marker >= 0xe1 && marker <= 0xef) || marker == 0xfe;
      if (!dropped) {
        out.write(0xff);
        out.write(marker);
        out.write(d, i, length);
      }
      i += length;
      if (marker == 0xda) {
        // start of scan: the entropy-coded picture and whatever follows are copied as they are
        out.write(d, i, d.length - i);
        return out.toByteArray();
      }
    }
  }

  private static byte[] png(byte[] d) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(d.length);
    out.write(d, 0, 8);
    int i = 8;
    while (i < d.length) {
      if (i + 12 > d.length) {
        return null;
      }
      long length = ((long) (d[i] & 0xff) << 24) | ((d[i + 1] & 0xff) << 16) | ((d[i + 2] & 0xff) << 8) | (d[i + 3] & 0xff);
      if (length > d.length - i - 12L) {
        return null;
      }
      String chunk = new String(d, i + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
      int total = (int) length + 12;
      if (!PNG_DROPPED.contains(chunk)) {
        out.write(d, i, total);
      }
      i += total;
      if (chunk.equals("IEND")) {
        return out.toByteArray();
      }
    }
    return null;
  }

  private static byte[] webp(byte[] d) {
    long riffSize = le32(d, 4);
    if (riffSize + 8 > d.length || riffSize < 4) {
      return null;
    }
    int end = (int) riffSize + 8;
    ByteArrayOutputStream body = new ByteArrayOutputStream(d.length);
    int i = 12;
    int vp8xFlagsAt = -1;
    while (i < end) {
      if (i + 8 > end) {
        return null;
      }
      String chunk = new String(d, i, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
      long size = le32(d, i + 4);
      long padded = size + (size & 1);
      if (padded > end - i - 8L) {
        return null;
      }
      int total = (int) padded + 8;
      if (!chunk.equals("EXIF") && !chunk.equals("XMP ")) {
        if (chunk.equals("VP8X")) {
          vp8xFlagsAt = body.size() + 8;
        }
        body.write(d, i, total);
      }
      i += total;
    }
    byte[] chunks = body.toByteArray();
    if (vp8xFlagsAt >= 0 && vp8xFlagsAt < chunks.length) {
      chunks[vp8xFlagsAt] &= (byte) ~(0x08 | 0x04); // the EXIF and XMP flags
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(chunks.length + 12);
    out.write(d, 0, 4);
    long size = chunks.length + 4L;
    out.write((int) (size & 0xff));
    out.write((int) ((size >> 8) & 0xff));
    out.write((int) ((size >> 16) & 0xff));
    out.write((int) ((size >> 24) & 0xff));
    out.write(d, 8, 4);
    out.write(chunks, 0, chunks.length);
    return out.toByteArray();
  }

  private static long le32(byte[] d, int at) {
    return (d[at] & 0xffL) | ((d[at + 1] & 0xffL) << 8) | ((d[at + 2] & 0xffL) << 16) | ((d[at + 3] & 0xffL) << 24);
  }
}
