package cn.yishi.platform.web;

import cn.yishi.application.MachineKeys;
import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
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
 *   <li>the Admin setup endpoint is blocked (CVE mitigation);</li>
 *   <li>input the engine would take in full or fail on is refused first ({@link EngineInputGuardFilter}: body limits,
 *       characters the database cannot store, deep or null JSON), and the REST API answers the client's mistakes with
 *       4xx in a type the client accepts ({@link EngineRestErrors}).</li>
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

  /** Bodies of the engine's paths: {@code yishi.engine.max-body-bytes}, deployments (Camunda Modeler) a larger limit. */
  @Bean
  FilterRegistrationBean<EngineInputGuardFilter> engineInputGuardFilter(
      @Value("${yishi.engine.max-body-bytes:1048576}") long limit,
      @Value("${yishi.engine.max-deployment-bytes:10485760}") long deploymentLimit) {
    FilterRegistrationBean<EngineInputGuardFilter> r =
        new FilterRegistrationBean<>(new EngineInputGuardFilter(limit, deploymentLimit));
    r.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    r.setName("yishiEngineInputGuard");
    r.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
    return r;
  }

  /** Registers {@link EngineRestErrors} with Camunda's Jersey configuration of {@code /engine-rest}. */
  @Bean
  ResourceConfigCustomizer engineRestErrors() {
    return config -> EngineRestErrors.MAPPERS.forEach(config::register);
  }

  /**
   * Registers {@link EngineRestErrors} with the webapps' own JAX-RS applications under {@code /camunda/api} (the engine
   * API Tasklist and Cockpit call, and the apps' APIs), in their variant whose message is a Chinese reason for the
   * person who reads it ({@link WebappErrorMessages}): Jersey's provider class names on their servlets, set after the
   * webapp starter registered them (this initializer is added to the context after Spring Boot's).
   */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> webappApiErrors() {
    String mappers = String.join(",", EngineRestErrors.WEBAPP_MAPPERS.stream().map(Class::getName).toList());
    return factory -> factory.addContextCustomizers(context -> context.addServletContainerInitializer((classes, servletContext) ->
        servletContext.getServletRegistrations().values().stream()
            .filter(r -> r.getMappings().stream().anyMatch(m -> m.startsWith("/camunda/api/")))
            .forEach(r -> r.setInitParameter(ServerProperties.PROVIDER_CLASSNAMES, mappers)), null));
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
