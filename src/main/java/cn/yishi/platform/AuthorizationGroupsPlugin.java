package cn.yishi.platform;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Authorization checks without the engine's scan of the whole authorization table in every command.
 *
 * <p>Before its first check in a command, Camunda 7.24 reads {@code SELECT distinct(GROUP_ID_) FROM
 * ACT_RU_AUTHORIZATION} to drop the user's groups that hold no authorization at all. The candidate-group grant of
 * every open task is a row of that table, so the query reads one row per open task: with 8,000 open cases it read
 * 33 million rows in a 90-second intake benchmark and was the largest cost of every request on PostgreSQL, growing
 * with the caseload (camunda/camunda-bpm-platform#5485). Staff here belong to one to three groups, and a group id
 * without authorizations matches no row of the checks anyway, so for a user with at most
 * {@code yishi.authorization.group-prefilter-above} groups the groups are passed on unfiltered: the same answers
 * without the scan (as CIBSeven's {@code authGroupFilterThreshold}). Users with more groups keep the engine's
 * prefilter, which keeps their {@code GROUP_ID_ IN (...)} lists short.
 *
 * <p>The staff's common grants are held by the shared group {@code all-staff} ({@link IdentitySync}): the groups passed
 * here are the user's memberships (the webapps' login and the REST filters read them from the identity service), so it
 * is among them, and the engine's prefilter keeps it too, as it holds grants.
 */
@Component
public class AuthorizationGroupsPlugin extends AbstractProcessEnginePlugin {
  private final int prefilterAbove;

  public AuthorizationGroupsPlugin(@Value("${yishi.authorization.group-prefilter-above:20}") int prefilterAbove) {
    if (prefilterAbove < 0) {
      throw new IllegalArgumentException("yishi.authorization.group-prefilter-above must not be negative");
    }
    this.prefilterAbove = prefilterAbove;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = new ArrayList<>();
    if (configuration.getCustomSessionFactories() != null) {
      factories.addAll(configuration.getCustomSessionFactories());
    }
    int limit = prefilterAbove;
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new FewGroupsAuthorizationManager(limit);
      }
    });
    configuration.setCustomSessionFactories(factories);
  }

  /** The engine's authorization manager, except that a short group list skips the prefilter query. */
  static class FewGroupsAuthorizationManager extends AuthorizationManager {
    private final int prefilterAbove;

    FewGroupsAuthorizationManager(int prefilterAbove) {
      this.prefilterAbove = prefilterAbove;
    }

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()
          || authenticatedGroupIds.size() > prefilterAbove) {
        return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
      }
      // a new list each time: MyBatis reads it by reflection, and callers may keep it
      return new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
    }
  }
}
