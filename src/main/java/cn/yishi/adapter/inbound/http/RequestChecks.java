package cn.yishi.adapter.inbound.http;

import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.Text;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** Checks of what a request carries besides its body: the query string, the credentials, the content type. */
public final class RequestChecks {
  private RequestChecks() {}

  /** The first query parameter whose name or value holds a character that cannot be stored, as a field error. */
  public static Optional<FieldError> unstorableQuery(HttpServletRequest request) {
    String query = request.getQueryString();
    if (query == null || query.isEmpty()) {
      return Optional.empty();
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (!Text.storable(name) || !Text.storable(value)) {
        String field = Text.storable(name) ? name : "query";
        return Optional.of(Text.unstorable(field));
      }
    }
    return Optional.empty();
  }

  /** Whether HTTP Basic credentials hold a character that cannot be stored (and so cannot be looked up). */
  public static boolean unstorableCredentials(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    try {
      return !Text.storable(new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * What is wrong with a request's {@code Content-Type}, or empty: it cannot be read, it is a range ({@code
   * application/*}) instead of a type, it names an unknown character set, or it is multipart where nothing takes
   * uploads.
   */
  public static Optional<String> contentTypeProblem(String contentType, boolean multipartAllowed) {
    if (contentType == null || contentType.isBlank()) {
      return Optional.empty();
    }
    MediaType type;
    try {
      type = MediaType.parseMediaType(contentType);
    } catch (InvalidMediaTypeException e) {
      return Optional.of("无法识别的内容类型（Content-Type）：请提交 JSON 或表单");
    }
    if (type.isWildcardType() || type.isWildcardSubtype()) {
      return Optional.of("内容类型（Content-Type）不能是通配的 " + type.getType() + "/" + type.getSubtype() + "，请写明具体类型");
    }
    String charset = type.getParameter("charset");
    if (charset != null) {
      try {
        Charset.forName(charset.replace("\"", ""));
      } catch (IllegalArgumentException e) {
        return Optional.of("不支持的字符集：请使用 UTF-8");
      }
    }
    if (!multipartAllowed && "multipart".equalsIgnoreCase(type.getType())) {
      return Optional.of("此处不接受上传文件，请提交 JSON 或表单");
    }
    return Optional.empty();
  }

  /** Percent-decoding as the container does it, that never fails: a malformed escape is kept as it is. */
  static String decode(String s) {
    if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    byte[] in = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < in.length; i++) {
      if (in[i] == '%' && i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
        out.write(hex(in[i + 1]) * 16 + hex(in[i + 2]));
        i += 2;
      } else if (in[i] == '+') {
        out.write(' ');
      } else {
        out.write(in[i]);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(byte b) {
    return Character.digit((char) b, 16);
  }
}
