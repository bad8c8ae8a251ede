package cn.yishi.adapter.inbound.http;

import cn.yishi.platform.web.LimitedBodyRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over a limit with 413 (in a type the client accepts, see {@link ErrorReplies}): at once when
 * the declared length is over it, and while reading when a body without a length (chunked) grows over it
 * ({@link LimitedBodyRequest}, shared with the engine's input guard).
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {
  private final long limit;
  private final ErrorReplies replies;

  public RequestSizeLimitFilter(long limit, ErrorReplies replies) {
    this.limit = limit;
    this.replies = replies;
  }

  /** Thrown while reading a body that turns out larger than the limit. */
  public static class TooLarge extends IOException {
    TooLarge() {
      super("request body too large");
    }
  }

  /** The refusal of a body over the limit. */
  public static cn.yishi.domain.casefile.FieldError tooLarge() {
    return new cn.yishi.domain.casefile.FieldError("body", "too_large", "请求内容过大");
  }

  /** The limit of this request's body; a subclass may give some paths (the photo uploads) another. */
  protected long limitFor(HttpServletRequest request) {
    return limit;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limit = limitFor(request);
    if (request.getContentLengthLong() > limit) {
      replies.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, List.of(tooLarge()));
      return;
    }
    chain.doFilter(new LimitedBodyRequest(request, limit, TooLarge::new), response);
  }
}
