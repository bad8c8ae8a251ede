package cn.yishi.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;

/**
 * Authentication of the project's {@code /api}: HTTP Basic (channels, scripts, tests) as on {@code /engine-rest}, or
 * the session of a user logged in to the Camunda webapps, so that the Cockpit dashboard (督办看板) reads {@code /api}
 * with the supervisor's own login.
 *
 * <p>The session is accepted for reading only (GET and HEAD): a request that changes something must carry its
 * credentials in the Authorization header, which another site cannot make a browser send, so the session cookie
 * opens no door to cross-site request forgery. A request with an Authorization header is judged by that header
 * alone. The user must still exist; the groups are read afresh by {@code ProcessEngineAuthenticationFilter} on every
 * request, so a membership removed in Admin counts at once.
 */
public class WebappSessionAuthenticationProvider implements AuthenticationProvider {
  private static final Set<String> READING = Set.of("GET", "HEAD");

  private final HttpBasicAuthenticationProvider basic = new HttpBasicAuthenticationProvider();

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    if (request.getHeader("Authorization") != null || !READING.contains(request.getMethod())) {
      return basic.extractAuthenticatedUser(request, engine);
    }
    HttpSession session = request.getSession(false);
    if (session == null) {
      return AuthenticationResult.unsuccessful();
    }
    Authentication webapp = AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engine.getName());
    if (webapp == null || webapp.getIdentityId() == null
        || engine.getIdentityService().createUserQuery().userId(webapp.getIdentityId()).count() != 1) {
      return AuthenticationResult.unsuccessful();
    }
    return AuthenticationResult.successful(webapp.getIdentityId());
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    basic.augmentResponseByAuthenticationChallenge(response, engine);
  }
}
