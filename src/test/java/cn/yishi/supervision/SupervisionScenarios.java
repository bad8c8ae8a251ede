package cn.yishi.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.application.port.SupervisionStore;
import cn.yishi.application.supervision.TenDaySweep;
import cn.yishi.support.TestHttp;
import cn.yishi.support.TestHttp.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 旬跟进 through its real interfaces, against fixed dates on the engine's clock: cases reported
 * through POST /api/cases and accepted in Tasklist, sweeps run by the catch-up endpoint
 * POST /api/supervision/runs, supervision tasks completed as the supervisor. Each test starts with no
 * open item (earlier tests' cases are closed in the table), so the run counts are exact.
 * Runs on H2 ({@link SupervisionH2Test}) and PostgreSQL ({@link SupervisionPostgresIT}).
 */
abstract class SupervisionScenarios {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final String PASSWORD = "demo";

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired JdbcClient jdbc;
  @Autowired TenDaySweep sweep;

  private TestHttp http;

  /** The operator (camunda-admin) and the password of that account in this suite. */
  abstract String admin();

  abstract String adminPassword();

  @BeforeEach
  void noOpenItems() {
    jdbc.sql("update yishi_case set status = 'CLOSED' where status in ('ACCEPTED', 'IN_PROGRESS', 'REWORK')").update();
    jdbc.sql("update yishi_resolution_item set status = 'DONE' where status = 'OPEN'").update();
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  static void at(int year, int month, int day, int hour) {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(year, month, day, hour, 0, 0, 0, ZONE).toInstant()));
  }

  Reply call(String method, String path, String user, String body) throws Exception {
    if (http == null) {
      http = new TestHttp(port, true);
    }
    return http.call(method, path, user, user.equals(admin()) ? adminPassword() : PASSWORD, body);
  }

  /** A streetlight report at a compound of hualin, accepted as a committed case of {@code unit}. */
  String acceptedCase(String unit, int resolutionDays) throws Exception {
    String compound = "御苑小区" + UUID.randomUUID().toString().substring(0, 8);
    Reply r = call("POST", "/api/cases", "channel.12345", """
        {"channel":"HOTLINE_12345","category":"streetlight","title":"路灯不亮","description":"小区路灯坏了一周",
         "community":"hualin","location":{"address":"%s 3栋 %s"},"householdsAffected":10,
         "reporter":{"name":"王五","phone":"13900139000"}}""".formatted(compound, compound));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    String caseNo = r.json().path("caseNo").asText();
    Reply done = call("POST", "/engine-rest/task/" + task(caseNo, "userTask_review").getId() + "/submit-form",
        "community.hualin", """
        {"variables":{"disposal":{"value":"COMMITTED"},"responsibleUnit":{"value":"%s"},
         "resolutionDays":{"value":%d},"overrideReason":{"value":"需专业单位维修"}}}""".formatted(unit, resolutionDays));
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    assertThat(column(caseNo, "status")).isEqualTo("IN_PROGRESS");
    return caseNo;
  }

  Task task(String caseNo, String key) {
    List<Task> found = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey(key).list();
    assertThat(found).as("task %s of %s", key, caseNo).hasSize(1);
    return found.get(0);
  }

  List<Task> supervisionTasks(String caseNo) {
    return tasks.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey("userTask_supervise").list();
  }

  String column(String caseNo, String column) {
    return jdbc.sql("select " + column + " from yishi_case where case_no = ?").param(caseNo).query(String.class).single();
  }

  long caseId(String caseNo) {
    return jdbc.sql("select id from yishi_case where case_no = ?").param(caseNo).query(Long.class).single();
  }

  List<String> orders(String caseNo) {
    return jdbc.sql("select period || '/' || source from yishi_supervision_order where case_id = ? order by id")
        .param(caseId(caseNo)).query(String.class).list();
  }

  List<String> mailKeys(String caseNo) {
    return jdbc.sql("select dedup_key from yishi_mail_outbox where case_id = ? and (dedup_key like 'supervision:%' or dedup_key like 'reminder:%') order by id")
        .param(caseId(caseNo)).query(String.class).list();
  }

  List<String> timeline(String caseNo) {
    return jdbc.sql("select action from yishi_case_event where case_id = ? order by id").param(caseId(caseNo))
        .query(String.class).list();
  }

  JsonNode run(String asOf) throws Exception {
    Reply r = call("POST", "/api/supervision/runs", admin(), "{\"kind\":\"TEN_DAY\",\"asOf\":\"" + asOf + "\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("run");
  }

  static List<String> groups(TaskService tasks, Task t) {
    return tasks.getIdentityLinksForTask(t.getId()).stream().filter(l -> "candidate".equals(l.getType()))
        .map(IdentityLink::getGroupId).toList();
  }

  @Test
  void overdueItemsAreSupervisedOncePerTenDaysListedAtTheSecondAndQuietOnesReminded() throws Exception {
    at(2026, 12, 1, 10);
    String late = acceptedCase("housing", 1);      // due 2026-12-02 18:00
    String noContact = acceptedCase("gas", 1);     // 县燃气公司 has no e-mail address in this directory
    String busy = acceptedCase("water", 30);       // far from due, with progress notes
    String quiet = acceptedCase("power", 30);      // far from due, silent
    assertThat(jdbc.sql("select deadline from yishi_case where case_no = ?").param(late).query(OffsetDateTime.class).single()
        .atZoneSameInstant(ZONE).toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 2));

    at(2026, 12, 5, 10);
    Reply progress = call("POST", "/api/cases/" + busy + "/progress", "dispatch", "{\"note\":\"已联系维修班组，材料已到\"}");
    assertThat(progress.status()).as(progress.body()).isLessThan(300);

    // 中旬 sweep on the 11th
    at(2026, 12, 11, 9);
    JsonNode first = run("2026-12-11");
    assertThat(first.path("kind").asText()).isEqualTo("TEN_DAY");
    assertThat(first.path("period").asText()).isEqualTo("2026-12-2");
    assertThat(first.path("asOf").asText()).isEqualTo("2026-12-11");
    assertThat(first.path("triggeredBy").asText()).isEqualTo(admin());
    assertThat(first.path("checked").asInt()).isEqualTo(4);
    assertThat(first.path("overdue").asInt()).isEqualTo(2);
    assertThat(first.path("ordered").asInt()).isEqualTo(2);
    assertThat(first.path("listed").asInt()).isZero();
    assertThat(first.path("reminded").asInt()).as("nothing is quiet for a whole 旬 yet").isZero();
    assertThat(first.path("withoutContact").asInt()).isEqualTo(1);
    assertThat(first.path("finishedAt").asText()).as("the run finished").isNotBlank();

    assertThat(orders(late)).containsExactly("2026-12-2/SWEEP");
    assertThat(mailKeys(late)).containsExactly("supervision:CASE:" + caseId(late) + ":2026-12-2");
    assertThat(mailKeys(noContact)).as("no address, no mail").isEmpty();
    assertThat(timeline(late)).contains("SUPERVISED");
    String mail = jdbc.sql("select recipient || ' ' || subject || ' ' || body from yishi_mail_outbox where dedup_key = ?")
        .param("supervision:CASE:" + caseId(late) + ":2026-12-2").query(String.class).single();
    assertThat(mail).contains("housing@fengxin.example", "【督办】", late, "2026年12月2日", "县住建局");

    Task order = supervisionTasks(late).get(0);
    assertThat(groups(tasks, order)).containsExactlyInAnyOrder("hualin-room", "dispatch-centre");
    assertThat(order.getDueDate().toInstant().atZone(ZONE).toLocalDate()).as("2 working days after Friday the 11th")
        .isEqualTo(LocalDate.of(2026, 12, 15));
    assertThat(order.getName()).contains(late);
    Task unreached = supervisionTasks(noContact).get(0);
    assertThat(String.valueOf(tasks.getVariable(unreached.getId(), "supervisionNote"))).contains("未登记联系邮箱");
    assertThat(supervisionTasks(busy)).isEmpty();

    // the same 旬 again (a restart, or the operator's second click): nothing new
    JsonNode again = run("2026-12-11");
    assertThat(again.path("overdue").asInt()).isEqualTo(2);
    assertThat(again.path("ordered").asInt()).isZero();
    assertThat(supervisionTasks(late)).hasSize(1);
    assertThat(mailKeys(late)).hasSize(1);

    // the supervisor records what was done; a user of another group may not
    Reply foreign = call("POST", "/engine-rest/task/" + order.getId() + "/submit-form", "unit.housing",
        "{\"variables\":{\"supervisionAcknowledged\":{\"value\":true}}}");
    assertThat(foreign.status()).isIn(403, 404);
    Reply tooLong = call("POST", "/engine-rest/task/" + order.getId() + "/submit-form", "room.hualin",
        "{\"variables\":{\"supervisionAcknowledged\":{\"value\":true},\"supervisionComment\":{\"value\":\""
            + "督".repeat(2001) + "\"}}}");
    assertThat(tooLong.status()).as("refused input is a client error").isEqualTo(400);
    assertThat(tooLong.body()).contains("督办情况不能超过2000个字");
    assertThat(supervisionTasks(late)).as("the refused record leaves the order open").hasSize(1);
    assertThat(jdbc.sql("select count(*) from yishi_supervision_order where case_id = ? and completed_at is null")
        .param(caseId(late)).query(Long.class).single()).isOne();
    Reply answered = call("POST", "/engine-rest/task/" + order.getId() + "/submit-form", "room.hualin",
        "{\"variables\":{\"supervisionAcknowledged\":{\"value\":true},\"supervisionComment\":{\"value\":\"已电话督促住建局\"}}}");
    assertThat(answered.status()).as(answered.body()).isEqualTo(204);
    assertThat(jdbc.sql("select completed_by || ':' || comment from yishi_supervision_order where case_id = ?")
        .param(caseId(late)).query(String.class).single()).isEqualTo("room.hualin:已电话督促住建局");
    assertThat(timeline(late)).contains("SUPERVISION_HANDLED");

    at(2026, 12, 15, 10);
    call("POST", "/api/cases/" + busy + "/progress", "dispatch", "{\"note\":\"灯杆已更换\"}");

    // 下旬 sweep on the 21st: still overdue → 挂牌督办, one tier up; the silent case is reminded
    at(2026, 12, 21, 9);
    JsonNode second = run("2026-12-21");
    assertThat(second.path("overdue").asInt()).isEqualTo(2);
    assertThat(second.path("ordered").asInt()).isEqualTo(2);
    assertThat(second.path("listed").asInt()).isEqualTo(2);
    assertThat(second.path("reminded").asInt()).isEqualTo(1);
    assertThat(orders(late)).containsExactly("2026-12-2/SWEEP", "2026-12-3/SWEEP");
    assertThat(column(late, "listed_at")).isNotNull();
    assertThat(column(late, "tier")).isEqualTo("ROOM");
    assertThat(timeline(late)).contains("LISTED", "ESCALATED");
    Task handle = task(late, "userTask_handle");
    assertThat(groups(tasks, handle)).as("the room takes it up with the unit").contains("unit-housing", "hualin-room");
    assertThat(handle.getDueDate().toInstant().atZone(ZONE).toLocalDate()).as("5 working days at the room")
        .isEqualTo(LocalDate.of(2026, 12, 28));
    assertThat(supervisionTasks(late)).hasSize(1);
    assertThat(supervisionTasks(late).get(0).getPriority()).as("listed supervision comes first").isEqualTo(90);

    // the handling task's old deadline timer (due 12-02, the job executor was down) fires late: the
    // deadline has moved with the tier, so nothing is missed and the task follows the new deadline
    Job stale = management.createJobQuery().processInstanceId(handle.getProcessInstanceId())
        .activityId("boundary_handlingOverdue").singleResult();
    management.executeJob(stale.getId());
    management.executeJob(management.createJobQuery().processInstanceId(handle.getProcessInstanceId())
        .activityId("serviceTask_recordOverdue").singleResult().getId());
    assertThat(column(late, "overdue_count")).isEqualTo("0");
    assertThat(orders(late)).as("no deadline order").containsExactly("2026-12-2/SWEEP", "2026-12-3/SWEEP");
    Task restarted = task(late, "userTask_handle");
    assertThat(restarted.getDueDate().toInstant().atZone(ZONE).toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 28));
    assertThat(management.createJobQuery().processInstanceId(handle.getProcessInstanceId())
        .activityId("boundary_handlingOverdue").singleResult().getDuedate().toInstant().atZone(ZONE).toLocalDate())
        .isEqualTo(LocalDate.of(2026, 12, 28));
    assertThat(mailKeys(quiet)).containsExactly("reminder:CASE:" + caseId(quiet) + ":2026-12-3");
    assertThat(mailKeys(busy)).as("progress in the last 旬: no reminder").isEmpty();
    assertThat(jdbc.sql("select subject from yishi_mail_outbox where dedup_key like 'supervision:CASE:" + caseId(late) + ":2026-12-3'")
        .query(String.class).single()).startsWith("【挂牌督办】");

    // the run records, newest first
    Reply list = call("GET", "/api/supervision/runs?kind=TEN_DAY&limit=3", "dispatch", null);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().get(0).path("id").asLong()).isEqualTo(second.path("id").asLong());
    Reply one = call("GET", "/api/supervision/runs/" + first.path("id").asLong(), "dispatch", null);
    assertThat(one.json().path("ordered").asInt()).isEqualTo(2);
  }

  @Test
  void twoSweepsAtOnceRaiseEachOrderAndMailOnce() throws Exception {
    at(2026, 11, 2, 10);
    List<String> cases = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      cases.add(acceptedCase(i % 2 == 0 ? "housing" : "water", 1));
    }
    at(2026, 11, 11, 9);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    Callable<SupervisionStore.Run> node = () -> {
      start.await();
      return sweep.sweep(LocalDate.of(2026, 11, 11), "node", null);
    };
    List<Future<SupervisionStore.Run>> runs = List.of(pool.submit(node), pool.submit(node));
    start.countDown();
    int ordered = 0;
    for (Future<SupervisionStore.Run> f : runs) {
      ordered += f.get().ordered();
    }
    pool.shutdown();
    assertThat(ordered).as("between them, the two sweeps ordered each item once").isEqualTo(6);
    for (String caseNo : cases) {
      assertThat(orders(caseNo)).containsExactly("2026-11-2/SWEEP");
      assertThat(mailKeys(caseNo)).hasSize(1);
      assertThat(supervisionTasks(caseNo)).hasSize(1);
    }
  }

  @Test
  void catchUpRunsRefuseBadInputAndStrangers() throws Exception {
    at(2026, 12, 11, 9);
    Reply badKind = call("POST", "/api/supervision/runs", admin(), "{\"kind\":\"WEEKLY\",\"asOf\":\"2026-12-11\"}");
    assertThat(badKind.status()).isEqualTo(400);
    assertThat(badKind.errorFields()).containsExactly("kind");
    assertThat(badKind.body()).contains("TEN_DAY");
    Reply badDate = call("POST", "/api/supervision/runs", admin(), "{\"kind\":\"TEN_DAY\",\"asOf\":\"2026-13-01\"}");
    assertThat(badDate.status()).isEqualTo(400);
    assertThat(badDate.errorFields()).containsExactly("asOf");
    Reply future = call("POST", "/api/supervision/runs", admin(), "{\"kind\":\"TEN_DAY\",\"asOf\":\"2026-12-12\"}");
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.body()).contains("不能晚于今天");
    Reply missing = call("POST", "/api/supervision/runs", admin(), "{}");
    assertThat(missing.status()).isEqualTo(400);
    Reply malformed = call("POST", "/api/supervision/runs", admin(), "{kind:");
    assertThat(malformed.status()).isEqualTo(400);
    long runs = jdbc.sql("select count(*) from yishi_supervision_run").query(Long.class).single();

    assertThat(call("POST", "/api/supervision/runs", "dispatch", "{\"kind\":\"TEN_DAY\",\"asOf\":\"2026-12-11\"}").status())
        .isEqualTo(403);
    assertThat(call("GET", "/api/supervision/runs", "community.hualin", null).status()).isEqualTo(403);
    assertThat(call("GET", "/api/supervision/runs?kind=DAILY", "dispatch", null).status()).isEqualTo(400);
    assertThat(call("GET", "/api/supervision/runs?limit=0", "dispatch", null).status()).isEqualTo(400);
    assertThat(call("GET", "/api/supervision/runs/999999", "dispatch", null).status()).isEqualTo(404);
    assertThat(jdbc.sql("select count(*) from yishi_supervision_run").query(Long.class).single())
        .as("no refused call ran anything").isEqualTo(runs);

    // a monthly catch-up starts 月调度, whose computation is a job of its own: 202 with the process
    Reply monthly = call("POST", "/api/supervision/runs", admin(), "{\"kind\":\"MONTHLY\",\"asOf\":\"2026-12-01\"}");
    assertThat(monthly.status()).as(monthly.body()).isEqualTo(202);
    String pid = monthly.json().path("processInstanceId").asText();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).processDefinitionKey("monthlyDispatch").count())
        .isOne();
    assertThat(runtime.getVariable(pid, "asOf")).isEqualTo("2026-12-01");
  }
}
