package cn.yishi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yishi.adapter.outbound.mail.OutboxSender;
import cn.yishi.adapter.process.issuelifecycle.IssueLifecycle;
import cn.yishi.domain.directory.GroupIds;
import cn.yishi.support.TestHttp.Reply;
import cn.yishi.support.TestHttp;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The platform's promises, checked over HTTP against a running application: authentication,
 * per-community task isolation, CVE mitigations, form deployment, personal data, outbox mail.
 * Runs on H2 ({@link PlatformH2Test}) and on PostgreSQL ({@link PlatformPostgresIT}).
 */
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability(tracing = false)
abstract class PlatformScenarios {
  static final String PASSWORD = "demo";

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repository;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired FilterService filters;
  @Autowired JdbcClient jdbc;
  @Autowired IdentitySync identitySync;
  @Autowired OutboxSender outboxSender;

  private TestHttp http;

  Reply call(String method, String path, String user, String body) throws Exception {
    if (http == null) {
      http = new TestHttp(port, false);
    }
    return http.call(method, path, user, user != null && user.equals(adminUser()) ? adminPassword() : PASSWORD, body);
  }

  /**
   * A grid worker records a visit through the start form, exactly as Tasklist submits it; no compound chosen, so the
   * community's 两委 reviews (三级前置把关: a compound's case goes to its station).
   */
  String reportAsGridWorker(String user, String community, String title, String email) throws Exception {
    String body = """
        {"variables":{
          "channel":{"value":"GRID_VISIT"},"category":{"value":"streetlight"},
          "community":{"value":"%s"},"title":{"value":"%s"},
          "description":{"value":"3栋门口路灯已坏一周，晚上出行不便"},
          "householdsAffected":{"value":30,"type":"Long"},
          "reporterName":{"value":"李四"},"reporterPhone":{"value":"13800138000"},
          "reporterEmail":{"value":"%s"},"address":{"value":"御苑小区3栋2单元501"}}}"""
        .formatted(community, title, email);
    Reply r = call("POST", "/engine-rest/process-definition/key/issueLifecycle/submit-form", user, body);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().path("id").asText();
  }

  String reviewTaskOf(String processInstanceId, String user) throws Exception {
    Reply r = call("GET", "/engine-rest/task?processInstanceId=" + processInstanceId + "&maxResults=10", user, null);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json()).hasSize(1);
    return r.json().get(0).path("id").asText();
  }

  @Test
  void engineRestRequiresAuthentication() throws Exception {
    assertThat(call("GET", "/engine-rest/task?maxResults=1", null, null).status()).isEqualTo(401);
    Reply wrong = call("GET", "/engine-rest/task?maxResults=1", "nobody", null);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(call("GET", "/engine-rest/task?maxResults=1", "grid.hualin", null).status()).isEqualTo(200);
  }

  @Test
  void authorizationAndHardeningAreOn() {
    ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(cfg.isAuthorizationEnabled()).isTrue();
    assertThat(cfg.isEnablePasswordPolicy()).isTrue();
    assertThat(cfg.isDeserializationTypeValidationEnabled()).isTrue();
    assertThat(cfg.getQueryMaxResultsLimit()).isEqualTo(2000);
    assertThat(cfg.isEnableExpressionsInAdhocQueries()).isFalse();
  }

  @Test
  void theApiReusesASuccessfulLoginButNeverAWrongPassword() throws Exception {
    String user = "api.login." + UUID.randomUUID().toString().substring(0, 8);
    String password = "Api-Login-2026!x";
    User u = identity.newUser(user);
    u.setPassword(password);
    identity.saveUser(u);
    identity.createMembership(user, "hualin-community");
    TestHttp h = new TestHttp(port, false);

    assertThat(h.call("GET", "/api/cases/FX-2026-999999", user, password, null).status()).isEqualTo(404);
    assertThat(h.call("GET", "/api/cases/FX-2026-999999", user, "wrong-password", null).status()).isEqualTo(401);
    assertThat(h.call("GET", "/api/cases/FX-2026-999999", user + "x", password, null).status()).isEqualTo(401);
    assertThat(h.call("GET", "/api/cases/FX-2026-999999", "", password, null).status()).isEqualTo(401);
    // the engine now delays this user's logins after the failed attempt; the kept login still serves the channel
    assertThat(h.call("GET", "/api/cases/FX-2026-999999", user, password, null).status()).isEqualTo(404);
    // and a request that changes something still needs credentials
    assertThat(h.call("POST", "/api/cases", null, null, "{}").status()).isEqualTo(401);
  }

  @Test
  void authorizationChecksSkipTheScanOfAllGroupsForUsersWithFewGroups() throws Exception {
    ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(cfg.getSessionFactories().get(AuthorizationManager.class).openSession())
        .isInstanceOf(AuthorizationGroupsPlugin.FewGroupsAuthorizationManager.class);
    // the answers stay those of the engine: communityStaffSeeAndCompleteOnlyTheirOwnCommunitysTasks and the
    // lifecycle and Tasklist suites run with it; a group without any authorization adds nothing
    String user = "few.groups." + UUID.randomUUID().toString().substring(0, 8);
    User u = identity.newUser(user);
    u.setPassword("Few-Groups-2026!x");
    identity.saveUser(u);
    identity.saveGroup(identity.newGroup(user + "-empty"));
    identity.createMembership(user, user + "-empty");
    identity.createMembership(user, "shengdian-community");
    String own = reportAsGridWorker("grid.shengdian", "shengdian", "分组检查 " + UUID.randomUUID(), "");
    String other = reportAsGridWorker("grid.hualin", "hualin", "分组检查 " + UUID.randomUUID(), "");
    try {
      identity.setAuthentication(user, List.of(user + "-empty", "shengdian-community"));
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(own).count()).isEqualTo(1);
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(other).count()).isZero();
    } finally {
      identity.clearAuthentication();
    }
  }

  @Test
  void unboundedQueriesAreRefused() throws Exception {
    Reply r = call("GET", "/engine-rest/task", "community.hualin", null);
    assertThat(r.status()).isEqualTo(400);
  }

  @Test
  void modelsAndFormsAreOneDeploymentAndFormRefResolves() throws Exception {
    ProcessDefinition def = repository.createProcessDefinitionQuery()
        .processDefinitionKey(IssueLifecycle.PROCESS_KEY).latestVersion().singleResult();
    List<String> names = repository.getDeploymentResourceNames(def.getDeploymentId());
    assertThat(names).contains("bpmn/issueLifecycle.bpmn", "forms/issueIntake.form", "forms/issueReview.form");
    assertThat(def.getHistoryTimeToLive()).isNotNull();

    Reply startForm = call("GET", "/engine-rest/process-definition/key/issueLifecycle/deployed-start-form", "grid.hualin", null);
    assertThat(startForm.status()).as(startForm.body()).isEqualTo(200);
    assertThat(startForm.json().path("id").asText()).isEqualTo(IssueLifecycle.FORM_INTAKE);

    String pi = reportAsGridWorker("grid.hualin", "hualin", "表单解析 " + UUID.randomUUID(), "");
    String task = reviewTaskOf(pi, "community.hualin");
    Reply taskForm = call("GET", "/engine-rest/task/" + task + "/deployed-form", "community.hualin", null);
    assertThat(taskForm.status()).as(taskForm.body()).isEqualTo(200);
    assertThat(taskForm.json().path("id").asText()).isEqualTo(IssueLifecycle.FORM_REVIEW);
  }

  @Test
  void communityStaffSeeAndCompleteOnlyTheirOwnCommunitysTasks() throws Exception {
    String title = "路灯不亮 " + UUID.randomUUID();
    String pi = reportAsGridWorker("grid.hualin", "hualin", title, "");

    String task = reviewTaskOf(pi, "community.hualin");
    Reply other = call("GET", "/engine-rest/task?processInstanceId=" + pi + "&maxResults=10", "community.shengdian", null);
    assertThat(other.json()).isEmpty();
    assertThat(call("GET", "/engine-rest/task/" + task, "community.shengdian", null).status()).isIn(403, 404);
    assertThat(call("GET", "/engine-rest/task?processInstanceId=" + pi + "&maxResults=10", "grid.hualin", null).json()).isEmpty();

    // through Tasklist's stored filter, which evaluates ${currentUserGroups()}
    String groupFilter = filters.createFilterQuery().filterName(IdentitySync.FILTER_GROUP).singleResult().getId();
    Reply mine = call("POST", "/engine-rest/filter/" + groupFilter + "/list?maxResults=200", "community.hualin", "{}");
    assertThat(mine.status()).as(mine.body()).isEqualTo(200);
    assertThat(mine.body()).contains(title);
    // Tasklist asks for HAL: the listed variables come with the task, readable by its own group only
    java.net.http.HttpResponse<String> hal = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/engine-rest/filter/" + groupFilter + "/list?firstResult=0&maxResults=200"))
            .header("Accept", "application/hal+json").header("Content-Type", "application/json")
            .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("community.hualin:demo".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(hal.statusCode()).isEqualTo(200);
    assertThat(hal.body()).contains("\"variable\"").contains(title);
    Reply theirs = call("POST", "/engine-rest/filter/" + groupFilter + "/list?maxResults=200", "community.shengdian", "{}");
    assertThat(theirs.status()).isEqualTo(200);
    assertThat(theirs.body()).doesNotContain(title);

    Reply foreign = call("POST", "/engine-rest/task/" + task + "/complete", "community.shengdian",
        "{\"variables\":{\"admissible\":{\"value\":true}}}");
    assertThat(foreign.status()).isEqualTo(403);

    Reply own = call("POST", "/engine-rest/task/" + task + "/submit-form", "community.hualin",
        "{\"variables\":{\"admissible\":{\"value\":true}}}");
    assertThat(own.status()).as(own.body()).isEqualTo(204);
    String caseNo = history.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult().getBusinessKey();
    assertThat(caseNo).matches("FX-\\d{4}-\\d{6}");
    assertThat(jdbc.sql("select status from yishi_case where case_no = ?").param(caseNo).query(String.class).single())
        .isEqualTo("IN_PROGRESS");
    assertThat(jdbc.sql("select action from yishi_case_event e join yishi_case c on c.id = e.case_id where c.case_no = ? order by e.id")
        .param(caseNo).query(String.class).list()).containsExactly("REGISTERED", "ACCEPTED");
  }

  @Test
  void reporterDataIsKeptApartAndNeverInProcessVariables() throws Exception {
    String pi = reportAsGridWorker("grid.hualin", "hualin", "个人信息 " + UUID.randomUUID(), "li.si@example.org");

    assertThat(engine.getRuntimeService().getVariables(pi)).doesNotContainKeys(
        IssueLifecycle.Var.REPORTER_NAME.name(), IssueLifecycle.Var.REPORTER_PHONE.name(),
        IssueLifecycle.Var.REPORTER_EMAIL.name(), IssueLifecycle.Var.ADDRESS.name());
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi).list())
        .extracting(v -> v.getName())
        .doesNotContain(IssueLifecycle.Var.REPORTER_NAME.name(), IssueLifecycle.Var.REPORTER_PHONE.name(),
            IssueLifecycle.Var.REPORTER_EMAIL.name(), IssueLifecycle.Var.ADDRESS.name());
    Reply details = call("GET", "/engine-rest/history/detail?processInstanceId=" + pi + "&maxResults=500", "dispatch", null);
    assertThat(details.status()).isEqualTo(200);
    assertThat(details.body()).doesNotContain("13800138000", "李四", "3栋2单元501", "li.si@example.org");

    assertThat(jdbc.sql("""
            select r.phone from yishi_reporter r join yishi_case c on c.id = r.case_id
            where c.process_instance_id = ?""").param(pi).query(String.class).single())
        .isEqualTo("13800138000");
  }

  private static String refusedAgain(Reply r) {
    assertThat(r.status()).isGreaterThanOrEqualTo(400);
    return r.body();
  }

  @Test
  void declineWithoutReasonIsRefusedAndDeclineWithReasonMailsTheReporter() throws Exception {
    String pi = reportAsGridWorker("grid.hualin", "hualin", "邻里纠纷 " + UUID.randomUUID(), "wang.wu@example.org");
    String task = reviewTaskOf(pi, "community.hualin");

    Reply refused = call("POST", "/engine-rest/task/" + task + "/submit-form", "community.hualin",
        "{\"variables\":{\"admissible\":{\"value\":false}}}");
    assertThat(refused.status()).isGreaterThanOrEqualTo(400);
    assertThat(refused.body()).contains("不予受理时必须填写理由");
    assertThat(reviewTaskOf(pi, "community.hualin")).isEqualTo(task);

    Reply declined = call("POST", "/engine-rest/task/" + task + "/submit-form", "community.hualin",
        "{\"variables\":{\"admissible\":{\"value\":false},\"declineReason\":{\"value\":\"属个人邻里纠纷，已引导至人民调解委员会\"}}}");
    assertThat(refusedAgain(declined)).as("declining a suggested 五议 needs a 五不议 ground and a reason")
        .contains("所选情形“公共设施运维”属于“五议”");
    declined = call("POST", "/engine-rest/task/" + task + "/submit-form", "community.hualin", """
        {"variables":{"admissible":{"value":false},"declineReason":{"value":"属个人邻里纠纷，已引导至人民调解委员会"},
          "screeningGround":{"value":"PRIVATE_DISPUTE"},"overrideReason":{"value":"核实为两户之间的纠纷"}}}""");
    assertThat(declined.status()).as(declined.body()).isEqualTo(204);

    outboxSender.drain();
    outboxSender.drain();
    MimeMessage[] received = smtp.getReceivedMessagesForDomain("example.org");
    List<MimeMessage> forCase = java.util.Arrays.stream(received)
        .filter(m -> recipients(m).contains("wang.wu@example.org"))
        .toList();
    assertThat(forCase).hasSize(1);
    assertThat(forCase.get(0).getSubject()).contains("审核结果");
    assertThat(GreenMailUtil.getBody(forCase.get(0))).isNotBlank();
  }

  @Autowired cn.yishi.application.port.MailOutbox outbox;
  @Autowired org.springframework.transaction.support.TransactionTemplate transactions;

  @Test
  void aRepeatedMailKeyLeavesTheCallersTransactionIntact() {
    String key = "repeat:" + UUID.randomUUID();
    boolean[] queued = new boolean[2];
    transactions.executeWithoutResult(tx -> {
      queued[0] = outbox.enqueue(key, "a@example.org", "主题", "正文", null);
      queued[1] = outbox.enqueue(key, "a@example.org", "主题", "正文", null);
      // the transaction is still usable after the repeat (on PostgreSQL a failed insert would abort it)
      jdbc.sql("select count(*) from yishi_mail_outbox").query(Long.class).single();
    });
    assertThat(queued).containsExactly(true, false);
    assertThat(jdbc.sql("select count(*) from yishi_mail_outbox where dedup_key = ?").param(key).query(Long.class).single()).isOne();
  }

  @Test
  void expressionsInAdhocQueriesAreRefusedButStoredFiltersWork() throws Exception {
    Reply orQuery = call("POST", "/engine-rest/task?maxResults=10", "community.hualin",
        "{\"orQueries\":[{\"assigneeExpression\":\"${execution.getProcessEngineServices()}\"}]}");
    assertThat(orQuery.status()).isEqualTo(400);
    Reply hash = call("POST", "/engine-rest/task/count", "community.hualin",
        "{\"orQueries\":[{\"candidateGroupExpression\":\"#{1+1}\"}]}");
    assertThat(hash.status()).isEqualTo(400);
    Reply get = call("GET", "/engine-rest/task?maxResults=10&assigneeExpression=%24%7BcurrentUser()%7D", "community.hualin", null);
    assertThat(get.status()).isEqualTo(400);

    String mineFilter = filters.createFilterQuery().filterName(IdentitySync.FILTER_MINE).singleResult().getId();
    Reply extend = call("POST", "/engine-rest/filter/" + mineFilter + "/list?maxResults=10", "community.hualin",
        "{\"orQueries\":[{\"assigneeExpression\":\"${1+1}\"}]}");
    assertThat(extend.status()).isEqualTo(400);
    Reply stored = call("GET", "/engine-rest/filter/" + mineFilter + "/list?maxResults=10", "community.hualin", null);
    assertThat(stored.status()).as(stored.body()).isEqualTo(200);
    Reply webapp = call("POST", "/camunda/api/engine/engine/default/task?maxResults=10", null,
        "{\"orQueries\":[{\"assigneeExpression\":\"${1+1}\"}]}");
    assertThat(webapp.status()).isEqualTo(400);
  }

  @Test
  void adminSetupEndpointIsBlockedAndTheAdminIsADirectMember() throws Exception {
    Reply setup = call("POST", "/camunda/api/admin/setup/default/user/create", null,
        "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"Aa1!aaaaaaaa\"}}");
    assertThat(setup.status()).isEqualTo(403);
    assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
    assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").count()).isPositive();
  }

  @Test
  void onlyAdminsMayDeploy() {
    identity.setAuthentication("dispatch", List.of("dispatch-centre"));
    try {
      assertThatThrownBy(() -> repository.createDeployment().name("unauthorised")
          .addClasspathResource("bpmn/issueLifecycle.bpmn").deploy())
          .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    } finally {
      identity.clearAuthentication();
    }
    assertThat(authorizations.isUserAuthorized("dispatch", List.of("dispatch-centre"),
        org.camunda.bpm.engine.authorization.Permissions.CREATE,
        org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT)).isFalse();
    assertThat(authorizations.isUserAuthorized("community.hualin", List.of("hualin-community"),
        org.camunda.bpm.engine.authorization.Permissions.CREATE,
        org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT)).isFalse();
  }

  @Test
  void passwordPolicyRefusesWeakPasswords() throws Exception {
    Reply r = call("POST", "/engine-rest/user/create", adminUser(), """
        {"profile":{"id":"weak.user","firstName":"弱","lastName":"密码"},"credentials":{"password":"123"}}""");
    assertThat(r.status()).isGreaterThanOrEqualTo(400);
    assertThat(r.body()).contains("Password does not match policy");
    assertThat(identity.createUserQuery().userId("weak.user").count()).isZero();
  }

  @Test
  void directorySyncIsIdempotent() {
    long groups = identity.createGroupQuery().count();
    long users = identity.createUserQuery().count();
    long auths = authorizations.createAuthorizationQuery().count();
    long filterCount = filters.createFilterQuery().count();

    identitySync.synchronise();

    assertThat(identity.createGroupQuery().count()).isEqualTo(groups);
    assertThat(identity.createUserQuery().count()).isEqualTo(users);
    assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(auths);
    assertThat(filters.createFilterQuery().count()).isEqualTo(filterCount);
    assertThat(identity.createGroupQuery().groupId("hualin-community").singleResult().getName()).isEqualTo("华林社区社区两委（前置把关）");
    assertThat(identity.createGroupQuery().groupId("unit-market-supervision").count()).isOne();
  }

  /** What a start leaves in ACT_RU_AUTHORIZATION: its rows with their revisions and permissions. */
  String authorizationTable() {
    return jdbc.sql("select count(*) || ':' || coalesce(sum(REV_), 0) || ':' || coalesce(sum(PERMS_ % 1000003), 0) "
        + "from ACT_RU_AUTHORIZATION").query(String.class).single();
  }

  Authorization grantOf(String group, String user, Resource resource, String resourceId, Permission... permissions) {
    Authorization a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    if (group != null) {
      a.setGroupId(group);
    } else {
      a.setUserId(user);
    }
    a.setResource(resource);
    a.setResourceId(resourceId);
    for (Permission p : permissions) {
      a.addPermission(p);
    }
    return authorizations.saveAuthorization(a);
  }

  List<Authorization> grantsOf(String group, Resource resource, String resourceId) {
    return authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource).resourceId(resourceId).list();
  }

  boolean may(String user, Permission permission, Resource resource, String resourceId) {
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    return authorizations.isUserAuthorized(user, groups, permission, resource, resourceId);
  }

  @Test
  void theStaffsCommonGrantsAreHeldOnceByTheSharedGroupAndTheCopiesOfEarlierVersionsGo() {
    assertThat(identity.createGroupQuery().groupId(GroupIds.ALL_STAFF).singleResult().getName()).isEqualTo("全体工作人员");
    assertThat(identity.createUserQuery().memberOfGroup(GroupIds.ALL_STAFF).userId("community.hualin").count()).isOne();
    assertThat(identity.createUserQuery().memberOfGroup(GroupIds.ALL_STAFF).userId("channel.12345").count()).isZero();
    String groupFilter = filters.createFilterQuery().filterName(TasklistFilters.GROUP).singleResult().getId();
    List<SharedGrants.Grant> shared = SharedGrants.withFilters(TasklistFilters.STAFF_FILTERS.stream()
        .map(n -> filters.createFilterQuery().filterName(n).singleResult().getId()).toList());
    // a user an operator put into a directory group in Admin (no directory user): staff as well
    String added = "admin.added." + UUID.randomUUID().toString().substring(0, 8);
    User addedUser = identity.newUser(added);
    addedUser.setPassword("Admin-Added-2026!x");
    identity.saveUser(addedUser);
    identity.createMembership(added, "hualin-grid");
    long before = authorizations.createAuthorizationQuery().count();

    // an installation of an earlier version: a copy of every shared grant on directory groups
    List<String> copied = List.of("hualin-community", "hualin-grid", "unit-housing", GroupIds.DISPATCH_CENTRE);
    for (String g : copied) {
      for (SharedGrants.Grant s : shared) {
        if (g.equals(GroupIds.DISPATCH_CENTRE) && s.resource().equals(Resources.PROCESS_INSTANCE)) {
          continue; // its own row there (READ) held the copy's CREATE too: READ and CREATE, not an exact copy
        }
        assertThat(grantsOf(g, s.resource(), s.resourceId())).as(g + " holds no copy").isEmpty();
        grantOf(g, null, s.resource(), s.resourceId(), s.permissions());
      }
    }
    // ... and what must stay: the same resource with other permissions, a user's grant, a REVOKE, a group outside the
    // directory, the channels' own
    Authorization wider = grantOf("hualin-room", null, Resources.PROCESS_DEFINITION, IssueLifecycle.PROCESS_KEY,
        Permissions.READ, Permissions.UPDATE);
    Authorization users = grantOf(null, "grid.hualin", Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setGroupId("shengdian-grid");
    revoke.setResource(Resources.DECISION_DEFINITION);
    revoke.setResourceId("triage");
    revoke.removePermission(Permissions.CREATE_INSTANCE);
    revoke = authorizations.saveAuthorization(revoke);
    Authorization outside = grantOf("outside-directory", null, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    try {
      identitySync.synchronise();

      for (String g : copied) {
        for (SharedGrants.Grant s : shared) {
          if (!(g.equals(GroupIds.DISPATCH_CENTRE) && s.resource().equals(Resources.PROCESS_INSTANCE))) {
            assertThat(grantsOf(g, s.resource(), s.resourceId())).as(g + " " + s.resourceId()).isEmpty();
          }
        }
      }
      for (SharedGrants.Grant s : shared) {
        List<Authorization> one = grantsOf(GroupIds.ALL_STAFF, s.resource(), s.resourceId());
        assertThat(one).as(s.resourceId()).hasSize(1);
        assertThat(((AuthorizationEntity) one.get(0)).getPermissions()).isEqualTo(s.perms());
      }
      for (Authorization kept : List.of(wider, users, revoke, outside)) {
        assertThat(authorizations.createAuthorizationQuery().authorizationId(kept.getId()).count()).as(kept.toString()).isOne();
      }
      assertThat(grantsOf(GroupIds.CHANNEL_ACCOUNTS, Resources.PROCESS_DEFINITION, IssueLifecycle.PROCESS_KEY)).hasSize(1);
      assertThat(grantsOf("hualin-proxy", Resources.PROCESS_DEFINITION, "proxyService").get(0)
          .isPermissionGranted(Permissions.CREATE_INSTANCE)).as("a proxy group's own grant").isTrue();
      assertThat(grantsOf("hualin-community", Resources.PROCESS_DEFINITION, "pointsAward")).as("group-specific").hasSize(1);
      assertThat(authorizations.createAuthorizationQuery().count()).as("one set, on the shared group; the 4 kept")
          .isEqualTo(before + 4);

      // every staff member may still do what they did
      for (String user : List.of("community.hualin", "grid.hualin", "unit.housing", "room.hualin", added)) {
        assertThat(may(user, Permissions.ACCESS, Resources.APPLICATION, "tasklist")).as(user).isTrue();
        assertThat(may(user, Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, IssueLifecycle.PROCESS_KEY)).as(user).isTrue();
        assertThat(may(user, Permissions.CREATE, Resources.PROCESS_INSTANCE, Authorization.ANY)).as(user).isTrue();
        assertThat(may(user, Permissions.CREATE_INSTANCE, Resources.DECISION_DEFINITION, "triage")).as(user).isTrue();
        assertThat(may(user, Permissions.READ, Resources.FILTER, groupFilter)).as(user).isTrue();
      }
      assertThat(may("channel.12345", Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, IssueLifecycle.PROCESS_KEY)).isTrue();
      assertThat(may("channel.12345", Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isFalse();
      assertThat(may("channel.12345", Permissions.READ, Resources.FILTER, groupFilter)).isFalse();

      // a second start writes nothing
      String after = authorizationTable();
      identitySync.synchronise();
      assertThat(authorizationTable()).isEqualTo(after);
    } finally {
      for (Authorization a : List.of(wider, users, revoke, outside)) {
        authorizations.deleteAuthorization(a.getId());
      }
      identity.deleteUser(added);
    }
  }

  @Test
  void healthShowsNoDetailsToAnonymousCallersAndMetricsAreExported() throws Exception {
    Reply health = call("GET", "/actuator/health", null, null);
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().path("status").asText()).isEqualTo("UP");
    assertThat(health.json().has("components")).isFalse();
    assertThat(health.json().has("details")).isFalse();
    Reply metrics = call("GET", "/actuator/prometheus", null, null);
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes");
  }

  private static String recipients(MimeMessage m) {
    try {
      return GreenMailUtil.getAddressList(m.getAllRecipients());
    } catch (jakarta.mail.MessagingException e) {
      throw new AssertionError(e);
    }
  }

  /** The admin account of the test profile. */
  abstract String adminUser();

  abstract String adminPassword();
}
