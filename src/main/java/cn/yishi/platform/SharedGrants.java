package cn.yishi.platform;

import cn.yishi.adapter.process.deliberation.Deliberation;
import cn.yishi.adapter.process.deliberationsession.DeliberationSession;
import cn.yishi.adapter.process.issuelifecycle.IssueLifecycle;
import cn.yishi.adapter.process.itemevaluation.ItemEvaluation;
import cn.yishi.adapter.process.proxyservice.ProxyService;
import cn.yishi.adapter.process.scheduledlistening.ScheduledListening;
import cn.yishi.domain.directory.GroupIds;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The grants every staff member needs, held once by {@link GroupIds#ALL_STAFF} (全体工作人员), and the removal of the
 * copies that earlier versions wrote on each directory group.
 *
 * <p>With a city's directory (~25,000 groups) the copies were ~377,000 of ACT_RU_AUTHORIZATION's ~389,000 rows, and
 * every check on a process definition joined {@code RESOURCE_ID_ IN (id, key, '*')} before it filtered the user's
 * groups: 50,267 rows of other groups read to find the admin's one (README "City scale").
 *
 * <p>The copies are removed set-based, one DELETE per chunk of groups (the 377,000 deletes one at a time through the
 * AuthorizationService would take the whole first start again): only GRANT rows of the given directory groups whose
 * resource type, resource id and permissions equal a common grant exactly, and only those the shared group holds
 * itself. A grant that differs by group (a proxy group's READ and CREATE_INSTANCE on proxyService, the dispatch
 * centre's reads, the points and convention grants) differs in its permissions or resource, and stays.
 */
final class SharedGrants {
  private static final Logger LOG = LoggerFactory.getLogger(SharedGrants.class);
  /** Group ids per DELETE: well below the bind-parameter limits of H2 and PostgreSQL. */
  static final int GROUPS_PER_DELETE = 1000;

  /** One common grant: the resource and the exact permissions the copies held. */
  record Grant(Resource resource, String resourceId, Permission... permissions) {
    int perms() {
      int v = Permissions.NONE.getValue();
      for (Permission p : permissions) {
        v |= p.getValue();
      }
      return v;
    }
  }

  /** The grants of every staff member other than the staff filters' READ (whose ids are the database's). */
  static final List<Grant> COMMON = List.of(
      new Grant(Resources.APPLICATION, "tasklist", Permissions.ACCESS),
      new Grant(Resources.PROCESS_DEFINITION, Deliberation.PROCESS_KEY, Permissions.READ),
      new Grant(Resources.PROCESS_DEFINITION, DeliberationSession.PROCESS_KEY, Permissions.READ),
      new Grant(Resources.PROCESS_DEFINITION, ScheduledListening.PROCESS_KEY, Permissions.READ),
      // 民事民评: the 居务监督委员会's tasks and the unit's rework (落实决议) are in itemEvaluation
      new Grant(Resources.PROCESS_DEFINITION, ItemEvaluation.PROCESS_KEY, Permissions.READ),
      // 代办: any staff member reads the model; the 代办员 groups also start it (their own grant)
      new Grant(Resources.PROCESS_DEFINITION, ProxyService.PROCESS_KEY, Permissions.READ),
      // a report through POST /api/cases starts issueLifecycle on behalf of the caller, which evaluates the
      // admissibility and triage tables
      new Grant(Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE),
      new Grant(Resources.PROCESS_DEFINITION, IssueLifecycle.PROCESS_KEY, Permissions.READ, Permissions.CREATE_INSTANCE),
      new Grant(Resources.DECISION_DEFINITION, "admissibility", Permissions.CREATE_INSTANCE),
      new Grant(Resources.DECISION_DEFINITION, "triage", Permissions.CREATE_INSTANCE));

  /** The intake channels' accounts start issueLifecycle through /api/cases: these of the common grants, their own. */
  static final List<Grant> CHANNELS = COMMON.subList(6, COMMON.size());

  /** The common grants including READ on the staff filters with these ids. */
  static List<Grant> withFilters(Collection<String> staffFilterIds) {
    List<Grant> all = new ArrayList<>(COMMON);
    staffFilterIds.forEach(id -> all.add(new Grant(Resources.FILTER, id, Permissions.READ)));
    return all;
  }

  private final DataSource dataSource;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  SharedGrants(DataSource dataSource, PlatformTransactionManager transactions) {
    this.dataSource = dataSource;
    this.jdbc = JdbcClient.create(dataSource);
    this.tx = new TransactionTemplate(transactions);
  }

  /**
   * The users who belong to a staff group ({@code staffGroup}) but not to {@link GroupIds#ALL_STAFF}: e.g. put into a
   * directory group in Admin, not through the directory. One read of ACT_ID_MEMBERSHIP (a query per user would be a
   * city's tens of thousands of queries at every start).
   */
  Set<String> staffOutsideSharedGroup(java.util.function.Predicate<String> staffGroup) {
    Set<String> staff = new TreeSet<>();
    Set<String> shared = new java.util.HashSet<>();
    jdbc.sql("select USER_ID_, GROUP_ID_ from ACT_ID_MEMBERSHIP").query(rs -> {
      String user = rs.getString(1);
      String group = rs.getString(2);
      if (GroupIds.ALL_STAFF.equals(group)) {
        shared.add(user);
      } else if (staffGroup.test(group)) {
        staff.add(user);
      }
    });
    staff.removeAll(shared);
    return staff;
  }

  /**
   * Deletes the copies of {@code moved} held by {@code groups} (never the shared group, the admins or the channels'
   * accounts; never a user's grant, a REVOKE or a grant with other permissions), one transaction per chunk. Returns
   * how many rows went; writes nothing when no group holds a copy.
   */
  int removeCopies(Collection<String> groups, List<Grant> moved) {
    Set<String> from = new TreeSet<>(groups);
    from.removeAll(List.of(GroupIds.ALL_STAFF, GroupIds.ADMIN, GroupIds.CHANNEL_ACCOUNTS));
    if (from.isEmpty() || moved.isEmpty()) {
      return 0;
    }
    StringBuilder match = new StringBuilder();
    List<Object> matchParams = new ArrayList<>();
    for (Grant g : moved) {
      match.append(match.length() == 0 ? "" : " or ").append("(RESOURCE_TYPE_ = ? and RESOURCE_ID_ = ? and PERMS_ = ?)");
      matchParams.add(g.resource().resourceType());
      matchParams.add(g.resourceId());
      matchParams.add(g.perms());
    }
    List<String> ids = new ArrayList<>(from);
    int removed = 0;
    for (int i = 0; i < ids.size(); i += GROUPS_PER_DELETE) {
      List<String> chunk = ids.subList(i, Math.min(ids.size(), i + GROUPS_PER_DELETE));
      String sql = "delete from ACT_RU_AUTHORIZATION where TYPE_ = " + Authorization.AUTH_TYPE_GRANT
          + " and USER_ID_ is null and GROUP_ID_ in (" + String.join(",", java.util.Collections.nCopies(chunk.size(), "?"))
          + ") and (" + match + ")";
      List<Object> params = new ArrayList<>(chunk);
      params.addAll(matchParams);
      Integer n = tx.execute(status -> jdbc.sql(sql).params(params).update());
      removed += n == null ? 0 : n;
    }
    if (removed > 0) {
      vacuum();
    }
    return removed;
  }

  /**
   * Once, after the copies went: PostgreSQL's index scans on ACT_RU_AUTHORIZATION still visit the deleted rows until
   * they are vacuumed (the admin's process-definition check read 8,203 dead rows in 100 ms instead of 0.3 ms), and a
   * server without autovacuum would keep them. Outside a transaction, as VACUUM must run; H2 needs nothing.
   */
  private void vacuum() {
    try (Connection c = dataSource.getConnection()) {
      if (!c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
        return;
      }
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(true);
      try (Statement st = c.createStatement()) {
        st.execute("vacuum analyze ACT_RU_AUTHORIZATION");
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      LOG.warn("ACT_RU_AUTHORIZATION not vacuumed after the copies of the shared grants went: {}", e.getMessage());
    }
  }
}
