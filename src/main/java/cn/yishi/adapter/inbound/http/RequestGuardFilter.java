package cn.yishi.adapter.inbound.http;

import cn.yishi.domain.casefile.FieldError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything reads the request, what would otherwise fail deep inside: a {@code Content-Type} that is a
 * range, unreadable or multipart where nothing takes uploads (415), a query parameter with a character that cannot be stored (400, named), and
 * HTTP Basic credentials that cannot be looked up (401). Bodies are checked field by field where they are used.
 */
public class RequestGuardFilter extends OncePerRequestFilter {
  private final ErrorReplies replies;
  private final java.util.function.Predicate<HttpServletRequest> takesUploads;

  public RequestGuardFilter(ErrorReplies replies) {
    this(replies, request -> false);
  }

  /** {@code takesUploads}: the requests that may be multipart (the photo uploads, see {@link HttpInputConfiguration}). */
  public RequestGuardFilter(ErrorReplies replies, java.util.function.Predicate<HttpServletRequest> takesUploads) {
    this.replies = replies;
    this.takesUploads = takesUploads;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> contentType = RequestChecks.contentTypeProblem(request.getHeader(HttpHeaders.CONTENT_TYPE),
        takesUploads.test(request));
    if (contentType.isPresent()) {
      replies.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          List.of(new FieldError("Content-Type", "unsupported_media_type", contentType.get())));
      return;
    }
    Optional<FieldError> query = RequestChecks.unstorableQuery(request);
    if (query.isPresent()) {
      replies.write(request, response, HttpStatus.BAD_REQUEST, List.of(query.get()));
      return;
    }
    if (RequestChecks.unstorableCredentials(request)) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"yishi\"");
      replies.write(request, response, HttpStatus.UNAUTHORIZED,
          List.of(new FieldError("Authorization", "invalid_character", "用户名或密码含有无法识别的字符")));
      return;
    }
    chain.doFilter(request, response);
  }
}
