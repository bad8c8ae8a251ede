package cn.yishi.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.adapter.outbound.mail.OutboxSender;
import cn.yishi.support.TestHttp.Reply;
import cn.yishi.support.SessionDriver;
import cn.yishi.support.TestHttp;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The issue lifecycle through its real interfaces: POST /api/cases, Tasklist's REST calls as each
 * role, the public view, the e-mailed evaluation link. Runs on H2 ({@link LifecycleH2Test}) and on
 * PostgreSQL ({@link LifecyclePostgresIT}).
 */
abstract class LifecycleScenarios {
  static final String PASSWORD = "demo";

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired JdbcClient jdbc;
  @Autowired OutboxSender outbox;

  private TestHttp http;

  Reply call(String method, String path, String user, String body) throws Exception {
    if (http == null) {
      http = new TestHttp(port, true);
    }
    return http.call(method, path, user, PASSWORD, body);
  }

  static String report(String category, String compound, String title, String email, String externalId) {
    return """
        {"channel":"HOTLINE_12345", "externalId": %s, "category":"%s", "title":"%s",
         "description":"居民反映：%s，已持续一周。", "community":"hualin",
         "location":{"address":"御苑小区3栋2单元501","compound":"%s","lat":28.712345,"lon":115.387654},
         "householdsAffected": 12,
         "reporter":{"name":"李四","phone":"13800138000","email":%s},
         "attachments":["https://img.example.org/1.jpg"]}"""
        .formatted(externalId == null ? "null" : "\"" + externalId + "\"", category, title, title, compound,
            email == null ? "null" : "\"" + email + "\"");
  }

  String submit(String body) throws Exception {
    Reply r = call("POST", "/api/cases", "channel.12345", body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("caseNo").asText();
  }

  Task task(String caseNo, String key) {
    List<Task> found = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey(key).list();
    if (found.isEmpty()) {
      // a task of the deliberation sub-process carries the same business key
      found = tasks.createTaskQuery().taskDefinitionKey(key).list().stream()
          .filter(t -> caseNo.equals(variable(t, "caseNo"))).toList();
    }
    assertThat(found).as("task %s of %s", key, caseNo).hasSize(1);
    return found.get(0);
  }

  private Object variable(Task t, String name) {
    return tasks.getVariable(t.getId(), name);
  }

  Reply complete(String caseNo, String key, String user, String variables) throws Exception {
    return call("POST", "/engine-rest/task/" + task(caseNo, key).getId() + "/submit-form", user, "{\"variables\":" + variables + "}");
  }

  void completeOk(String caseNo, String key, String user, String variables) throws Exception {
    Reply r = complete(caseNo, key, user, variables);
    assertThat(r.status()).as(key + ": " + r.body()).isEqualTo(204);
  }

  String status(String caseNo) {
    return jdbc.sql("select status from yishi_case where case_no = ?").param(caseNo).query(String.class).single();
  }

  List<String> timeline(String caseNo) {
    return jdbc.sql("select e.action from yishi_case_event e join yishi_case c on c.id = e.case_id where c.case_no = ? order by e.id")
        .param(caseNo).query(String.class).list();
  }

  static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  String evaluationLink(String email) {
    outbox.drain();
    List<MimeMessage> mails = Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipients(m).contains(email)).toList();
    assertThat(mails).as("mail to " + email).isNotEmpty();
    Matcher m = Pattern.compile("/public/evaluations/([A-Za-z0-9_-]{43})").matcher(content(mails.get(mails.size() - 1)));
    assertThat(m.find()).as("an evaluation link").isTrue();
    return m.group(1);
  }

  private static String content(MimeMessage m) {
    try {
      return m.getContent().toString();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String recipients(MimeMessage m) {
    try {
      return GreenMailUtil.getAddressList(m.getAllRecipients());
    } catch (jakarta.mail.MessagingException e) {
      throw new AssertionError(e);
    }
  }

  // --- intake -------------------------------------------------------------------------------

  @Test
  void intakeNeedsAnAccountAndRefusesBadInputWithEveryFieldErrorStoringNothing() throws Exception {
    assertThat(call("POST", "/api/cases", null, report("streetlight", "御苑小区", "路灯", null, null)).status()).isEqualTo(401);
    long before = count("yishi_case");

    Reply bad = call("POST", "/api/cases", "channel.12345", """
        {"channel":"FAX","category":"unicorns","title":"%s","description":"","community":"atlantis",
         "location":{"lat":95,"lon":200},"reporter":{"phone":"12","email":"not-an-email"},"attachments":["ftp://x"]}"""
        .formatted("长".repeat(101)));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.errorFields()).containsExactly("channel");
    Reply many = call("POST", "/api/cases", "channel.12345", """
        {"channel":"HOTLINE_12345","category":"unicorns","title":"%s","description":"","community":"atlantis",
         "location":{"lat":95,"lon":200},"reporter":{"phone":"12","email":"not-an-email"},"attachments":["ftp://x"]}"""
        .formatted("长".repeat(101)));
    assertThat(many.status()).isEqualTo(400);
    assertThat(many.errorFields()).contains("category", "title", "description", "community", "location.lat",
        "location.lon", "reporter.phone", "reporter.email", "attachments[0]");
    assertThat(many.json().path("errors").get(0).path("message").asText()).matches(".*[\\u4e00-\\u9fa5].*");
    assertThat(call("POST", "/api/cases", "channel.12345", "{not json").status()).isEqualTo(400);
    assertThat(call("POST", "/api/cases", "channel.12345", "{\"title\":\"" + "x".repeat(70_000) + "\"}").status()).isEqualTo(413);

    assertThat(count("yishi_case")).isEqualTo(before);
  }

  @Test
  void theSameChannelReportTwiceGivesTheSameCaseAndCreatesNothing() throws Exception {
    String ext = "12345-" + UUID.randomUUID();
    String body = report("noise", "", "夜间施工噪音", null, ext);
    String caseNo = submit(body);
    long cases = count("yishi_case");

    Reply again = call("POST", "/api/cases", "channel.12345", body);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().path("caseNo").asText()).isEqualTo(caseNo);
    assertThat(count("yishi_case")).isEqualTo(cases);
  }

  @Test
  void aFurtherReportOfAnOpenProblemAtTheSameCompoundIsMerged() throws Exception {
    String compound = "hualin-binjiang";
    String caseNo = submit(report("drainage", compound, "下水道堵塞", null, null));
    long cases = count("yishi_case");

    Reply merged = call("POST", "/api/cases", "channel.12345", report("drainage", compound, "下水道又堵了", null, null));
    assertThat(merged.status()).isEqualTo(201);
    assertThat(merged.json().path("caseNo").asText()).isEqualTo(caseNo);
    assertThat(merged.json().path("status").asText()).isEqualTo("MERGED");
    assertThat(count("yishi_case")).isEqualTo(cases);
    assertThat(jdbc.sql("select supporting_count from yishi_case where case_no = ?").param(caseNo).query(Integer.class).single()).isOne();
    assertThat(timeline(caseNo)).contains("SUPPORTED");
  }

  // --- public view ----------------------------------------------------------------------------

  @Test
  void thePublicViewShowsNoPersonalDataAndNothingBeforeReview() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 6);
    String caseNo = submit(report("streetlight", "hualin-binjiang", "路灯不亮", "li.si@example.org", null));
    Reply pending = call("GET", "/public/cases/" + caseNo, null, null);
    assertThat(pending.status()).isEqualTo(200);
    assertThat(pending.json().path("statusName").asText()).isEqualTo("已受理，待审核");
    assertThat(pending.body()).doesNotContain("路灯不亮", "御苑小区", "李四", "13800138000", "li.si@example.org");

    completeOk(caseNo, "userTask_review", "station.hualin", "{}");
    Reply view = call("GET", "/public/cases/" + caseNo, null, null);
    assertThat(view.status()).isEqualTo(200);
    assertThat(view.json().path("compound").asText()).as("the compound's name, not its code").isEqualTo("滨江花园");
    assertThat(view.json().path("disposalName").asText()).isEqualTo("即办件");
    assertThat(view.body()).doesNotContain("李四", "13800138000", "li.si@example.org", "3栋2单元501", "28.712345", "115.387654");

    Reply list = call("GET", "/public/cases?community=hualin&status=IN_PROGRESS&month=" + java.time.YearMonth.now(), null, null);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).contains(caseNo).doesNotContain("13800138000", "李四");
    assertThat(call("GET", "/public/cases?community=atlantis&month=2026-13", null, null).errorFields()).contains("community", "month");

    Reply staff = call("GET", "/api/cases/" + caseNo, "community.hualin", null);
    assertThat(staff.status()).isEqualTo(200);
    assertThat(staff.json().path("reporter").path("phone").asText()).isEqualTo("13800138000");
    assertThat(staff.json().path("timeline")).isNotEmpty();
    Reply otherCommunity = call("GET", "/api/cases/" + caseNo, "community.shengdian", null);
    assertThat(otherCommunity.status()).as("another community's staff read nothing of the case").isEqualTo(403);
    assertThat(otherCommunity.body()).doesNotContain("13800138000", "李四");
    assertThat(call("GET", "/api/cases/" + caseNo, "channel.12345", null).status()).isEqualTo(403);
  }

  // --- screening and triage -------------------------------------------------------------------

  @Test
  void aNeighbourDisputeBetweenTwoHouseholdsIsSuggestedForDeclineAndTheReporterIsTold() throws Exception {
    // between two households it is a purely individual dispute (五不议 → 人民调解); with 12 it is a public conflict (五议)
    String caseNo = submit(report("neighbour-dispute", "", "邻居占用楼道", "wang.wu@example.org", null)
        .replace("\"householdsAffected\": 12", "\"householdsAffected\": 2"));
    Task review = task(caseNo, "userTask_review");
    assertThat(tasks.getVariable(review.getId(), "admissible")).isEqualTo(false);

    completeOk(caseNo, "userTask_review", "community.hualin", "{}");

    assertThat(status(caseNo)).isEqualTo("DECLINED");
    assertThat(call("GET", "/public/cases/" + caseNo, null, null).json().path("result").asText())
        .contains("个体纠纷", "已引导至社区人民调解委员会调解");
    String publicConflict = submit(report("neighbour-dispute", "", "楼道纠纷影响整栋", null, null));
    assertThat(tasks.getVariable(task(publicConflict, "userTask_review").getId(), "screeningGround")).isEqualTo("PUBLIC_CONFLICT");
    outbox.drain();
    assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipients(m).contains("wang.wu@example.org"))).hasSize(1);
  }

  @Test
  void anOverrideNeedsAReasonAndIsRecorded() throws Exception {
    String caseNo = submit(report("streetlight", "", "路灯全坏", null, null));

    Reply refused = complete(caseNo, "userTask_review", "community.hualin", "{\"urgency\":{\"value\":\"RED\"}}");
    assertThat(refused.status()).isGreaterThanOrEqualTo(400);
    assertThat(refused.body()).contains("调整理由");
    Reply invalid = complete(caseNo, "userTask_review", "community.hualin", "{\"tier\":{\"value\":\"PALACE\"}}");
    assertThat(invalid.body()).contains("层级");
    assertThat(status(caseNo)).isEqualTo("REGISTERED");

    completeOk(caseNo, "userTask_review", "community.hualin",
        "{\"urgency\":{\"value\":\"RED\"},\"overrideReason\":{\"value\":\"夜间无照明，存在安全隐患\"}}");
    assertThat(timeline(caseNo)).contains("ACCEPTED", "CLASSIFICATION_OVERRIDDEN");
    assertThat(task(caseNo, "userTask_handle").getPriority()).isEqualTo(90);
  }

  // --- handling ---------------------------------------------------------------------------------

  @Test
  void escalationClimbsEveryTierUpToTheCountyAndStopsThere() throws Exception {
    String caseNo = submit(report("streetlight", "hualin-yuyuan", "路灯线路老化", null, null));
    completeOk(caseNo, "userTask_review", "station.hualin", "{}");
    String escalate = "{\"outcome\":{\"value\":\"ESCALATE\"},\"escalationReason\":{\"value\":\"需更高层级协调\"}}";

    assertThat(complete(caseNo, "userTask_handle", "room.hualin", escalate).status()).isEqualTo(403);
    completeOk(caseNo, "userTask_handle", "station.hualin", escalate);
    completeOk(caseNo, "userTask_handle", "room.hualin", escalate);
    completeOk(caseNo, "userTask_handle", "hall.hualin", escalate);
    assertThat(jdbc.sql("select tier from yishi_case where case_no = ?").param(caseNo).query(String.class).single()).isEqualTo("COUNTY");

    Reply top = complete(caseNo, "userTask_handle", "dispatch", escalate);
    assertThat(top.body()).contains("无法继续上报");
    Reply noReason = complete(caseNo, "userTask_handle", "dispatch", "{\"outcome\":{\"value\":\"RESOLVED\"}}");
    assertThat(noReason.body()).contains("办理结果");
    assertThat(timeline(caseNo).stream().filter("ESCALATED"::equals)).hasSize(3);
  }

  @Test
  void aCommittedCaseInThePoolIsClaimedOnlyByAMemberOfTheUnit() throws Exception {
    String caseNo = submit(report("road-repair", "", "小区门口道路塌陷", null, null));
    completeOk(caseNo, "userTask_review", "community.hualin", "{\"responsibleUnit\":{\"value\":null}}");
    // the triage table suggests 住建 for road repair; the reviewer cleared it, so the dispatch centre decides
    assertThat(status(caseNo)).isEqualTo("ACCEPTED");
    completeOk(caseNo, "userTask_dispatch", "dispatch", "{\"assignMode\":{\"value\":\"POOL\"}}");

    Reply wrong = complete(caseNo, "userTask_claim", "unit.housing", "{\"responsibleUnit\":{\"value\":\"water\"}}");
    assertThat(wrong.body()).contains("只能以本单位名义认领");
    completeOk(caseNo, "userTask_claim", "unit.housing", "{\"responsibleUnit\":{\"value\":\"housing\"}}");

    assertThat(status(caseNo)).isEqualTo("IN_PROGRESS");
    assertThat(call("POST", "/api/cases/" + caseNo + "/progress", "unit.housing", "{\"note\":\"已进场施工\"}").status()).isEqualTo(201);
    assertThat(call("POST", "/api/cases/" + caseNo + "/progress", "grid.shengdian", "{\"note\":\"x\"}").status()).isEqualTo(403);
    assertThat(call("POST", "/api/cases/" + caseNo + "/progress", "unit.housing", "{\"note\":\"\"}").errorFields()).containsExactly("note");
    assertThat(timeline(caseNo)).contains("PUBLISHED_TO_POOL", "CLAIMED", "PROGRESS");
  }

  @Test
  void aMissedDeadlineRaisesASupervisionOrderAndMailsTheUnit() throws Exception {
    String caseNo = submit(report("drainage", "", "雨水井堵塞", null, null));
    completeOk(caseNo, "userTask_review", "community.hualin", "{}");
    Task handle = task(caseNo, "userTask_handle");
    assertThat(handle.getDueDate()).isNotNull();

    Job timer = management.createJobQuery().processInstanceId(handle.getProcessInstanceId())
        .activityId("boundary_handlingOverdue").singleResult();
    // the deadline passes (on the engine's clock, which is the application's)
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(
        java.util.Date.from(handle.getDueDate().toInstant().plusSeconds(60)));
    try {
      management.executeJob(timer.getId());
      Job overdue = management.createJobQuery().processInstanceId(handle.getProcessInstanceId())
          .activityId("serviceTask_recordOverdue").singleResult();
      management.executeJob(overdue.getId());

      Task supervise = task(caseNo, "userTask_supervise");
      assertThat(supervise.getDueDate()).isNotNull();
      assertThat(timeline(caseNo)).contains("OVERDUE", "SUPERVISED");
      outbox.drain();
      assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipients(m).contains("water@fengxin.example"))
          .map(m -> { try { return m.getSubject(); } catch (Exception e) { throw new AssertionError(e); } }))
          .anyMatch(s -> s.contains("督办") && s.contains(caseNo));
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
    assertThat(task(caseNo, "userTask_handle")).isNotNull();
  }

  // --- the whole path ---------------------------------------------------------------------------

  @Test
  void theWholePathWithEvaluationLinkReworkAndClosing() throws Exception {
    String email = "zhao." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    String caseNo = submit(report("corridor-clutter", "hualin-yuyuan", "楼道堆放杂物", email, null));
    assertThat(caseNo).matches("FX-\\d{4}-\\d{6}");
    assertThat(status(caseNo)).isEqualTo("REGISTERED");

    completeOk(caseNo, "userTask_review", "station.hualin", "{}");
    assertThat(status(caseNo)).isEqualTo("IN_PROGRESS");
    completeOk(caseNo, "userTask_handle", "station.hualin",
        "{\"outcome\":{\"value\":\"RESOLVED\"},\"resultNote\":{\"value\":\"已清理楼道杂物\"}}");
    assertThat(status(caseNo)).isEqualTo("RESOLVED");

    String token = evaluationLink(email);
    Reply page = call("GET", "/public/evaluations/" + token, null, null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.json().path("result").asText()).isEqualTo("已清理楼道杂物");
    assertThat(call("POST", "/public/evaluations/" + token, null, "{\"satisfaction\":9}").errorFields()).containsExactly("satisfaction");
    Reply unhappy = call("POST", "/public/evaluations/" + token, null, "{\"satisfaction\":2,\"comment\":\"没清干净\"}");
    assertThat(unhappy.status()).as(unhappy.body()).isEqualTo(200);
    assertThat(call("POST", "/public/evaluations/" + token, null, "{\"satisfaction\":5}").status()).isEqualTo(410);
    assertThat(call("GET", "/public/evaluations/unknown-token", null, null).status()).isEqualTo(404);
    assertThat(status(caseNo)).isEqualTo("REWORK");

    completeOk(caseNo, "userTask_handle", "station.hualin",
        "{\"outcome\":{\"value\":\"RESOLVED\"},\"resultNote\":{\"value\":\"已彻底清理并张贴提示\"}}");
    String second = evaluationLink(email);
    assertThat(second).isNotEqualTo(token);
    assertThat(call("POST", "/public/evaluations/" + second, null, "{\"satisfaction\":5,\"comment\":\"满意\"}").status()).isEqualTo(200);

    assertThat(status(caseNo)).isEqualTo("CLOSED");
    assertThat(timeline(caseNo)).containsSubsequence("REGISTERED", "ACCEPTED", "RESOLVED", "EVALUATION_REQUESTED",
        "EVALUATED", "REWORK", "RESOLVED", "EVALUATED", "CLOSED");
    Reply view = call("GET", "/public/cases/" + caseNo, null, null);
    assertThat(view.json().path("satisfaction").asInt()).isEqualTo(5);
    assertThat(view.json().path("statusName").asText()).isEqualTo("已销号");
  }

  @Test
  void withoutAnEmailAGridWorkerVisits() throws Exception {
    String caseNo = submit(report("pets", "hualin-yuyuan", "宠物扰民", null, null));
    completeOk(caseNo, "userTask_review", "station.hualin", "{}");
    completeOk(caseNo, "userTask_handle", "station.hualin", "{\"outcome\":{\"value\":\"RESOLVED\"},\"resultNote\":{\"value\":\"已劝导\"}}");

    assertThat(complete(caseNo, "userTask_followUpVisit", "grid.hualin", "{\"satisfaction\":{\"value\":\"0\"}}").body()).contains("满意度");
    completeOk(caseNo, "userTask_followUpVisit", "grid.hualin", "{\"satisfaction\":{\"value\":\"4\"}}");
    assertThat(status(caseNo)).isEqualTo("CLOSED");
  }

  @Test
  void aDeliberatedCaseHoldsAMeetingAndTheUnitsImplementItsResolutions() throws Exception {
    String caseNo = submit(report("elevator-retrofit", "", "老楼加装电梯", null, null));
    completeOk(caseNo, "userTask_review", "hall.hualin", "{}");
    assertThat(status(caseNo)).isEqualTo("DELIBERATING");

    // the topic joins the hall's session: 确定议程 and 会前沟通, then the record (full session: DeliberationScenarios)
    SessionDriver sessions = new SessionDriver(runtime, tasks, management);
    String meeting = sessions.topicOf(caseNo).getId();
    long topic = sessions.topicNo(meeting);
    String session = sessions.sessionOf(meeting).getId();
    sessions.convene(session, "加装电梯费用分摊", "同意");
    String record = "/engine-rest/task/" + sessions.one(session, "userTask_recordSession").getId() + "/submit-form";
    Reply noItems = call("POST", record, "hall.hualin", "{\"variables\":" + sessions.recordVariables(session, topic, "[]") + "}");
    assertThat(noItems.status()).isNotEqualTo(204);
    assertThat(noItems.body()).contains("决议清单");
    String deadline = java.time.LocalDate.now().plusDays(20).toString();
    Reply held = call("POST", record, "hall.hualin", "{\"variables\":" + sessions.recordVariables(session, topic,
        "[{\"topic\":" + topic + ",\"unit\":\"housing\",\"measure\":\"审批加装方案\",\"deadline\":\"" + deadline + "\"}]") + "}");
    assertThat(held.status()).as(held.body()).isEqualTo(204);
    sessions.runJob(meeting, "catch_topicResolved");
    // 张榜公示: the feedback window passes without objections
    sessions.runJob(meeting, "timer_publicityWindow");

    Task item = task(caseNo, "userTask_implementItem");
    assertThat(tasks.getVariable(item.getId(), "itemMeasure")).isEqualTo("审批加装方案");
    Reply done = call("POST", "/engine-rest/task/" + item.getId() + "/submit-form", "unit.housing",
        "{\"variables\":{\"progressNote\":{\"value\":\"方案已审批\"}}}");
    assertThat(done.status()).as(done.body()).isEqualTo(204);

    assertThat(status(caseNo)).isEqualTo("RESOLVED");
    assertThat(timeline(caseNo)).contains("MEETING_SCHEDULED", "MEETING_HELD", "PUBLICITY_STARTED", "RESOLUTION_ADOPTED",
        "ITEM_COMPLETED", "RESOLVED");
    assertThat(task(caseNo, "userTask_followUpVisit")).isNotNull();
  }

}
