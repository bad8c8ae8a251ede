package cn.yishi.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.support.TestHttp.Reply;
import cn.yishi.support.SessionDriver;
import cn.yishi.support.TestHttp;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Tasklist panel's API on H2 (scripts/yishi-task-panels.js): progress notes on an open handling task, public or
 * internal, written with the Tasklist session and its CSRF token (never with the session alone), only by the task's
 * handlers; the reporter's contact on the open 回访 task, only to its grid worker, never into the engine's history.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:yishi-task-panels-test;DB_CLOSE_DELAY=-1",
      "yishi.mail.outbox.poll-interval=PT1H",
      "camunda.bpm.job-execution.enabled=false"
    })
class TaskPanelsH2Test {
  /** Handles the cases below: a station case without a compound is handled by the community's room (三级前置把关). */
  private static final String HANDLER = "room.hualin";
  private static final String NAME = "钱多多";
  private static final String PHONE = "13900007777";

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired JdbcClient jdbc;

  private TestHttp http;

  @BeforeEach
  void client() {
    http = new TestHttp(port, true);
  }

  private Reply call(String method, String path, String user, String body) throws Exception {
    return http.call(method, path, user, "demo", body);
  }

  /** A case of 华林 from the 12345 channel without an e-mail, accepted by the community: its handling task is open. */
  private String acceptedCase(String title) throws Exception {
    return acceptedCaseOf("corridor-clutter", title);
  }

  private String acceptedCaseOf(String category, String title) throws Exception {
    String body = """
        {"channel":"HOTLINE_12345", "category":"%s", "title":"%s", "description":"居民反映：%s，已持续一周。",
         "community":"hualin", "location":{"address":"御苑小区3栋2单元501 %s"},
         "reporter":{"name":"%s","phone":"%s"}}""".formatted(category, title, title, UUID.randomUUID().toString().substring(0, 8),
        NAME, PHONE);
    Reply created = call("POST", "/api/cases", "channel.12345", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String caseNo = created.json().path("caseNo").asText();
    // 三级前置把关: a station or room matter is reviewed by the community's 两委, a hall matter by the street's hall
    complete(caseNo, "userTask_review", "elevator-retrofit".equals(category) ? "hall.hualin" : "community.hualin", "{}");
    return caseNo;
  }

  private Task task(String caseNo, String key) {
    List<Task> found = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey(key).list();
    assertThat(found).as("task %s of %s", key, caseNo).hasSize(1);
    return found.get(0);
  }

  private void complete(String caseNo, String key, String user, String variables) throws Exception {
    submit(task(caseNo, key).getId(), user, variables);
  }

  private void submit(String taskId, String user, String variables) throws Exception {
    Reply r = call("POST", "/engine-rest/task/" + taskId + "/submit-form", user, "{\"variables\":" + variables + "}");
    assertThat(r.status()).as(r.body()).isEqualTo(204);
  }

  private List<Boolean> progressNotes(String caseNo, String note) {
    return jdbc.sql("""
            select e.public_note from yishi_case_event e join yishi_case c on c.id = e.case_id
            where c.case_no = ? and e.action = 'PROGRESS' and e.note = ?""")
        .param(caseNo).param(note).query(Boolean.class).list();
  }

  private static void refused(Reply r, int status, String code) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.json().path("errors").get(0).path("code").asText()).isEqualTo(code);
    assertThat(r.json().path("errors").get(0).path("message").asText()).matches(".*\\p{IsHan}.*");
  }

  @Test
  void theHandlerPostsPublicAndInternalNotesAndTheTaskStaysOpen() throws Exception {
    String caseNo = acceptedCase("楼道堆放杂物");
    String taskId = task(caseNo, "userTask_handle").getId();

    Reply panels = call("GET", "/api/tasks/" + taskId + "/panels", HANDLER, null);
    assertThat(panels.status()).as(panels.body()).isEqualTo(200);
    assertThat(panels.json().path("caseNo").asText()).isEqualTo(caseNo);
    assertThat(panels.json().path("progress").asBoolean()).isTrue();
    assertThat(panels.json().path("contact").asBoolean()).isFalse();

    Reply publicNote = call("POST", "/api/tasks/" + taskId + "/progress", HANDLER, "{\"note\":\"已通知物业清理\"}");
    assertThat(publicNote.status()).as(publicNote.body()).isEqualTo(201);
    Reply internal = call("POST", "/api/tasks/" + taskId + "/progress", HANDLER,
        "{\"note\":\"三楼住户不配合，需社区出面\",\"public\":false}");
    assertThat(internal.status()).as(internal.body()).isEqualTo(201);
    assertThat(progressNotes(caseNo, "已通知物业清理")).containsExactly(true);
    assertThat(progressNotes(caseNo, "三楼住户不配合，需社区出面")).containsExactly(false);
    assertThat(task(caseNo, "userTask_handle").getId()).isEqualTo(taskId);

    Reply board = call("GET", "/public/cases/" + caseNo, null, null);
    assertThat(board.body()).contains("已通知物业清理").doesNotContain("三楼住户不配合");

    refused(call("POST", "/api/tasks/" + taskId + "/progress", HANDLER, "{\"note\":\"  \"}"), 400, "required");
  }

  @Test
  void onlyTheTasksHandlersMayPostAndOnlyOnHandlingTasks() throws Exception {
    String caseNo = acceptedCase("路灯不亮");
    String taskId = task(caseNo, "userTask_handle").getId();
    for (String stranger : List.of("community.shengdian", "owners.hualin", "unit.housing", "dispatch", "grid.hualin")) {
      refused(call("POST", "/api/tasks/" + taskId + "/progress", stranger, "{\"note\":\"我来写\"}"), 403, "forbidden");
      refused(call("GET", "/api/tasks/" + taskId + "/panels", stranger, null), 403, "forbidden");
    }
    // once claimed, only the assignee
    tasks.claim(taskId, HANDLER);
    assertThat(call("POST", "/api/tasks/" + taskId + "/progress", HANDLER, "{\"note\":\"已认领，正在协调\"}").status())
        .isEqualTo(201);
    assertThat(progressNotes(caseNo, "我来写")).isEmpty();
    refused(call("POST", "/api/tasks/no-such-task/progress", HANDLER, "{\"note\":\"x\"}"), 404, "not_found");
    assertThat(call("POST", "/api/tasks/" + taskId + "/progress", null, "{\"note\":\"匿名\"}").status()).isEqualTo(401);
  }

  @Test
  void theUnitPostsProgressOnItsResolutionItemWhileImplementing() throws Exception {
    String caseNo = acceptedCaseOf("elevator-retrofit", "老楼加装电梯");
    // the topic's session (full session with its refusals: DeliberationScenarios): agenda, opinions, record, publicity
    SessionDriver sessions = new SessionDriver(runtime, tasks, management);
    String meeting = sessions.topicOf(caseNo).getId();
    long topic = sessions.topicNo(meeting);
    String session = sessions.sessionOf(meeting).getId();
    sessions.convene(session, "加装电梯费用分摊", "同意");
    String deadline = java.time.LocalDate.now().plusDays(20).toString();
    submit(sessions.one(session, "userTask_recordSession").getId(), "hall.hualin", sessions.recordVariables(session, topic,
        "[{\"topic\":" + topic + ",\"unit\":\"housing\",\"measure\":\"审批加装方案\",\"deadline\":\"" + deadline + "\"}]"));
    sessions.runJob(meeting, "catch_topicResolved");
    sessions.runJob(meeting, "timer_publicityWindow");
    Task item = tasks.createTaskQuery().processInstanceId(meeting).taskDefinitionKey("userTask_implementItem").singleResult();

    refused(call("POST", "/api/tasks/" + item.getId() + "/progress", "station.hualin", "{\"note\":\"代为填写\"}"), 403, "forbidden");
    Reply ok = call("POST", "/api/tasks/" + item.getId() + "/progress", "unit.housing", "{\"note\":\"方案已受理，正在审查图纸\"}");
    assertThat(ok.status()).as(ok.body()).isEqualTo(201);
    assertThat(progressNotes(caseNo, "方案已受理，正在审查图纸")).containsExactly(true);
    assertThat(tasks.createTaskQuery().taskId(item.getId()).count()).isOne();
  }

  @Test
  void theTasklistSessionWritesOnlyWithItsCsrfToken() throws Exception {
    String caseNo = acceptedCase("垃圾清运不及时");
    String taskId = task(caseNo, "userTask_handle").getId();
    Browser station = new Browser();
    station.login(HANDLER);
    String path = "/api/tasks/" + taskId + "/progress";

    HttpResponse<String> noToken = station.send("POST", path, "{\"note\":\"无令牌\"}", "Content-Type", "application/json");
    assertThat(noToken.statusCode()).isEqualTo(401);
    HttpResponse<String> wrongToken = station.send("POST", path, "{\"note\":\"错误令牌\"}", "Content-Type", "application/json",
        "X-XSRF-TOKEN", "0123456789ABCDEF0123456789ABCDEF");
    assertThat(wrongToken.statusCode()).isEqualTo(401);
    // another user's token is not this session's
    Browser other = new Browser();
    other.login("community.hualin");
    HttpResponse<String> foreign = station.send("POST", path, "{\"note\":\"他人令牌\"}", "Content-Type", "application/json",
        "X-XSRF-TOKEN", other.token());
    assertThat(foreign.statusCode()).isEqualTo(401);

    HttpResponse<String> ok = station.send("POST", path, "{\"note\":\"会话提交\",\"public\":false}", "Content-Type",
        "application/json", "Accept", "application/json", "X-XSRF-TOKEN", station.token());
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
    assertThat(progressNotes(caseNo, "会话提交")).containsExactly(false);
    for (String note : List.of("无令牌", "错误令牌", "他人令牌")) {
      assertThat(progressNotes(caseNo, note)).isEmpty();
    }
  }

  @Test
  void theGridWorkerReadsTheContactOnTheOpenVisitAndNobodyElse() throws Exception {
    String caseNo = acceptedCase("宠物扰民");
    String handleId = task(caseNo, "userTask_handle").getId();
    refused(call("GET", "/api/tasks/" + handleId + "/visit-contact", HANDLER, null), 409, "not_applicable");
    complete(caseNo, "userTask_handle", HANDLER,
        "{\"outcome\":{\"value\":\"RESOLVED\"},\"resultNote\":{\"value\":\"已劝导\"}}");
    String visitId = task(caseNo, "userTask_followUpVisit").getId();

    Reply panels = call("GET", "/api/tasks/" + visitId + "/panels", "grid.hualin", null);
    assertThat(panels.json().path("contact").asBoolean()).isTrue();
    assertThat(panels.json().path("progress").asBoolean()).isFalse();
    Reply contact = call("GET", "/api/tasks/" + visitId + "/visit-contact", "grid.hualin", null);
    assertThat(contact.status()).as(contact.body()).isEqualTo(200);
    assertThat(contact.json().path("name").asText()).isEqualTo(NAME);
    assertThat(contact.json().path("phone").asText()).isEqualTo(PHONE);
    refused(call("POST", "/api/tasks/" + visitId + "/progress", "grid.hualin", "{\"note\":\"回访中\"}"), 409, "not_applicable");

    for (String stranger : List.of("community.shengdian", "owners.hualin", "unit.housing", "station.hualin", "dispatch")) {
      Reply r = call("GET", "/api/tasks/" + visitId + "/visit-contact", stranger, null);
      refused(r, 403, "forbidden");
      assertThat(r.body()).doesNotContain(PHONE).doesNotContain(NAME);
    }

    complete(caseNo, "userTask_followUpVisit", "grid.hualin", "{\"satisfaction\":{\"value\":\"4\"}}");
    refused(call("GET", "/api/tasks/" + visitId + "/visit-contact", "grid.hualin", null), 404, "not_found");

    for (String table : List.of("ACT_HI_VARINST", "ACT_HI_DETAIL")) {
      assertThat(jdbc.sql("select count(*) from " + table + " where TEXT_ like ? or TEXT_ like ? or TEXT2_ like ?")
          .param("%" + PHONE + "%").param("%" + NAME + "%").param("%" + PHONE + "%").query(Long.class).single())
          .as(table).isZero();
    }
    assertThat(jdbc.sql("select count(*) from ACT_HI_OP_LOG where ORG_VALUE_ like ? or NEW_VALUE_ like ?")
        .param("%" + PHONE + "%").param("%" + PHONE + "%").query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select count(*) from ACT_HI_COMMENT where MESSAGE_ like ?").param("%" + PHONE + "%")
        .query(Long.class).single()).isZero();
  }

  /** A browser logged in to Tasklist: its cookies (session and XSRF token). */
  private final class Browser {
    final CookieManager cookies = new CookieManager();
    final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
    String xsrf;

    HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
      if (headers.length > 0) {
        b.headers(headers);
      }
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      r.headers().allValues("Set-Cookie").stream().flatMap(h -> HttpCookie.parse(h).stream())
          .filter(c -> c.getName().equals("XSRF-TOKEN")).forEach(c -> xsrf = c.getValue());
      return r;
    }

    void login(String user) throws Exception {
      send("GET", "/camunda/app/tasklist/default/", null);
      HttpResponse<String> r = send("POST", "/camunda/api/admin/auth/user/default/login/tasklist",
          "username=" + user + "&password=demo", "Content-Type", "application/x-www-form-urlencoded",
          "X-XSRF-TOKEN", xsrf, "Accept", "application/json");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      // the login renews the session; its first request gets the new token, as Tasklist's first call does
      send("GET", "/camunda/api/admin/auth/user/default", null, "Accept", "application/json");
    }

    String token() {
      assertThat(xsrf).as("an XSRF-TOKEN cookie").isNotNull();
      return xsrf;
    }
  }
}
