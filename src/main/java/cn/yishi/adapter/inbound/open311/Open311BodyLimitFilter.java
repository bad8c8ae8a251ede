package cn.yishi.adapter.inbound.open311;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a body whose declared length is over the limit with 413, in the Open311 error format.
 * A body without a length (chunked) is bounded by Tomcat's form limit (2 MB) when it is parsed.
 */
class Open311BodyLimitFilter extends OncePerRequestFilter {
  private final long limit;

  Open311BodyLimitFilter(long limit) {
    this.limit = limit;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > limit) {
      ResponseEntity<byte[]> r = Open311Exception.document(List.of(new Open311Exception.Error(413, "请求内容过大")))
          .render(HttpStatus.PAYLOAD_TOO_LARGE, Open311Document.Format.of(request));
      response.setStatus(413);
      response.setContentType(r.getHeaders().getContentType().toString());
      response.getOutputStream().write(r.getBody());
      return;
    }
    chain.doFilter(request, response);
  }
}
