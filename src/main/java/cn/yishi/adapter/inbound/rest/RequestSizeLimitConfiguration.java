package cn.yishi.adapter.inbound.rest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The project's own APIs take small JSON bodies; anything larger is refused with 413. */
@Configuration
public class RequestSizeLimitConfiguration {

  @Bean
  FilterRegistrationBean<RequestSizeLimitFilter> apiRequestSizeLimitFilter(
      @Value("${yishi.api.max-body-bytes:65536}") long limit) {
    FilterRegistrationBean<RequestSizeLimitFilter> r = new FilterRegistrationBean<>(new RequestSizeLimitFilter(limit));
    r.addUrlPatterns("/api/*", "/public/*");
    r.setName("yishiApiRequestSizeLimit");
    r.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return r;
  }
}
