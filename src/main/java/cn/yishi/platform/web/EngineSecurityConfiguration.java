package cn.yishi.platform.web;

import cn.yishi.application.MachineKeys;
import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The HTTP-layer protections around the engine:
 * <ul>
 *   <li>{@code /engine-rest/*} requires HTTP Basic authentication (Camunda's own filter); the project's {@code /api/*}
 *       takes a machine key (channel accounts), HTTP Basic or, for reading, the session of a webapp login
 *       ({@link WebappSessionAuthenticationProvider});</li>
 *   <li>expressions in ad-hoc task and filter queries are refused (CVE mitigation);</li>
 *   <li>the Admin setup endpoint is blocked (CVE mitigation).</li>
 * </ul>
 */
@Configuration
public class EngineSecurityConfiguration {

  @Bean
  FilterRegistrationBean<AdminSetupBlockFilter> adminSetupBlockFilter() {
    FilterRegistrationBean<AdminSetupBlockFilter> r = new FilterRegistrationBean<>(new AdminSetupBlockFilter());
    r.addUrlPatterns("/camunda/api/admin/setup/*", "/api/admin/setup/*");
    r.setName("yishiAdminSetupBlock");
    r.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return r;
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> r =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    r.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    r.addUrlPatterns("/engine-rest/*");
    r.setName("camundaEngineRestAuthentication");
    r.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return r;
  }

  /**
   * The project's API: a machine key ({@link MachineKeys}), HTTP Basic, or for GET and HEAD the webapps' login
   * session (the Cockpit dashboard). A Basic login, and a key's groups, are kept for
   * {@code yishi.api.credential-cache-ttl} (see {@link CredentialCache}).
   */
  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> apiAuthenticationFilter(
      ObjectProvider<ProcessEngine> engine, ObjectProvider<MachineKeys> keys,
      @Value("${yishi.api.credential-cache-ttl:PT10S}") Duration credentialCacheTtl) {
    FilterRegistrationBean<ApiAuthenticationFilter> r = new FilterRegistrationBean<>(new ApiAuthenticationFilter(
        engine::getObject, new CredentialCache(credentialCacheTtl, 10_000), keys::getObject));
    r.addUrlPatterns("/api/*");
    r.setName("yishiApiAuthentication");
    r.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return r;
  }

  @Bean
  FilterRegistrationBean<QueryExpressionGuardFilter> queryExpressionGuardFilter() {
    FilterRegistrationBean<QueryExpressionGuardFilter> r = new FilterRegistrationBean<>(new QueryExpressionGuardFilter());
    r.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    r.setName("yishiQueryExpressionGuard");
    r.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return r;
  }
}
