package cn.yishi.platform.web;

import cn.yishi.application.MachineKeys;
import cn.yishi.domain.access.MachineKey;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;

/**
 * Authentication of the project's {@code /api}: a machine key (channel accounts: {@code Authorization: Bearer <key>}
 * or {@code X-Api-Key: <key>}), HTTP Basic (staff, scripts, tests) as on {@code /engine-rest}, or the session of a
 * user logged in to the Camunda webapps, so that the Cockpit dashboard (督办看板) reads {@code /api} with the
 * supervisor's own login.
 *
 * <p>A machine key is looked up by its digest ({@link MachineKeys}) on every request, so a rotated key stops working at
 * once; it never goes through the engine's password check, whose failed-attempt counting would let anybody who knows
 * the account's name lock it out with wrong passwords. A wrong key is answered 401 like a missing login: no account
 * is named.
 *
 * <p>The session alone is accepted for reading only (GET and HEAD). A request that changes something must carry its
 * credentials in the Authorization header, or the session together with that session's CSRF token in
 * {@code X-XSRF-TOKEN}: the token Camunda's {@code CsrfPreventionFilter} issued to the webapps (session attribute
 * {@code CAMUNDA_CSRF_TOKEN}, sent to the page as the {@code XSRF-TOKEN} cookie), which another site can neither read
 * nor make a browser send, so the session cookie opens no door to cross-site request forgery. This lets Tasklist
 * plugins (progress notes) write with the user's own login. A request with an Authorization header is judged by that
 * header alone. For a session the user must still exist, and the groups are read afresh on every request, so a membership
 * removed in Admin counts at once. A Basic login is checked by the engine's identity service and then kept in the
 * {@link CredentialCache} with its groups and tenants for a few seconds ({@code yishi.api.credential-cache-ttl}).
 */
public class WebappSessionAuthenticationProvider implements AuthenticationProvider {
  private static final Set<String> READING = Set.of("GET", "HEAD");
  private static final String BASIC = "Basic ";
  private static final String BEARER = "bearer ";
  /** The header that carries a machine key when the Authorization header is not used for it. */
  public static final String API_KEY_HEADER = "X-Api-Key";

  private final HttpBasicAuthenticationProvider basic = new HttpBasicAuthenticationProvider();
  private final CredentialCache logins;
  private final Supplier<MachineKeys> keys;

  /** {@code keys} is asked at the first request that presents a key (the filter is built before the application). */
  public WebappSessionAuthenticationProvider(CredentialCache logins, Supplier<MachineKeys> keys) {
    this.logins = logins;
    this.keys = keys;
  }

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    String header = request.getHeader("Authorization");
    String apiKey = request.getHeader(API_KEY_HEADER);
    if (apiKey == null && header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      apiKey = header.substring(BEARER.length());
    }
    if (apiKey != null) {
      return machine(apiKey.strip(), engine);
    }
    if (header != null) {
      return basic(header, engine);
    }
    HttpSession session = request.getSession(false);
    if (session == null || !READING.contains(request.getMethod()) && !carriesSessionToken(request, session)) {
      return AuthenticationResult.unsuccessful();
    }
    Authentication webapp = AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engine.getName());
    if (webapp == null || webapp.getIdentityId() == null
        || engine.getIdentityService().createUserQuery().userId(webapp.getIdentityId()).count() != 1) {
      return AuthenticationResult.unsuccessful();
    }
    return AuthenticationResult.successful(webapp.getIdentityId());
  }

  /** The request's {@code X-XSRF-TOKEN} is the token Camunda's CSRF filter keeps in this session (compared in constant time). */
  private static boolean carriesSessionToken(HttpServletRequest request, HttpSession session) {
    String presented = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
    Object issued = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    if (presented == null || presented.isBlank() || !(issued instanceof String expected) || expected.isEmpty()) {
      return false;
    }
    return MessageDigest.isEqual(presented.strip().getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }

  private AuthenticationResult basic(String header, ProcessEngine engine) {
    if (header == null || !header.startsWith(BASIC)) {
      return AuthenticationResult.unsuccessful();
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return AuthenticationResult.unsuccessful();
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return AuthenticationResult.unsuccessful();
    }
    String userId = decoded.substring(0, colon);
    String password = decoded.substring(colon + 1);
    Optional<CredentialCache.Login> kept = logins.find(userId, password);
    if (kept.isPresent()) {
      return result(kept.get());
    }
    IdentityService identity = engine.getIdentityService();
    if (!identity.checkPassword(userId, password)) {
      return AuthenticationResult.unsuccessful(userId);
    }
    CredentialCache.Login login = login(identity, userId);
    logins.put(userId, password, login);
    return result(login);
  }

  /** A machine key: its client with the client's groups and tenants (kept like a Basic login, per key). */
  private AuthenticationResult machine(String presented, ProcessEngine engine) {
    if (!MachineKey.plausible(presented)) {
      return AuthenticationResult.unsuccessful();
    }
    Optional<MachineKeys.Client> client = keys.get().authenticate(presented);
    if (client.isEmpty()) {
      return AuthenticationResult.unsuccessful();
    }
    String userId = client.get().client();
    // cached under the key's digest: a rotated key finds nothing here, and the store was asked above anyway
    String cacheKey = "machine-key:" + MachineKey.digest(presented);
    Optional<CredentialCache.Login> kept = logins.find(userId, cacheKey);
    if (kept.isPresent()) {
      return result(kept.get());
    }
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(userId).count() != 1) {
      return AuthenticationResult.unsuccessful();
    }
    CredentialCache.Login login = login(identity, userId);
    logins.put(userId, cacheKey, login);
    return result(login);
  }

  private static CredentialCache.Login login(IdentityService identity, String userId) {
    // the same groups and tenants that ProcessEngineAuthenticationFilter would read
    return new CredentialCache.Login(userId,
        identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList(),
        identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
            .map(Tenant::getId).toList());
  }

  private static AuthenticationResult result(CredentialCache.Login login) {
    AuthenticationResult r = AuthenticationResult.successful(login.userId());
    r.setGroups(new ArrayList<>(login.groups()));
    r.setTenants(new ArrayList<>(login.tenants()));
    return r;
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    basic.augmentResponseByAuthenticationChallenge(response, engine);
  }
}
