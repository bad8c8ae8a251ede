package cn.yishi.platform.web;

import java.util.List;
import org.springframework.http.MediaType;

/**
 * What a client's {@code Accept} header takes, for the refusals of the project ({@code ErrorReplies}) and of the
 * engine's paths ({@link JsonErrors}). A missing, empty or unreadable header takes anything. Plain HTTP, no project
 * class: the adapters may use it (see LayerTest).
 */
public final class AcceptHeader {
  private AcceptHeader() {}

  /** The media ranges of the header, or all types ({@link MediaType#ALL}) when it is missing, empty or unreadable. */
  public static List<MediaType> ranges(String accept) {
    if (accept == null || accept.isBlank()) {
      return List.of(MediaType.ALL);
    }
    try {
      List<MediaType> types = MediaType.parseMediaTypes(accept);
      return types.isEmpty() ? List.of(MediaType.ALL) : types;
    } catch (IllegalArgumentException e) {
      return List.of(MediaType.ALL);
    }
  }

  /** The quality the most specific matching range gives the type (RFC 9110, 12.5.1); 0 when none matches. */
  public static double quality(List<MediaType> accepted, MediaType type) {
    MediaType best = null;
    for (MediaType m : accepted) {
      if (m.includes(type) && (best == null || specificity(m) > specificity(best))) {
        best = m;
      }
    }
    if (best == null) {
      return 0;
    }
    try {
      return best.getQualityValue();
    } catch (IllegalArgumentException e) {
      return 0;
    }
  }

  /** Whether the client takes the type at all. */
  public static boolean accepts(String accept, MediaType type) {
    return quality(ranges(accept), type) > 0;
  }

  private static int specificity(MediaType m) {
    return m.isWildcardType() ? 0 : m.isWildcardSubtype() ? 1 : 2;
  }
}
