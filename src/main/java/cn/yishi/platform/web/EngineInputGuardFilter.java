package cn.yishi.platform.web;

import cn.yishi.domain.casefile.Text;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What the engine's REST API ({@code /engine-rest} and the webapps' {@code /camunda/api}) would otherwise take in full
 * or fail on with 500, refused first in Camunda's error format:
 * <ul>
 *   <li>a body over the limit (413; a deployment, which Camunda Modeler sends, has a larger one), also when it comes
 *       without a length;</li>
 *   <li>a query parameter, a JSON name or text, or a form field with a character the database cannot store (NUL, a
 *       lone surrogate; 400): the engine would store it in its variables, or PostgreSQL would refuse the query;</li>
 *   <li>HTTP Basic credentials with such a character (401): they cannot be looked up;</li>
 *   <li>JSON nested deeper than 1,000 levels, and a body that is JSON {@code null} (400).</li>
 * </ul>
 */
public class EngineInputGuardFilter extends OncePerRequestFilter {
  private static final Pattern DEPLOYMENT = Pattern.compile(
      "^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)(?:/engine/[^/]+)?/deployment/create/?$");
  static final int MAX_DEPTH = 1000;
  private static final JsonFactory JSON = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build();

  private final long limit;
  private final long deploymentLimit;

  public EngineInputGuardFilter(long limit, long deploymentLimit) {
    this.limit = limit;
    this.deploymentLimit = deploymentLimit;
  }

  /** Thrown while reading a body without a length that grows over the limit; answered 413 (see EngineRestErrors). */
  public static class TooLarge extends IOException {
    TooLarge() {
      super("请求内容过大");
    }
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long max = DEPLOYMENT.matcher(QueryExpressionGuardFilter.normalisedPath(request)).matches() ? deploymentLimit : limit;
    if (request.getContentLengthLong() > max) {
      tooLarge(request, response);
      return;
    }
    Optional<String> query = unstorableQuery(request.getQueryString());
    if (query.isPresent()) {
      refuse(request, response, "查询参数 " + query.get() + " 含有无法保存的字符（如空字符）");
      return;
    }
    if (unstorableCredentials(request.getHeader("Authorization"))) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"default\"");
      JsonErrors.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "AuthenticationException",
          "用户名或密码含有无法识别的字符");
      return;
    }
    String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
    if (type.startsWith("multipart/")) {
      try {
        chain.doFilter(new LimitedBodyRequest(request, max, TooLarge::new), response);
      } catch (TooLarge e) {
        // a filter further on read the body and did not answer; the REST API answers this itself (EngineRestErrors)
        if (response.isCommitted()) {
          throw e;
        }
        response.reset();
        tooLarge(request, response);
      }
      return;
    }
    byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
    if (body.length > max) {
      tooLarge(request, response);
      return;
    }
    Optional<String> problem = type.startsWith("application/x-www-form-urlencoded")
        ? unstorableQuery(new String(body, StandardCharsets.UTF_8)).map(name -> "表单字段 " + name + " 含有无法保存的字符（如空字符）")
        : json(body);
    if (problem.isPresent()) {
      refuse(request, response, problem.get());
      return;
    }
    chain.doFilter(new QueryExpressionGuardFilter.CachedBodyRequest(request, body), response);
  }

  /** What is wrong with a JSON body, or empty; a body that is not JSON at all is left to the REST API to refuse. */
  static Optional<String> json(byte[] body) {
    if (body.length == 0) {
      return Optional.empty();
    }
    try (JsonParser parser = JSON.createParser(body)) {
      JsonToken first = parser.nextToken();
      if (first == JsonToken.VALUE_NULL && parser.nextToken() == null) {
        return Optional.of("请求内容不能为 null");
      }
      for (JsonToken t = first; t != null; t = parser.nextToken()) {
        if ((t == JsonToken.FIELD_NAME || t == JsonToken.VALUE_STRING) && !Text.storable(parser.getText())) {
          String at = parser.getParsingContext().pathAsPointer().toString();
          return Optional.of((at.isEmpty() ? "请求内容" : at) + " 含有无法保存的字符（如空字符）");
        }
      }
      return Optional.empty();
    } catch (StreamConstraintsException e) {
      return Optional.of("JSON 嵌套层数超过 " + MAX_DEPTH + " 层");
    } catch (JsonProcessingException e) {
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The first parameter of a query string (or form body) with a character that cannot be stored. */
  static Optional<String> unstorableQuery(String query) {
    if (query == null || query.isEmpty()) {
      return Optional.empty();
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = QueryExpressionGuardFilter.lenientDecode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : QueryExpressionGuardFilter.lenientDecode(pair.substring(eq + 1));
      if (!Text.storable(name) || !Text.storable(value)) {
        return Optional.of(Text.storable(name) ? name : "?");
      }
    }
    return Optional.empty();
  }

  static boolean unstorableCredentials(String authorization) {
    if (authorization == null || authorization.length() < 6 || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    try {
      return !Text.storable(new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, String message) throws IOException {
    JsonErrors.write(request, response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", message);
  }

  private static void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
    JsonErrors.write(request, response, 413, "InvalidRequestException", "请求内容过大");
  }
}
