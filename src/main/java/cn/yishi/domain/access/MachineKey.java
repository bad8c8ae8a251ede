package cn.yishi.domain.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The key of a machine client (a channel account such as the 12345 hotline, or an Open311 client): 256 random bits,
 * written as {@value #PREFIX} and 43 base64url characters. Only its SHA-256 digest is stored; a digest of a key with
 * this much entropy cannot be reversed or guessed, so it needs no salt nor a slow hash. A presented key is found by
 * its digest, and nothing about a wrong key (not even whose it might be) is ever answered.
 */
public final class MachineKey {
  /** Tells a machine key apart from a password in logs and headers; carries no secret. */
  public static final String PREFIX = "ysk_";
  /** 32 bytes = 256 bits. */
  public static final int RANDOM_BYTES = 32;
  /** The longest text looked up as a key; anything longer is refused without hashing. */
  public static final int MAX_PRESENTED = 200;

  private final String secret;

  private MachineKey(String secret) {
    this.secret = secret;
  }

  /** A new random key. */
  public static MachineKey generate(SecureRandom random) {
    byte[] bytes = new byte[RANDOM_BYTES];
    random.nextBytes(bytes);
    return new MachineKey(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /** The key itself: shown to the admin once, at issue, and never stored. */
  public String secret() {
    return secret;
  }

  /** The digest stored for this key. */
  public String digest() {
    return digest(secret);
  }

  /** The lower-case hex SHA-256 of a presented key (64 characters). */
  public static String digest(String presented) {
    Objects.requireNonNull(presented, "presented");
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(presented.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** Whether a presented text is worth looking up: not blank, not absurdly long. */
  public static boolean plausible(String presented) {
    return presented != null && !presented.isBlank() && presented.length() <= MAX_PRESENTED;
  }

  /** The first 8 hex digits of a digest: tells keys apart in a listing and reveals nothing of the key. */
  public static String fingerprint(String digest) {
    return digest.substring(0, 8);
  }

  @Override
  public String toString() {
    return "MachineKey[" + fingerprint(digest()) + "]";
  }
}
