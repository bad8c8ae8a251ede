package cn.yishi.adapter.inbound.open311;

import cn.yishi.application.MachineKeys;
import cn.yishi.platform.DeploymentMode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Open311 GeoReport v2 at {@code /open311/v2/}: the keys, the tokens and the body limit. The API is
 * not behind the engine's HTTP Basic filter: a POST is authorised by its {@code api_key}, everything
 * else is public and carries no personal data.
 */
@Configuration
@EnableConfigurationProperties(Open311Properties.class)
public class Open311Configuration {

  /**
   * The keys an admin issued, then the configured ones (until a key is issued for their account). The demo key of
   * open311.yaml works only with the embedded H2 database.
   */
  @Bean
  Open311Keys open311Keys(Open311Properties properties, Environment env, MachineKeys issued) {
    return new Open311Keys(properties.keys(), DeploymentMode.isEmbedded(env), issued);
  }

  @Bean
  Open311Tokens open311Tokens(Open311Properties properties) {
    return new Open311Tokens(properties.tokenSecret());
  }

  /** Bodies over {@code yishi.api.max-body-bytes} (413) and unstorable query parameters (400), in the Open311 error format. */
  @Bean
  FilterRegistrationBean<Open311InputFilter> open311InputFilter(
      @Value("${yishi.api.max-body-bytes:65536}") long limit) {
    FilterRegistrationBean<Open311InputFilter> r = new FilterRegistrationBean<>(new Open311InputFilter(limit));
    r.addUrlPatterns("/open311/*");
    r.setName("yishiOpen311Input");
    r.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return r;
  }
}
