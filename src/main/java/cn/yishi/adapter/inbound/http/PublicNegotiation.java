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
 * the {@code .json} suffix is JSON (unless the client takes no JSON at all); otherwise a page (HTML) whenever the client takes HTML at least as well as JSON (a
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
      return ErrorReplies.accepts(accept, MediaType.APPLICATION_JSON) ? ErrorReplies.Form.JSON : ErrorReplies.form(accept, false);
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
    if (PRODUCED.stream().noneMatch(type -> ErrorReplies.accepts(accept, type))) {
      // nothing the public paths answer in, not even a refusal
      response.setStatus(HttpServletResponse.SC_NOT_ACCEPTABLE);
      return;
    }
    String negotiated = switch (form(ErrorReplies.path(request), accept)) {
      case JSON -> MediaType.APPLICATION_JSON_VALUE + taken(accept);
      case HTML -> MediaType.TEXT_HTML_VALUE + taken(accept);
      case PLAIN, NONE -> accept == null ? null : taken(accept).replaceFirst("^, ", "");
    };
    chain.doFilter(negotiated == null ? request : new Accepting(request, negotiated), response);
  }

  /** What the public paths answer in: pages, JSON, the board's feed, and refusals in plain text. */
  private static final java.util.List<MediaType> PRODUCED = java.util.List.of(MediaType.TEXT_HTML, MediaType.APPLICATION_JSON,
      MediaType.APPLICATION_ATOM_XML, MediaType.TEXT_PLAIN);

  /**
   * The ranges the client takes, each after ", ": those with a quality above 0 (Spring's mapping would match a range
   * refused with q=0), or any type when the header is missing or unreadable.
   */
  private static String taken(String accept) {
    if (accept == null || accept.isBlank()) {
      return ", */*;q=0.1";
    }
    try {
      StringBuilder out = new StringBuilder();
      for (MediaType m : MediaType.parseMediaTypes(accept)) {
        if (m.getQualityValue() > 0) {
          out.append(", ").append(m);
        }
      }
      return out.toString();
    } catch (IllegalArgumentException unreadable) {
      return ", */*;q=0.1";
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
