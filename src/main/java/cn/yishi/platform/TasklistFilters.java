package cn.yishi.platform;

import cn.yishi.adapter.process.issuelifecycle.IssueLifecycle;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.directory.GroupIds;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.impl.util.JsonUtil;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters of each role, created or updated at every start, each readable by exactly
 * the groups that work with it. Idempotent: a second run creates and changes nothing.
 *
 * <p>A filter only selects tasks; which tasks a user may see is still decided by the task
 * authorizations (a candidate group may read its tasks), so a filter never widens access.
 */
@Component
public class TasklistFilters {
  private static final Logger LOG = LoggerFactory.getLogger(TasklistFilters.class);

  public static final String MINE = "我的待办";
  public static final String GROUP = "本组待办";
  public static final String DUE_SOON = "即将到期";
  public static final String OVERDUE = "已逾期";
  public static final String SUPERVISION = "督办件";
  public static final String FOLLOW_UP_VISIT = "待回访";
  public static final String CLAIM_POOL = "待认领";

  static final String CURRENT_USER = "${currentUser()}";
  static final String CURRENT_USER_GROUPS = "${currentUserGroups()}";
  static final String NOW = "${now()}";
  static final String IN_TWO_DAYS = "${dateTime().plusDays(2)}";

  /**
   * The variables Tasklist shows on each card, in this order: Chinese names, never codes. A folded card shows the
   * first two, so community and urgency come first (the task's name already carries the case number and title).
   */
  static final List<Map<String, Object>> LIST_VARIABLES = List.of(
      variable("listCommunityName", "社区"),
      variable("listUrgencyName", "紧急程度"),
      variable("listDeadline", "办理期限"),
      variable("listCaseNo", "办件编号"),
      variable("listTitle", "标题"));

  /** One filter: its query (built from a fresh task query) and the groups that may read it. */
  record Spec(String name, String description, int priority, Function<TaskQuery, TaskQuery> query,
      Function<Directory, Set<String>> readers) {}

  private final FilterService filters;
  private final AuthorizationService authorizations;
  private final TaskService tasks;

  public TasklistFilters(FilterService filters, AuthorizationService authorizations, TaskService tasks) {
    this.filters = filters;
    this.authorizations = authorizations;
    this.tasks = tasks;
  }

  /** The filters, in display order. */
  static List<Spec> specs() {
    return List.of(
        new Spec(MINE, "分配给我的任务", -10,
            q -> q.taskAssigneeExpression(CURRENT_USER),
            TasklistFilters::allStaff),
        new Spec(GROUP, "本组可认领和办理的任务", -5,
            q -> q.taskCandidateGroupInExpression(CURRENT_USER_GROUPS).includeAssignedTasks(),
            TasklistFilters::allStaff),
        new Spec(DUE_SOON, "两天内到期的本组或我的任务", 0,
            q -> groupOrMine(q.dueAfterExpression(NOW).dueBeforeExpression(IN_TWO_DAYS)),
            TasklistFilters::allStaff),
        new Spec(OVERDUE, "已超过期限的本组或我的任务", 5,
            q -> groupOrMine(q.dueBeforeExpression(NOW)),
            TasklistFilters::allStaff),
        new Spec(SUPERVISION, "本组的督办任务", 10,
            q -> q.taskDefinitionKey(IssueLifecycle.USER_TASK_SUPERVISE)
                .taskCandidateGroupInExpression(CURRENT_USER_GROUPS).includeAssignedTasks(),
            TasklistFilters::supervisorGroups),
        new Spec(FOLLOW_UP_VISIT, "本组的回访任务", 15,
            q -> q.taskDefinitionKey(IssueLifecycle.USER_TASK_FOLLOW_UP_VISIT)
                .taskCandidateGroupInExpression(CURRENT_USER_GROUPS).includeAssignedTasks(),
            TasklistFilters::gridGroups),
        new Spec(CLAIM_POOL, "揭榜挂帅：本单位可认领的办件", 20,
            q -> q.taskDefinitionKey(IssueLifecycle.USER_TASK_CLAIM)
                .taskCandidateGroupInExpression(CURRENT_USER_GROUPS),
            TasklistFilters::unitGroups));
  }

  /** Tasks of one of the user's groups (claimed or not), or assigned to the user. */
  private static TaskQuery groupOrMine(TaskQuery q) {
    return q.or()
        .taskCandidateGroupInExpression(CURRENT_USER_GROUPS).includeAssignedTasks()
        .taskAssigneeExpression(CURRENT_USER)
        .endOr();
  }

  /** Creates or updates every filter; returns their ids by name. */
  Map<String, String> ensureFilters() {
    Map<String, String> ids = new LinkedHashMap<>();
    int changedFilters = 0;
    for (Spec spec : specs()) {
      Filter f = filters.createFilterQuery().filterName(spec.name()).singleResult();
      boolean created = f == null;
      if (created) {
        f = filters.newTaskFilter(spec.name());
      }
      String queryBefore = created ? null : ((FilterEntity) f).getQueryInternal();
      Map<String, Object> propertiesBefore = created ? null : f.getProperties();
      TaskQuery query = spec.query().apply(tasks.createTaskQuery()).orderByDueDate().asc();
      f.setQuery(query);
      f.setProperties(properties(spec));
      if (created || !Objects.equals(queryBefore, ((FilterEntity) f).getQueryInternal())
          || !sameJson(propertiesBefore, f.getProperties())) {
        f = filters.saveFilter(f);
        changedFilters++;
      }
      ids.put(spec.name(), f.getId());
    }
    if (changedFilters > 0) {
      LOG.info("Tasklist filters: {} created or updated", changedFilters);
    }
    return ids;
  }

  /** Each filter (ids by name) readable by exactly its groups; the missing READ grants go to {@code grants}. */
  void ensureReaders(Directory directory, Map<String, String> ids, AuthorizationGrants grants) {
    int changedGrants = 0;
    for (Spec spec : specs()) {
      changedGrants += ensureReaders(ids.get(spec.name()), spec.readers().apply(directory), grants);
    }
    if (changedGrants > 0) {
      LOG.info("Tasklist filters: {} READ authorizations changed", changedGrants);
    }
  }

  /** The filters every staff member reads (我的待办, 本组待办, 即将到期, 已逾期). */
  static final List<String> STAFF_FILTERS = List.of(MINE, GROUP, DUE_SOON, OVERDUE);

  static Map<String, Object> properties(Spec spec) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("description", spec.description());
    props.put("priority", spec.priority());
    props.put("refresh", true);
    props.put("variables", LIST_VARIABLES);
    return props;
  }

  /** Grants READ on the filter to exactly {@code readers} among groups; other groups lose READ. */
  private int ensureReaders(String filterId, Set<String> readers, AuthorizationGrants grants) {
    int changes = 0;
    Set<String> granted = new LinkedHashSet<>();
    for (Authorization a : authorizations.createAuthorizationQuery()
        .resourceType(Resources.FILTER).resourceId(filterId).list()) {
      if (a.getGroupId() == null || a.getAuthorizationType() != Authorization.AUTH_TYPE_GRANT) {
        continue;
      }
      if (readers.contains(a.getGroupId())) {
        if (a.isPermissionGranted(Permissions.READ)) {
          granted.add(a.getGroupId());
        }
        continue;
      }
      if (!a.isPermissionGranted(Permissions.READ) || managedElsewhere(a.getGroupId())) {
        continue;
      }
      a.removePermission(Permissions.READ);
      if (((AuthorizationEntity) a).getPermissions() == Permissions.NONE.getValue()) {
        authorizations.deleteAuthorization(a.getId());
      } else {
        authorizations.saveAuthorization(a);
      }
      changes++;
    }
    for (String g : readers) {
      if (!granted.contains(g)) {
        grants.grant(g, Resources.FILTER, filterId, Permissions.READ);
        changes++;
      }
    }
    return changes;
  }

  /**
   * The groups of the 院坝 (micro-grids, {@code yuanba-…}) are kept in the application, not the directory file: their
   * READ on the staff filters is granted by {@link #grantStaffFilters} when the micro-grid's logins are synchronised,
   * and {@link #ensureReaders} leaves it alone.
   */
  static boolean managedElsewhere(String groupId) {
    return groupId.startsWith("yuanba-");
  }

  /** Grants READ on the filters every staff group reads (我的待办, 本组待办, 即将到期, 已逾期) to {@code groups}. */
  public void grantStaffFilters(java.util.Collection<String> groups) {
    for (String name : STAFF_FILTERS) {
      Filter f = filters.createFilterQuery().filterName(name).singleResult();
      if (f == null) {
        continue;
      }
      for (String g : groups) {
        boolean granted = authorizations.createAuthorizationQuery().groupIdIn(g).resourceType(Resources.FILTER)
            .resourceId(f.getId()).list().stream().anyMatch(a -> a.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT
                && a.isPermissionGranted(Permissions.READ));
        if (!granted) {
          Authorization a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
          a.setGroupId(g);
          a.setResource(Resources.FILTER);
          a.setResourceId(f.getId());
          a.addPermission(Permissions.READ);
          authorizations.saveAuthorization(a);
        }
      }
    }
  }

  /**
   * Every staff member: the shared group {@link GroupIds#ALL_STAFF}, whose members are all directory users with a
   * group other than the intake channels' accounts (one grant instead of one per directory group).
   */
  static Set<String> allStaff(Directory d) {
    return Set.of(GroupIds.ALL_STAFF);
  }

  /** Who supervises: the communities' rooms and halls, the streets' halls, the streets and the dispatch centre. */
  static Set<String> supervisorGroups(Directory d) {
    Set<String> groups = new LinkedHashSet<>();
    for (Directory.Community c : d.communities()) {
      groups.add(GroupIds.room(c.code()));
      groups.add(GroupIds.hall(c.code()));
    }
    d.streets().forEach(s -> groups.add(GroupIds.streetHall(s.code())));
    d.streets().forEach(s -> groups.add(GroupIds.street(s.code())));
    groups.add(GroupIds.DISPATCH_CENTRE);
    return groups;
  }

  /** Who visits residents: the grid workers of each community. */
  static Set<String> gridGroups(Directory d) {
    Set<String> groups = new LinkedHashSet<>();
    d.communities().forEach(c -> groups.add(GroupIds.grid(c.code())));
    return groups;
  }

  /** Who claims cases (揭榜): the responsible units. */
  static Set<String> unitGroups(Directory d) {
    Set<String> groups = new LinkedHashSet<>();
    d.units().forEach(u -> groups.add(GroupIds.unit(u.code())));
    return groups;
  }

  private static boolean sameJson(Map<String, Object> a, Map<String, Object> b) {
    return a != null && b != null
        && JsonUtil.asObject(JsonUtil.asString(a)).equals(JsonUtil.asObject(JsonUtil.asString(b)));
  }

  private static Map<String, Object> variable(String name, String label) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("name", name);
    v.put("label", label);
    return v;
  }
}
