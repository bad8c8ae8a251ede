package cn.yishi.adapter.inbound.http;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * What every request to the project's own paths goes through before a controller: the body limit and the
 * {@link RequestGuardFilter}. The engine's paths ({@code /engine-rest}, {@code /camunda/api}) and Open311 have guards
 * of their own that answer in their formats.
 */
@Configuration
public class HttpInputConfiguration {
  /** Paths whose guards answer in another format (Camunda's, Open311's). */
  static final List<String> GUARDED_ELSEWHERE = List.of("/engine-rest", "/camunda/api/", "/open311/");

  static boolean guardedElsewhere(HttpServletRequest request) {
    String path = ErrorReplies.path(request);
    return GUARDED_ELSEWHERE.stream().anyMatch(path::startsWith);
  }

  /**
   * The only requests that may be multipart: the QR report page with its photos, an observer's 码上拍 page, and staff
   * adding photos to a case.
   */
  private static final java.util.regex.Pattern UPLOADS =
      java.util.regex.Pattern.compile("/public/report|/public/observer/[^/]+|/api/cases/[^/]+/photos");

  /** A POST of photos (multipart allowed, body up to {@code yishi.photos.max-request-bytes}). */
  static boolean takesUploads(HttpServletRequest request) {
    return "POST".equalsIgnoreCase(request.getMethod()) && UPLOADS.matcher(ErrorReplies.path(request)).matches();
  }

  /**
   * The project's APIs and pages take small bodies; anything larger is refused with 413. A multipart upload of photos
   * may be as large as {@code yishi.photos.max-request-bytes} (a few photos of at most {@code yishi.photos.max-bytes}
   * each, and the form); the container's multipart limits (spring.servlet.multipart) are the same, for a body without
   * a length.
   */
  @Bean
  FilterRegistrationBean<RequestSizeLimitFilter> apiRequestSizeLimitFilter(
      @Value("${yishi.api.max-body-bytes:65536}") long limit,
      @Value("${yishi.photos.max-request-bytes:32505856}") long uploadLimit, ErrorReplies replies) {
    FilterRegistrationBean<RequestSizeLimitFilter> r = new FilterRegistrationBean<>(new RequestSizeLimitFilter(limit, replies) {
      @Override
      protected boolean shouldNotFilter(HttpServletRequest request) {
        return guardedElsewhere(request);
      }

      @Override
      protected long limitFor(HttpServletRequest request) {
        return takesUploads(request) && isMultipart(request) ? uploadLimit : limit;
      }
    });
    r.addUrlPatterns("/*");
    r.setName("yishiApiRequestSizeLimit");
    r.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return r;
  }

  private static boolean isMultipart(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.regionMatches(true, 0, "multipart/", 0, 10);
  }

  @Bean
  FilterRegistrationBean<RequestGuardFilter> requestGuardFilter(ErrorReplies replies) {
    FilterRegistrationBean<RequestGuardFilter> r = new FilterRegistrationBean<>(new RequestGuardFilter(replies, HttpInputConfiguration::takesUploads) {
      @Override
      protected boolean shouldNotFilter(HttpServletRequest request) {
        return guardedElsewhere(request);
      }
    });
    r.addUrlPatterns("/*");
    r.setName("yishiRequestGuard");
    r.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
    return r;
  }

  /** {@code /public/**}: one rule chooses between a page and JSON (see {@link PublicNegotiation}). */
  @Bean
  FilterRegistrationBean<PublicNegotiation> publicNegotiationFilter() {
    FilterRegistrationBean<PublicNegotiation> r = new FilterRegistrationBean<>(new PublicNegotiation());
    r.addUrlPatterns("/public/*");
    r.setName("yishiPublicNegotiation");
    r.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
    return r;
  }
}
