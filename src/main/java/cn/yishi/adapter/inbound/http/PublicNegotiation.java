package cn.yishi.adapter.inbound.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one rule of content negotiation on {@code /public/**}, for the controllers and the refusals alike: a path with
 * the {@code .json} suffix is JSON; otherwise a page (HTML) whenever the client takes HTML at least as well as JSON (a
 * browser, {@code *}{@code /*}, no or an unreadable {@code Accept}), JSON when it prefers JSON, and else what it
 * names (plain text for a refusal, or 406). The filter puts the chosen type first in the {@code Accept} header that
 * Spring's handler mapping reads, so that a page and its JSON twin can share an address ({@code produces} text/html
 * on the page controller, application/json on the API) and a client that takes both is never ambiguous.
 */
public class PublicNegotiation extends OncePerRequestFilter {
  static final String PREFIX = "/public/";
  static final String JSON_SUFFIX = ".json";

  /** The form the answer (or the refusal) takes at that public path for that {@code Accept}. */
  public static ErrorReplies.Form form(String path, String accept) {
    if (path.endsWith(JSON_SUFFIX)) {
      return ErrorReplies.Form.JSON;
    }
    return ErrorReplies.form(accept, true);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !ErrorReplies.path(request).startsWith(PREFIX);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // a page and its JSON share the address: a cache must key on Accept
    response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    String negotiated = switch (form(ErrorReplies.path(request), accept)) {
      case JSON -> first(MediaType.APPLICATION_JSON_VALUE, accept);
      case HTML -> first(MediaType.TEXT_HTML_VALUE, accept);
      case PLAIN, NONE -> accept;
    };
    chain.doFilter(negotiated == null ? request : new Accepting(request, negotiated), response);
  }

  /** The chosen type first, then what the client sent when Spring can read it (a feed or a file keeps its type). */
  private static String first(String type, String accept) {
    if (accept == null || accept.isBlank()) {
      return type + ", */*;q=0.1";
    }
    try {
      MediaType.parseMediaTypes(accept);
      return type + ", " + accept;
    } catch (IllegalArgumentException unreadable) {
      return type + ", */*;q=0.1";
    }
  }

  /** The request with the negotiated {@code Accept}. */
  private static final class Accepting extends HttpServletRequestWrapper {
    private final String accept;

    Accepting(HttpServletRequest request, String accept) {
      super(request);
      this.accept = accept;
    }

    @Override
    public String getHeader(String name) {
      return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? accept : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.enumeration(java.util.List.of(accept)) : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
      java.util.List<String> names = Collections.list(super.getHeaderNames());
      if (names.stream().noneMatch(HttpHeaders.ACCEPT::equalsIgnoreCase)) {
        names.add(HttpHeaders.ACCEPT);
      }
      return Collections.enumeration(names);
    }
  }
}
