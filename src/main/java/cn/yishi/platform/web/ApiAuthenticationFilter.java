package cn.yishi.platform.web;

import cn.yishi.application.MachineKeys;
import jakarta.servlet.FilterConfig;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

/**
 * Camunda's authentication filter for the project's {@code /api}, with the provider built here (it needs the
 * {@link CredentialCache}) and the application's one engine instead of a {@code ServiceLoader} lookup of the engine
 * providers on every request.
 */
public class ApiAuthenticationFilter extends ProcessEngineAuthenticationFilter {
  private final Supplier<ProcessEngine> engine;
  private final CredentialCache logins;
  private final Supplier<MachineKeys> keys;

  /**
   * {@code engine} and {@code keys} are asked at the first request: the filter is built before the engine (and
   * Flyway) start.
   */
  public ApiAuthenticationFilter(Supplier<ProcessEngine> engine, CredentialCache logins, Supplier<MachineKeys> keys) {
    this.engine = engine;
    this.logins = logins;
    this.keys = keys;
  }

  @Override
  public void init(FilterConfig filterConfig) {
    authenticationProvider = new WebappSessionAuthenticationProvider(logins, keys);
    servletPathPrefix = filterConfig.getInitParameter(SERVLET_PATH_PREFIX);
  }

  @Override
  protected ProcessEngine getAddressedEngine(String engineName) {
    return engine.get();
  }
}
