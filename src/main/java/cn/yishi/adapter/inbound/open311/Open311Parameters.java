package cn.yishi.adapter.inbound.open311;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** How every parameter of the API is read: blank is absent, values are stripped, lists are comma lists. */
final class Open311Parameters {
  private Open311Parameters() {}

  /**
   * The representation of a fixed resource ({@code services}, {@code services.json}, {@code services.xml});
   * any other extension is a 404.
   */
  static Open311Document.Format format(String extension, HttpServletRequest request) {
    if (extension != null && !extension.equalsIgnoreCase("json") && !extension.equalsIgnoreCase("xml")) {
      // answered as JSON: the client asked for a format that does not exist
      throw Open311Exception.notFound("不支持的格式：" + extension + "（可用 json 或 xml）");
    }
    return Open311Document.Format.of(request);
  }

  /** The stripped value, or null when blank or absent. */
  static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** A comma list (or a repeated parameter, which Spring joins with commas), without blanks and repeats. */
  static List<String> list(String value) {
    Set<String> out = new LinkedHashSet<>();
    if (value != null) {
      for (String s : value.split(",")) {
        String t = s.strip();
        if (!t.isEmpty()) {
          out.add(t);
        }
      }
    }
    return new ArrayList<>(out);
  }

  /** A number, or null when absent; a value the parser refuses adds {@code name：message}. */
  static <T> T number(String name, String value, Function<String, T> parser, String message, List<String> errors) {
    String v = blank(value);
    if (v == null) {
      return null;
    }
    try {
      return parser.apply(v);
    } catch (NumberFormatException e) {
      errors.add(name + "：" + message);
      return null;
    }
  }
}
