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
import java.net.URLDecoder;
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
    return !GUARDED.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (containsExpression(decode(request.getQueryString()))) {
      reject(response);
      return;
    }
    if (!"POST".equalsIgnoreCase(request.getMethod()) && !"PUT".equalsIgnoreCase(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      JsonErrors.write(response, 413, "InvalidRequestException", "查询请求体过大");
      return;
    }
    String text = new String(body, StandardCharsets.UTF_8);
    if (containsExpression(text) || containsExpression(unescapeJson(text))) {
      reject(response);
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

  private static String decode(String query) {
    if (query == null) {
      return null;
    }
    try {
      // twice, so that a double-encoded %2524%257B is seen too
      return URLDecoder.decode(URLDecoder.decode(query, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return query;
    }
  }

  private static void reject(HttpServletResponse response) throws IOException {
    JsonErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
        "查询条件中不允许使用表达式（${ 或 #{）");
  }

  private static final class CachedBodyRequest extends HttpServletRequestWrapper {
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
