package cn.yishi.adapter.inbound.open311;

import cn.yishi.adapter.inbound.http.RequestChecks;
import cn.yishi.domain.casefile.FieldError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, in the Open311 error format, a body whose declared length is over the limit (413; a body without a length
 * is bounded by Tomcat's form limit, 2 MB, when it is parsed), a {@code Content-Type} that is a range, unreadable or
 * multipart (415), and a query parameter with a character the database cannot store (400). Form fields are checked
 * where they are used, field by field.
 */
class Open311InputFilter extends OncePerRequestFilter {
  private final long limit;

  Open311InputFilter(long limit) {
    this.limit = limit;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > limit) {
      refuse(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "请求内容过大");
      return;
    }
    Optional<String> contentType = RequestChecks.contentTypeProblem(request.getContentType(), false);
    if (contentType.isPresent()) {
      refuse(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, contentType.get());
      return;
    }
    Optional<FieldError> query = RequestChecks.unstorableQuery(request);
    if (query.isPresent()) {
      refuse(request, response, HttpStatus.BAD_REQUEST, query.get().field() + "：" + query.get().message());
      return;
    }
    chain.doFilter(request, response);
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String message)
      throws IOException {
    ResponseEntity<byte[]> r = Open311Exception.document(List.of(new Open311Exception.Error(status.value(), message)))
        .render(status, Open311Document.Format.of(request));
    response.setStatus(status.value());
    response.setContentType(r.getHeaders().getContentType().toString());
    response.getOutputStream().write(r.getBody());
  }
}
