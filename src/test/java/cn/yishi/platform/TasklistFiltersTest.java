package cn.yishi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yishi.adapter.process.issuelifecycle.IssueLifecycle;
import cn.yishi.application.IntakeService;
import cn.yishi.domain.casefile.Channel;
import cn.yishi.domain.casefile.NewCase;
import cn.yishi.domain.casefile.Reporter;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.directory.GroupIds;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.Direction;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryProperty;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The Tasklist filters of each role: their queries, properties, readers, and idempotent start-up. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:yishi-tasklist-filters-test;DB_CLOSE_DELAY=-1",
      "camunda.bpm.job-execution.enabled=false",
      "yishi.mail.outbox.poll-interval=PT1H"
    })
class TasklistFiltersTest {
  static final List<String> ALL = List.of(TasklistFilters.MINE, TasklistFilters.GROUP, TasklistFilters.DUE_SOON,
      TasklistFilters.OVERDUE, TasklistFilters.SUPERVISION, TasklistFilters.FOLLOW_UP_VISIT, TasklistFilters.CLAIM_POOL);

  @Autowired FilterService filters;
  @Autowired AuthorizationService authorizations;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired IdentitySync identitySync;
  @Autowired Directory directory;
  @Autowired IntakeService intake;

  Filter filter(String name) {
    Filter f = filters.createFilterQuery().filterName(name).singleResult();
    assertThat(f).as(name).isNotNull();
    return f;
  }

  List<String> groupsOf(String user) {
    return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }

  <T> T as(String user, Supplier<T> action) {
    identity.setAuthentication(user, groupsOf(user));
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  boolean mayRead(String user, String filterName) {
    return authorizations.isUserAuthorized(user, groupsOf(user), Permissions.READ, Resources.FILTER,
        filter(filterName).getId());
  }

  /** The groups holding a READ grant on a filter. */
  Set<String> readers(String filterName) {
    return authorizations.createAuthorizationQuery().resourceType(Resources.FILTER)
        .resourceId(filter(filterName).getId()).list().stream()
        .filter(a -> a.getGroupId() != null && a.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT
            && a.isPermissionGranted(Permissions.READ))
        .map(Authorization::getGroupId).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  @Test
  void everyFilterExistsWithItsPropertiesAndIsSortedByDueDate() {
    assertThat(filters.createFilterQuery().filterName(TasklistFilters.MINE).count()).isOne();
    int previousPriority = Integer.MIN_VALUE;
    for (String name : ALL) {
      Filter f = filter(name);
      assertThat(f.getResourceType()).isEqualTo("Task");
      Map<String, Object> p = f.getProperties();
      assertThat((String) p.get("description")).as(name).isNotBlank();
      int priority = ((Number) p.get("priority")).intValue();
      assertThat(priority).as(name + " priority gives the display order").isGreaterThan(previousPriority);
      previousPriority = priority;
      assertThat(p.get("refresh")).isEqualTo(true);
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> variables = (List<Map<String, Object>>) p.get("variables");
      assertThat(variables).extracting(v -> v.get("name"))
          .containsExactly("listCommunityName", "listUrgencyName", "listDeadline", "listCaseNo", "listTitle");
      assertThat(variables).extracting(v -> v.get("label"))
          .containsExactly("社区", "紧急程度", "办理期限", "办件编号", "标题");

      TaskQueryImpl q = f.getQuery();
      List<QueryOrderingProperty> order = q.getOrderingProperties();
      assertThat(order).as(name).hasSize(1);
      assertThat(order.get(0).getQueryProperty()).isEqualTo(TaskQueryProperty.DUE_DATE);
      assertThat(order.get(0).getDirection()).isEqualTo(Direction.ASCENDING);
    }

    TaskQueryImpl mine = filter(TasklistFilters.MINE).getQuery();
    assertThat(mine.getExpressions()).containsEntry("taskAssignee", "${currentUser()}");

    TaskQueryImpl group = filter(TasklistFilters.GROUP).getQuery();
    assertThat(group.getExpressions()).containsEntry("taskCandidateGroupIn", "${currentUserGroups()}");
    assertThat(group.isIncludeAssignedTasks()).isTrue();

    TaskQueryImpl soon = filter(TasklistFilters.DUE_SOON).getQuery();
    assertThat(soon.getExpressions())
        .containsEntry("dueBefore", "${dateTime().plusDays(2)}")
        .containsEntry("dueAfter", "${now()}");
    assertGroupOrMine(soon);

    TaskQueryImpl overdue = filter(TasklistFilters.OVERDUE).getQuery();
    assertThat(overdue.getExpressions()).containsEntry("dueBefore", "${now()}").doesNotContainKey("dueAfter");
    assertGroupOrMine(overdue);

    assertKeyOfGroups(TasklistFilters.SUPERVISION, IssueLifecycle.USER_TASK_SUPERVISE);
    assertKeyOfGroups(TasklistFilters.FOLLOW_UP_VISIT, IssueLifecycle.USER_TASK_FOLLOW_UP_VISIT);
    assertKeyOfGroups(TasklistFilters.CLAIM_POOL, IssueLifecycle.USER_TASK_CLAIM);
    assertThat(((TaskQueryImpl) filter(TasklistFilters.CLAIM_POOL).getQuery()).isIncludeAssignedTasks())
        .as("the claim pool holds unclaimed tasks only").isFalse();
  }

  private void assertGroupOrMine(TaskQueryImpl q) {
    assertThat(q.getQueries()).hasSize(2);
    TaskQueryImpl or = q.getQueries().get(1);
    assertThat(or.isOrQueryActive()).isTrue();
    assertThat(or.getExpressions())
        .containsEntry("taskCandidateGroupIn", "${currentUserGroups()}")
        .containsEntry("taskAssignee", "${currentUser()}");
    assertThat(or.isIncludeAssignedTasks()).isTrue();
  }

  private void assertKeyOfGroups(String name, String taskDefinitionKey) {
    TaskQueryImpl q = filter(name).getQuery();
    assertThat(q.getKey()).as(name).isEqualTo(taskDefinitionKey);
    assertThat(q.getExpressions()).as(name).containsEntry("taskCandidateGroupIn", "${currentUserGroups()}");
  }

  @Test
  void eachFilterIsReadableByItsRolesOnly() {
    Set<String> staff = Set.of(GroupIds.ALL_STAFF);
    for (String name : List.of(TasklistFilters.MINE, TasklistFilters.GROUP, TasklistFilters.DUE_SOON, TasklistFilters.OVERDUE)) {
      Set<String> readers = readers(name);
      assertThat(readers).as(name + ": the 院坝 groups too (granted when their logins are synchronised)")
          .contains("yuanba-tangpu-shuitongwan", "yuanba-tangpu-shuitongwan-head");
      assertThat(readers.stream().filter(g -> !g.startsWith("yuanba-")).toList()).as(name)
          .containsExactlyInAnyOrderElementsOf(staff);
    }
    Set<String> supervisors = readers(TasklistFilters.SUPERVISION);
    assertThat(supervisors).contains("hualin-room", "hualin-hall", "shengdian-room", "shengdian-hall",
        "street-fengchuan", "dispatch-centre");
    assertThat(supervisors).contains("hall-fengchuan");
    assertThat(supervisors).allMatch(g -> g.endsWith("-room") || g.endsWith("-hall") || g.startsWith("street-")
        || g.startsWith("hall-")
        || g.equals("dispatch-centre"));
    assertThat(readers(TasklistFilters.FOLLOW_UP_VISIT)).contains("hualin-grid", "shengdian-grid")
        .allMatch(g -> g.endsWith("-grid"))
        .hasSize(directory.communities().size());
    assertThat(readers(TasklistFilters.CLAIM_POOL)).contains("unit-housing", "unit-property-hualin")
        .allMatch(g -> g.startsWith("unit-"))
        .hasSize(directory.units().size());

    assertThat(mayRead("grid.hualin", TasklistFilters.FOLLOW_UP_VISIT)).isTrue();
    assertThat(mayRead("grid.hualin", TasklistFilters.CLAIM_POOL)).isFalse();
    assertThat(mayRead("unit.housing", TasklistFilters.CLAIM_POOL)).isTrue();
    assertThat(mayRead("unit.housing", TasklistFilters.FOLLOW_UP_VISIT)).isFalse();
    assertThat(mayRead("room.hualin", TasklistFilters.SUPERVISION)).isTrue();
    assertThat(mayRead("community.hualin", TasklistFilters.SUPERVISION)).isFalse();
    assertThat(mayRead("channel.12345", TasklistFilters.MINE)).isFalse();

    // what Tasklist lists: the filters a user may read
    assertThat(as("grid.hualin", () -> names(filters.createFilterQuery().listPage(0, 100))))
        .containsExactlyInAnyOrder(TasklistFilters.MINE, TasklistFilters.GROUP, TasklistFilters.DUE_SOON,
            TasklistFilters.OVERDUE, TasklistFilters.FOLLOW_UP_VISIT);
    assertThat(as("unit.housing", () -> names(filters.createFilterQuery().listPage(0, 100))))
        .containsExactlyInAnyOrder(TasklistFilters.MINE, TasklistFilters.GROUP, TasklistFilters.DUE_SOON,
            TasklistFilters.OVERDUE, TasklistFilters.CLAIM_POOL);
    assertThat(as("channel.12345", () -> names(filters.createFilterQuery().listPage(0, 100)))).isEmpty();
    // running a filter one may not read is refused, not silently empty
    String claimPool = filter(TasklistFilters.CLAIM_POOL).getId();
    String visits = filter(TasklistFilters.FOLLOW_UP_VISIT).getId();
    assertThatThrownBy(() -> as("grid.hualin", () -> filters.listPage(claimPool, 0, 10)))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> as("unit.housing", () -> filters.count(visits)))
        .isInstanceOf(AuthorizationException.class);
    assertThat(as("grid.hualin", () -> filters.count(visits))).isNotNull();
    assertThat(as("unit.housing", () -> filters.count(claimPool))).isNotNull();
  }

  static List<String> names(Collection<Filter> filters) {
    return filters.stream().map(Filter::getName).toList();
  }

  @Test
  void aSecondSynchronisationCreatesAndChangesNothing() {
    long filterCount = filters.createFilterQuery().count();
    long authCount = authorizations.createAuthorizationQuery().count();
    Map<String, Integer> revisions = ALL.stream()
        .collect(Collectors.toMap(n -> n, n -> ((FilterEntity) filter(n)).getRevision()));

    identitySync.synchronise();

    assertThat(filters.createFilterQuery().count()).isEqualTo(filterCount);
    assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(authCount);
    for (String n : ALL) {
      assertThat(((FilterEntity) filter(n)).getRevision()).as(n + " not saved again").isEqualTo(revisions.get(n));
    }
  }

  @Test
  void synchronisationRepairsChangedFiltersAndStrayGrants() {
    Filter visit = filter(TasklistFilters.FOLLOW_UP_VISIT);
    // an operator widened the filter, dropped the sorting and changed the properties
    visit.setQuery(tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}"));
    visit.setProperties(Map.of("description", "改过", "priority", 99));
    filters.saveFilter(visit);
    // ... granted the grid workers' filter to a unit and took it from a community's grid workers
    Authorization stray = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    stray.setGroupId("unit-housing");
    stray.setResource(Resources.FILTER);
    stray.setResourceId(visit.getId());
    stray.addPermission(Permissions.READ);
    authorizations.saveAuthorization(stray);
    Authorization shengdian = authorizations.createAuthorizationQuery().groupIdIn("shengdian-grid")
        .resourceType(Resources.FILTER).resourceId(visit.getId()).singleResult();
    authorizations.deleteAuthorization(shengdian.getId());
    // ... and gave a unit UPDATE besides READ on the claim pool's neighbour
    Authorization mixed = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    mixed.setGroupId("unit-property-hualin");
    mixed.setResource(Resources.FILTER);
    mixed.setResourceId(filter(TasklistFilters.SUPERVISION).getId());
    mixed.addPermission(Permissions.READ);
    mixed.addPermission(Permissions.UPDATE);
    authorizations.saveAuthorization(mixed);
    assertThat(mayRead("unit.housing", TasklistFilters.FOLLOW_UP_VISIT)).isTrue();

    identitySync.synchronise();

    Filter repaired = filter(TasklistFilters.FOLLOW_UP_VISIT);
    assertThat(repaired.getId()).isEqualTo(visit.getId());
    assertThat(((TaskQueryImpl) repaired.getQuery()).getKey()).isEqualTo(IssueLifecycle.USER_TASK_FOLLOW_UP_VISIT);
    assertThat(((TaskQueryImpl) repaired.getQuery()).getOrderingProperties()).hasSize(1);
    assertThat(repaired.getProperties()).containsEntry("refresh", true).containsKey("variables");
    assertThat(((Number) repaired.getProperties().get("priority")).intValue()).isNotEqualTo(99);
    assertThat(mayRead("unit.housing", TasklistFilters.FOLLOW_UP_VISIT)).isFalse();
    assertThat(mayRead("grid.shengdian", TasklistFilters.FOLLOW_UP_VISIT)).isTrue();
    assertThat(readers(TasklistFilters.SUPERVISION)).doesNotContain("unit-property-hualin");
    Authorization kept = authorizations.createAuthorizationQuery().groupIdIn("unit-property-hualin")
        .resourceType(Resources.FILTER).resourceId(filter(TasklistFilters.SUPERVISION).getId()).singleResult();
    assertThat(kept.isPermissionGranted(Permissions.UPDATE)).as("only READ is managed here").isTrue();
    assertThat(kept.isPermissionGranted(Permissions.READ)).isFalse();
  }

  @Test
  void aRegisteredCaseShowsInTheCommunitysGroupFilterOnly() {
    String title = "楼道灯坏 " + UUID.randomUUID();
    String caseNo = intake.submit(new NewCase(Channel.HOTLINE_12345, null, "streetlight", title, "三楼楼道灯不亮",
        "hualin", null, 3,
        Reporter.ANONYMOUS, List.of()), "test").caseNo();
    String groupFilter = filter(TasklistFilters.GROUP).getId();

    List<Task> hualin = as("community.hualin", () -> filters.<Task>listPage(groupFilter, 0, 500));
    List<Task> ours = hualin.stream().filter(t -> t.getName().contains(caseNo)).toList();
    assertThat(ours).hasSize(1);
    Task review = ours.get(0);
    assertThat(review.getTaskDefinitionKey()).isEqualTo(IssueLifecycle.USER_TASK_REVIEW);

    List<Task> shengdian = as("community.shengdian", () -> filters.<Task>listPage(groupFilter, 0, 500));
    assertThat(shengdian).noneMatch(t -> t.getName().contains(caseNo));
    assertThat(shengdian).noneMatch(t -> t.getId().equals(review.getId()));

    // the list variables, task-local copies readable with the task (Tasklist fetches them for the list)
    Map<String, Object> variables = as("community.hualin", () -> tasks.getVariablesLocal(review.getId()));
    assertThat(variables).containsEntry("listCaseNo", caseNo).containsEntry("listTitle", title)
        .containsEntry("listCommunity", "hualin").containsKey("listUrgency")
        .containsEntry("listCommunityName", "华林社区");
    assertThat((String) variables.get("listUrgencyName")).as("the urgency's Chinese name, not its code")
        .isIn(java.util.Arrays.stream(cn.yishi.domain.casefile.Urgency.values()).map(cn.yishi.domain.casefile.Urgency::label).toList());

    // the deadline filters: due within two days, then overdue; claimed by a colleague it stays in the group's view
    String soon = filter(TasklistFilters.DUE_SOON).getId();
    String overdue = filter(TasklistFilters.OVERDUE).getId();
    setDue(review.getId(), Date.from(Instant.now().plus(Duration.ofHours(30))));
    assertThat(ids(as("community.hualin", () -> filters.<Task>listPage(soon, 0, 500)))).contains(review.getId());
    assertThat(ids(as("community.hualin", () -> filters.<Task>listPage(overdue, 0, 500)))).doesNotContain(review.getId());
    assertThat(ids(as("community.shengdian", () -> filters.<Task>listPage(soon, 0, 500)))).doesNotContain(review.getId());
    setDue(review.getId(), Date.from(Instant.now().plus(Duration.ofDays(3))));
    assertThat(ids(as("community.hualin", () -> filters.<Task>listPage(soon, 0, 500)))).doesNotContain(review.getId());
    setDue(review.getId(), Date.from(Instant.now().minus(Duration.ofHours(1))));
    tasks.setAssignee(review.getId(), "someone.else");
    assertThat(ids(as("community.hualin", () -> filters.<Task>listPage(overdue, 0, 500)))).contains(review.getId());
    assertThat(ids(as("community.hualin", () -> filters.<Task>listPage(soon, 0, 500)))).doesNotContain(review.getId());
    assertThat(ids(as("community.shengdian", () -> filters.<Task>listPage(overdue, 0, 500)))).doesNotContain(review.getId());
    // the role filters run, and a review task is none of theirs
    for (String name : List.of(TasklistFilters.SUPERVISION, TasklistFilters.FOLLOW_UP_VISIT, TasklistFilters.CLAIM_POOL)) {
      String id = filter(name).getId();
      assertThat(ids(as("demo", () -> filters.<Task>listPage(id, 0, 500)))).as(name).doesNotContain(review.getId());
    }
  }

  void setDue(String taskId, Date due) {
    Task t = tasks.createTaskQuery().taskId(taskId).singleResult();
    t.setDueDate(due);
    tasks.saveTask(t);
  }

  static List<String> ids(List<Task> list) {
    return list.stream().map(Task::getId).toList();
  }
}
