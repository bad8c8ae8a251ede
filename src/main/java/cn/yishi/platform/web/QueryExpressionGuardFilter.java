package cn.yishi.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Mitigates the 2026 CVE in which an expression inside a task query's {@code orQueries} bypasses
 * {@code enableExpressionsInAdhocQueries}. Any ad-hoc task query or filter execution (the engine
 * REST API and the webapps' copy of it) whose query string or body carries {@code ${} or
 * {@code #{} is refused with 400. Stored filters, such as Tasklist's {@code ${currentUser()}}, are
 * evaluated from the database and keep working; creating or changing a stored filter needs the
 * FILTER CREATE/UPDATE authorization, which only admins have.
 */
public class QueryExpressionGuardFilter extends OncePerRequestFilter {
  /** Path below the REST root: task, task/count, filter/{id}/list|count|singleResult. */
  private static final Pattern GUARDED = Pattern.compile(
      "^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)(?:/engine/[^/]+)?"
          + "/(?:task(?:/count)?|filter/[^/]+/(?:list|count|singleResult))/?$");
  private static final int MAX_BODY = 1024 * 1024;

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !GUARDED.matcher(normalisedPath(request)).matches();
  }

  /**
   * The path as the servlet container and JAX-RS route it: without path parameters ({@code ;x=y}),
   * percent-decoded, with repeated slashes folded.
   */
  static String normalisedPath(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    path = path.replaceAll(";[^/]*", "");
    path = lenientDecode(lenientDecode(path));
    return path.replaceAll("/{2,}", "/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (containsExpression(decode(request.getQueryString()))) {
      reject(request, response);
      return;
    }
    if (!"POST".equalsIgnoreCase(request.getMethod()) && !"PUT".equalsIgnoreCase(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      JsonErrors.write(request, response, 413, "InvalidRequestException", "查询请求体过大");
      return;
    }
    // JSON parsers also accept UTF-16/32; only plain UTF-8 can be inspected, so nothing else passes
    if (!isUtf8WithoutNul(body) || !isUtf8Charset(request.getCharacterEncoding())) {
      JsonErrors.write(request, response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", "查询请求体必须使用 UTF-8 编码");
      return;
    }
    String text = new String(body, StandardCharsets.UTF_8);
    if (containsExpression(text) || containsExpression(unescapeJson(text))) {
      reject(request, response);
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  static boolean containsExpression(String s) {
    return s != null && (s.contains("${") || s.contains("#{"));
  }

  /** JSON may spell the characters as unicode escapes, e.g. {@code \u0024\u007b}. */
  static String unescapeJson(String s) {
    if (!s.contains("\\u")) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 5 < s.length() && s.charAt(i + 1) == 'u') {
        try {
          out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
          i += 5;
          continue;
        } catch (NumberFormatException | StringIndexOutOfBoundsException ignored) {
          // not an escape: keep the character
        }
      }
      out.append(c);
    }
    return out.toString();
  }

  /** The raw, once- and twice-decoded query string, so that %24%7B and %2524%257B are seen too. */
  private static String decode(String query) {
    if (query == null) {
      return null;
    }
    String once = lenientDecode(query);
    return query + "\n" + once + "\n" + lenientDecode(once);
  }

  /** Percent-decoding that never fails: a malformed escape is kept as it is. */
  static String lenientDecode(String s) {
    if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
      return s;
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length());
    byte[] in = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < in.length; i++) {
      if (in[i] == '%' && i + 2 <= in.length - 1 && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
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

  private static boolean isUtf8Charset(String charset) {
    return charset == null || charset.equalsIgnoreCase("UTF-8") || charset.equalsIgnoreCase("UTF8");
  }

  private static boolean isUtf8WithoutNul(byte[] body) {
    for (byte b : body) {
      if (b == 0) {
        return false;
      }
    }
    try {
      StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(body));
      return true;
    } catch (java.nio.charset.CharacterCodingException e) {
      return false;
    }
  }

  private static void reject(HttpServletRequest request, HttpServletResponse response) throws IOException {
    JsonErrors.write(request, response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
        "查询条件中不允许使用表达式（${ 或 #{）");
  }

  static final class CachedBodyRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
