package cn.yishi.domain.photo;

import java.util.Optional;

/**
 * The picture formats a photo may have, recognised by the file's first bytes (its signature), never by the name or
 * the type the client claims: a file that only says it is an image is refused.
 */
public enum PhotoType {
  JPEG("image/jpeg", "jpg"),
  PNG("image/png", "png"),
  WEBP("image/webp", "webp");

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private final String mediaType;
  private final String extension;

  PhotoType(String mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  public String mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }

  /** The type whose signature {@code data} starts with; empty for anything else. */
  public static Optional<PhotoType> detect(byte[] data) {
    if (data == null) {
      return Optional.empty();
    }
    if (data.length >= 4 && (data[0] & 0xff) == 0xff && (data[1] & 0xff) == 0xd8 && (data[2] & 0xff) == 0xff) {
      return Optional.of(JPEG);
    }
    if (startsWith(data, PNG_SIGNATURE, 0) && data.length > PNG_SIGNATURE.length) {
      return Optional.of(PNG);
    }
    if (data.length >= 16 && startsWith(data, new byte[] {'R', 'I', 'F', 'F'}, 0)
        && startsWith(data, new byte[] {'W', 'E', 'B', 'P'}, 8) && startsWith(data, new byte[] {'V', 'P', '8'}, 12)) {
      return Optional.of(WEBP);
    }
    return Optional.empty();
  }

  /** The type of a stored media type ({@code image/png}); empty for anything else. */
  public static Optional<PhotoType> ofMediaType(String mediaType) {
    for (PhotoType t : values()) {
      if (t.mediaType.equals(mediaType)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  static boolean startsWith(byte[] data, byte[] prefix, int at) {
    if (data.length < at + prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (data[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
