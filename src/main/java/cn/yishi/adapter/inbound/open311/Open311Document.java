package cn.yishi.adapter.inbound.open311;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;

/**
 * One answer of the API, written as JSON or as XML from the same tree: a {@link Node} is an object
 * (an element with child elements), {@link Items} a list (an element with one child element per item,
 * named {@code item}), anything else a value. XML has the root element {@code root}; JSON has no root.
 */
record Open311Document(String root, Object body) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An object whose fields keep their order. */
  static final class Node {
    final Map<String, Object> fields = new LinkedHashMap<>();

    Node put(String name, Object value) {
      fields.put(name, value);
      return this;
    }
  }

  /** A list whose XML items are elements named {@code item}. */
  record Items(String item, List<?> values) {}

  /** The representation, chosen by the extension of the path: {@code .xml} or {@code .json} (the default). */
  enum Format {
    JSON("application/json;charset=UTF-8"),
    XML("text/xml;charset=UTF-8");

    final String contentType;

    Format(String contentType) {
      this.contentType = contentType;
    }

    /** From the last segment of the request's path. */
    static Format of(HttpServletRequest request) {
      String uri = request.getRequestURI();
      return uri != null && uri.toLowerCase(Locale.ROOT).endsWith(".xml") ? XML : JSON;
    }

    /** A path variable without its {@code .json} or {@code .xml} extension. */
    static String strip(String segment) {
      String lower = segment.toLowerCase(Locale.ROOT);
      if (lower.endsWith(".json")) {
        return segment.substring(0, segment.length() - 5);
      }
      if (lower.endsWith(".xml")) {
        return segment.substring(0, segment.length() - 4);
      }
      return segment;
    }
  }

  ResponseEntity<byte[]> render(HttpStatusCode status, Format format) {
    byte[] bytes = format == Format.XML ? Open311Xml.write(root, body) : json(body);
    return ResponseEntity.status(status).header(HttpHeaders.CONTENT_TYPE, format.contentType).body(bytes);
  }

  private static byte[] json(Object body) {
    try {
      return JSON.writeValueAsBytes(plain(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object plain(Object value) {
    if (value instanceof Node n) {
      Map<String, Object> m = new LinkedHashMap<>();
      n.fields.forEach((k, v) -> m.put(k, plain(v)));
      return m;
    }
    if (value instanceof Items i) {
      List<Object> l = new ArrayList<>(i.values().size());
      i.values().forEach(v -> l.add(plain(v)));
      return l;
    }
    return value;
  }
}
