package cn.yishi.listening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yishi.adapter.process.scheduledlistening.ScheduledListening.Var;
import cn.yishi.adapter.process.scheduledlistening.ScheduledListening;
import cn.yishi.application.IntakeResult;
import cn.yishi.application.ListeningService;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.support.TestHttp.Reply;
import cn.yishi.support.TestHttp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 定期听 with the whole application on H2: the timer fires, a community secretary completes the
 * reception through Tasklist's REST call (HTTP Basic, authorization on), and the issues become
 * LISTENING_DAY cases waiting for their community's party review.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:yishi-listening-test;DB_CLOSE_DELAY=-1",
      "yishi.mail.outbox.poll-interval=PT1H",
      "camunda.bpm.job-execution.enabled=false"
    })
class ListeningH2Test {
  /** Tuesday 15 December 2026, 09:00 in Asia/Shanghai: a listening day and a working day. */
  private static final Instant LISTENING_DAY = Instant.parse("2026-12-15T01:00:00Z");
  /** 18:00 that day, the end of the working day. */
  private static final Instant END_OF_DAY = Instant.parse("2026-12-15T10:00:00Z");

  @LocalServerPort int port;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired JdbcClient jdbc;
  @Autowired ListeningService listening;

  private TestHttp http;

  @BeforeEach
  void onAListeningDay() {
    ClockUtil.setCurrentTime(Date.from(LISTENING_DAY));
    http = new TestHttp(port, true);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // helpers

  /** Fires the timer start event by hand, as the job executor would at 09:00; returns the new instance. */
  private String fire() {
    Set<String> before = instances();
    Job timer = management.createJobQuery().processDefinitionKey(ScheduledListening.PROCESS_KEY).timers().singleResult();
    assertThat(timer).as("the timer of the next listening day").isNotNull();
    management.executeJob(timer.getId());
    Set<String> started = instances();
    started.removeAll(before);
    assertThat(started).hasSize(1);
    return started.iterator().next();
  }

  private Set<String> instances() {
    return runtime.createProcessInstanceQuery().processDefinitionKey(ScheduledListening.PROCESS_KEY).list().stream()
        .map(ProcessInstance::getId).collect(Collectors.toSet());
  }

  private Task reception(String pi, String community) {
    return tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(ScheduledListening.USER_TASK_RECEPTION)
        .taskCandidateGroup(community + "-community").singleResult();
  }

  private Reply submit(Task t, String user, String variables) throws Exception {
    return http.call("POST", "/engine-rest/task/" + t.getId() + "/submit-form", user, "demo", "{\"variables\":" + variables + "}");
  }

  /** The reception form as Tasklist submits it; the dynamic list is a Json variable. */
  private static String form(Integer residents, String note, String issuesJson) {
    StringBuilder b = new StringBuilder("{");
    b.append("\"communityName\":{\"value\":\"华林社区\"},\"listeningDate\":{\"value\":\"2026-12-15\"}");
    if (residents != null) {
      b.append(",\"residentsReceived\":{\"value\":").append(residents).append("}");
    }
    if (note != null) {
      b.append(",\"receptionNote\":{\"value\":\"").append(note).append("\"}");
    }
    if (issuesJson != null) {
      b.append(",\"issues\":{\"type\":\"Json\",\"value\":\"").append(issuesJson.replace("\"", "\\\"")).append("\"}");
    }
    return b.append("}").toString();
  }

  private static String issue(String category, String title, String description, String compound, String households) {
    return """
        {"category":"%s","title":"%s","description":"%s","compound":"%s","householdsAffected":%s}"""
        .formatted(category, title, description, compound, households);
  }

  private static String twoIssues(String tag) {
    return "[" + issue("streetlight", "御苑小区路灯不亮", "3栋前路灯坏了一周", "", "40") + ","
        + issue("parking", "滨江花园乱停车", "消防通道被占", "", "null") + "]";
  }

  private List<Map<String, Object>> casesOf(String pi, String community) {
    return jdbc.sql("""
            select case_no, channel, external_id, community, created_by, title, status from yishi_case
            where external_id like :prefix order by external_id""")
        .param("prefix", "listening:" + pi + ":" + community + ":%").query().listOfRows();
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  private List<Map<String, Object>> session(String pi, String community) {
    return jdbc.sql("select * from yishi_listening_session where session_key = :key")
        .param("key", pi + ":" + community).query().listOfRows();
  }

  private List<String> candidateGroups(Task t) {
    return tasks.getIdentityLinksForTask(t.getId()).stream()
        .filter(l -> "candidate".equals(l.getType())).map(IdentityLink::getGroupId).toList();
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  // scenarios

  @Test
  void twoIssuesHeardBecomeTwoListeningDayCasesUnderReviewInTheirCommunity() throws Exception {
    String pi = fire();
    Task t = reception(pi, "hualin");
    assertThat(t.getName()).isEqualTo("定期听接待 华林社区");
    assertThat(t.getDueDate().toInstant()).isEqualTo(END_OF_DAY);
    assertThat(tasks.createTaskQuery().processInstanceId(pi).count()).as("one reception per community").isEqualTo(4);

    Reply shown = http.call("GET", "/engine-rest/task/" + t.getId() + "/deployed-form", "community.hualin", "demo", null);
    assertThat(shown.status()).as("Tasklist loads the form").isEqualTo(200);
    assertThat(shown.json().path("id").asText()).isEqualTo(ScheduledListening.FORM_RECEPTION);
    Reply facts = http.call("GET", "/engine-rest/task/" + t.getId() + "/form-variables", "community.hualin", "demo", null);
    assertThat(facts.json().path(Var.COMMUNITY_NAME.name()).path("value").asText()).isEqualTo("华林社区");
    assertThat(facts.json().path(Var.LISTENING_DATE.name()).path("value").asText()).isEqualTo("2026-12-15");

    Reply done = submit(t, "community.hualin", form(23, "接待群众23人", twoIssues(unique())));

    assertThat(done.status()).as(done.body()).isEqualTo(204);
    List<Map<String, Object>> cases = casesOf(pi, "hualin");
    assertThat(cases).hasSize(2);
    assertThat(cases).extracting(c -> c.get("external_id"))
        .containsExactly("listening:" + pi + ":hualin:0", "listening:" + pi + ":hualin:1");
    assertThat(cases).allSatisfy(c -> {
      assertThat(c.get("channel")).isEqualTo("LISTENING_DAY");
      assertThat(c.get("community")).isEqualTo("hualin");
      assertThat(c.get("created_by")).isEqualTo("community.hualin");
      assertThat(c.get("status")).isEqualTo("REGISTERED");
    });
    for (Map<String, Object> c : cases) {
      String caseNo = (String) c.get("case_no");
      Task review = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey("userTask_review").singleResult();
      assertThat(review).as("the party review of " + caseNo).isNotNull();
      assertThat(candidateGroups(review)).containsExactly("hualin-community");
      assertThat(jdbc.sql("""
              select e.note from yishi_case_event e join yishi_case c on c.id = e.case_id
              where c.case_no = :no and e.action = 'REGISTERED'""").param("no", caseNo).query(String.class).single())
          .isEqualTo("来源渠道：定期听（2026-12-15 华林社区接待）");
      assertThat(jdbc.sql("select count(*) from yishi_reporter r join yishi_case c on c.id = r.case_id where c.case_no = :no")
          .param("no", caseNo).query(Long.class).single()).as("no personal data taken").isZero();
    }
    Reply ownTasks = http.call("GET", "/engine-rest/task?taskDefinitionKey=userTask_review&processInstanceBusinessKey="
        + cases.get(0).get("case_no") + "&firstResult=0&maxResults=10", "community.hualin", "demo", null);
    assertThat(ownTasks.json()).hasSize(1);

    List<Map<String, Object>> session = session(pi, "hualin");
    assertThat(session).hasSize(1);
    assertThat(session.get(0)).containsEntry("RESIDENTS_RECEIVED", 23).containsEntry("ISSUE_COUNT", 2)
        .containsEntry("RECORDED_BY", "community.hualin").containsEntry("NOTE", "接待群众23人")
        .containsEntry("CASE_NOS", cases.get(0).get("case_no") + "," + cases.get(1).get("case_no"));
    assertThat(session.get(0).get("LISTENING_DATE").toString()).isEqualTo("2026-12-15");

    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi).variableNameIn(Var.ISSUES.name(), Var.RECEPTION_NOTE.name()).count())
        .as("the free text never reaches Cockpit's history").isZero();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi).variableName(Var.RESIDENTS_RECEIVED.name()).list())
        .as("one per reception; the count is no personal data").hasSize(4)
        .extracting(v -> v.getValue()).contains(23);

    // the completion goes on asynchronously; the other communities' receptions stay open
    Job continuation = management.createJobQuery().processInstanceId(pi).singleResult();
    management.executeJob(continuation.getId());
    assertThat(reception(pi, "hualin")).isNull();
    assertThat(tasks.createTaskQuery().processInstanceId(pi).count()).isEqualTo(3);
  }

  @Test
  void anInvalidIssueRefusesTheWholeReceptionAndCreatesNothing() throws Exception {
    String pi = fire();
    Task t = reception(pi, "hualin");
    long cases = count("yishi_case");
    String tag = unique();
    String bad = "[" + issue("streetlight", "路灯不亮", "路灯坏了", "", "3") + ","
        + issue("unicorns", "长".repeat(101), "", "", "-1") + "]";

    Reply refused = submit(t, "community.hualin", form(12, null, bad));

    assertThat(refused.status()).isGreaterThanOrEqualTo(400);
    assertThat(refused.body()).contains("issues[1].category", "issues[1].title", "issues[1].description",
        "issues[1].householdsAffected", "第2项诉求").doesNotContain("issues[0]");
    Reply noCount = submit(t, "community.hualin", form(null, null, twoIssues(tag)));
    assertThat(noCount.status()).isGreaterThanOrEqualTo(400);
    assertThat(noCount.body()).contains("residentsReceived", "接待群众人数");
    Reply notAList = submit(t, "community.hualin", form(12, null, "{\"title\":\"x\"}"));
    assertThat(notAList.status()).isGreaterThanOrEqualTo(400);
    assertThat(notAList.body()).contains("诉求清单格式不正确");
    Reply text = submit(t, "community.hualin", form(12, null, "[" + issue("noise", "噪音", "夜间施工", "光华小区", "\"很多\"") + "]"));
    assertThat(text.body()).contains("issues[0].householdsAffected", "涉及户数应为整数");

    assertThat(count("yishi_case")).as("nothing stored").isEqualTo(cases);
    assertThat(casesOf(pi, "hualin")).isEmpty();
    assertThat(session(pi, "hualin")).isEmpty();
    assertThat(reception(pi, "hualin")).as("the task stays open").isNotNull();
    assertThat(management.createJobQuery().processInstanceId(pi).count()).isZero();

    Reply corrected = submit(t, "community.hualin", form(12, null, "[" + issue("streetlight", "路灯不亮", "路灯坏了", "", "3") + "]"));
    assertThat(corrected.status()).as(corrected.body()).isEqualTo(204);
    assertThat(casesOf(pi, "hualin")).hasSize(1);
  }

  @Test
  void everyOtherRefusalOfAReceptionNamesItsFieldAndStoresNothing() throws Exception {
    String pi = fire();
    long cases = count("yishi_case");
    ListeningService.IssueInput valid = new ListeningService.IssueInput("streetlight", "路灯不亮", "路灯坏了", null, "2");

    assertThat(refusal(new ListeningService.Reception(pi, "hualin", LocalDate.of(2026, 12, 15), -1, null, List.of(valid))))
        .containsExactly("residentsReceived:out_of_range");
    assertThat(refusal(new ListeningService.Reception(pi, "hualin", LocalDate.of(2026, 12, 15), 100_001, "长".repeat(2001), List.of())))
        .containsExactly("residentsReceived:out_of_range", "receptionNote:too_long");
    assertThat(refusal(new ListeningService.Reception(pi, "hualin", LocalDate.of(2026, 12, 15), 60, null,
        java.util.Collections.nCopies(ListeningService.MAX_ISSUES + 1, valid))))
        .containsExactly("issues:too_many");
    Reply badDate = submit(reception(pi, "hualin"), "community.hualin", form(3, null, "[]").replace("\"2026-12-15\"", "\"12/15\""));
    assertThat(badDate.status()).isGreaterThanOrEqualTo(400);
    assertThat(badDate.body()).contains("listeningDate", "接待日期格式应为 yyyy-MM-dd");

    assertThat(count("yishi_case")).isEqualTo(cases);
    assertThat(session(pi, "hualin")).isEmpty();
    assertThat(reception(pi, "hualin")).isNotNull();
  }

  private List<String> refusal(ListeningService.Reception r) {
    try {
      listening.record(r, "community.hualin");
    } catch (ValidationException e) {
      return e.errors().stream().map(f -> f.field() + ":" + f.code()).toList();
    }
    throw new AssertionError("not refused: " + r);
  }

  @Test
  void aDayWithoutIssuesIsRecorded() throws Exception {
    String pi = fire();
    long cases = count("yishi_case");

    Reply done = submit(reception(pi, "shengdian"), "community.shengdian", form(4, null, "[]"));

    assertThat(done.status()).as(done.body()).isEqualTo(204);
    assertThat(count("yishi_case")).isEqualTo(cases);
    List<Map<String, Object>> session = session(pi, "shengdian");
    assertThat(session).hasSize(1);
    assertThat(session.get(0)).containsEntry("RESIDENTS_RECEIVED", 4).containsEntry("ISSUE_COUNT", 0)
        .containsEntry("CASE_NOS", null).containsEntry("RECORDED_BY", "community.shengdian");
  }

  @Test
  void aRetriedRecordingCreatesNoDuplicates() throws Exception {
    String pi = fire();
    String tag = unique();
    Reply done = submit(reception(pi, "hualin"), "community.hualin", form(9, null, twoIssues(tag)));
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    List<String> caseNos = casesOf(pi, "hualin").stream().map(c -> (String) c.get("case_no")).toList();
    long cases = count("yishi_case");
    long lifecycles = runtime.createProcessInstanceQuery().processDefinitionKey("issueLifecycle").count();

    // the recording step runs again with the same reception, as a retried job would
    ListeningService.Recorded again = listening.record(new ListeningService.Reception(pi, "hualin",
        LocalDate.of(2026, 12, 15), 9, null, List.of(
            new ListeningService.IssueInput("streetlight", "御苑小区路灯不亮", "3栋前路灯坏了一周", "", "40"),
            new ListeningService.IssueInput("parking", "滨江花园乱停车", "消防通道被占", null, null))),
        "community.hualin");

    assertThat(again.repeated()).isTrue();
    assertThat(again.results()).extracting(IntakeResult::kind).containsOnly(IntakeResult.Kind.REPEATED);
    assertThat(again.caseNos()).isEqualTo(caseNos);
    assertThat(count("yishi_case")).isEqualTo(cases);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("issueLifecycle").count()).isEqualTo(lifecycles);
    assertThat(session(pi, "hualin")).hasSize(1);
  }

  @Test
  void onlyTheCommunitysOwnStaffSeeAndCompleteItsReception() throws Exception {
    String pi = fire();
    Task hualin = reception(pi, "hualin");
    long cases = count("yishi_case");

    Reply other = submit(hualin, "community.shengdian", form(3, null, twoIssues(unique())));
    assertThat(other.status()).isEqualTo(403);
    Reply grid = submit(hualin, "grid.hualin", form(3, null, twoIssues(unique())));
    assertThat(grid.status()).as("a grid worker is not the 社区两委").isEqualTo(403);

    Reply seen = http.call("GET", "/engine-rest/task?firstResult=0&maxResults=10&processInstanceId=" + pi, "community.shengdian", "demo", null);
    assertThat(seen.status()).isEqualTo(200);
    assertThat(seen.json()).hasSize(1);
    assertThat(seen.json().get(0).path("name").asText()).isEqualTo("定期听接待 圣殿社区");
    assertThat(count("yishi_case")).isEqualTo(cases);
    assertThat(reception(pi, "hualin")).isNotNull();
  }

  @Test
  void anOperatorMayStartAMissedDayByHandButNotWithABadDate() {
    ProcessInstance missed = runtime.startProcessInstanceByKey(ScheduledListening.PROCESS_KEY,
        Map.of(Var.LISTENING_DATE.name(), "2026-12-05"));

    Task t = reception(missed.getId(), "jiaoyuyuan");
    assertThat(t.getName()).isEqualTo("定期听接待 教育园社区");
    assertThat(t.getDueDate().toInstant()).as("due today, not on the missed day").isEqualTo(END_OF_DAY);
    assertThat(tasks.getVariable(t.getId(), Var.LISTENING_DATE.name())).isEqualTo("2026-12-05");

    long before = instances().size();
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(ScheduledListening.PROCESS_KEY, Map.of(Var.LISTENING_DATE.name(), "2026-13-01")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("yyyy-MM-dd");
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(ScheduledListening.PROCESS_KEY, Map.of(Var.LISTENING_DATE.name(), "2026-12-16")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("不能晚于今天");
    assertThat(instances()).hasSize((int) before);
  }
}
