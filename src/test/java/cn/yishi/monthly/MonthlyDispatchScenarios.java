package cn.yishi.monthly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yishi.adapter.process.monthlydispatch.MonthlyDispatch;
import cn.yishi.application.IntakeService;
import cn.yishi.application.supervision.MonthlyDispatchService;
import cn.yishi.domain.casefile.Channel;
import cn.yishi.domain.casefile.NewCase;
import cn.yishi.domain.casefile.Reporter;
import cn.yishi.support.TestHttp.Reply;
import cn.yishi.support.TestHttp;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * 月调度 on H2 through the real services, the engine and HTTP: October 2026 seeded with SQL (every figure's
 * edge: a late response, an overdue entry, a supervision order, a late resolution, a rework, a case carried
 * over from September, listed supervision of a case and of a resolution item, ratings in and after the month,
 * cases one minute inside and ten minutes outside the month), a catch-up run, the figures and both boards
 * against hand-computed values, a refused review and its recomputation, the approval, the public board and
 * the month's page without personal data, one mail per unit even when published again, and the refusals of
 * the staff API. The engine's clock stands at 2026-11-22 10:00 in Shanghai.
 */
abstract class MonthlyDispatchScenarios {
  private static final String PASSWORD = "demo";

  /** The administrator (camunda-admin) and their password. */
  abstract String admin();

  abstract String adminPassword();
  private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-22T10:00:00+08:00");
  /** Personal data of the seeded reporters: never on a public page. */
  private static final List<String> PERSONAL = List.of("赵六", "13912345678", "zhao.liu@example.org", "御苑小区9栋101",
      "钱七", "13698765432", "书香苑3栋402");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired MonthlyDispatchService dispatch;
  @Autowired IntakeService intake;

  private TestHttp http;
  private final Map<String, Long> ids = new java.util.HashMap<>();

  @BeforeEach
  void clock() {
    ClockUtil.setCurrentTime(Date.from(NOW.toInstant()));
    http = new TestHttp(port, true);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  Reply call(String method, String path, String user, String body) throws Exception {
    return http.call(method, path, user, admin().equals(user) ? adminPassword() : PASSWORD, body);
  }

  /** A page as a browser asks for it, with an optional If-None-Match. */
  HttpResponse<String> page(String path, String etag) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html");
    if (etag != null) {
      b.header("If-None-Match", etag);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  long count(String sql, Object... params) {
    JdbcClient.StatementSpec s = jdbc.sql(sql);
    for (Object p : params) {
      s = s.param(p);
    }
    return s.query(Long.class).single();
  }

  // --- seed -------------------------------------------------------------------------------------

  private static OffsetDateTime t(String local) {
    return local == null ? null : OffsetDateTime.parse("2026-" + local + ":00+08:00");
  }

  /** A case as the lifecycle leaves it; times are 2026 in Shanghai ("MM-ddTHH:mm"). */
  private long seed(String key, String community, String compound, String unit, String status, String created,
      String responseDeadline, String deadline, String resolved, String closed, String listed) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into yishi_case (case_no, channel, category, title, description, community, compound, status,
              responsible_unit, created_at, updated_at, response_deadline, deadline, resolved_at, closed_at, listed_at,
              disposal, tier, urgency)
            values (:caseNo, 'HOTLINE_12345', 'drainage', :title, '居民反映排水不畅', :community, :compound, :status,
              :unit, :created, :created, :rd, :deadline, :resolved, :closed, :listed, 'COMMITTED', 'ROOM', 'YELLOW')""")
        .param("caseNo", "FX-2026-9" + key).param("title", key + " 排水不畅").param("community", community)
        .param("compound", compound).param("status", status).param("unit", unit).param("created", t(created))
        .param("rd", t(responseDeadline)).param("deadline", t(deadline)).param("resolved", t(resolved))
        .param("closed", t(closed)).param("listed", t(listed))
        .update(keys, "id");
    long id = keys.getKeyAs(Number.class).longValue();
    ids.put(key, id);
    return id;
  }

  private void event(String key, String action, String at) {
    jdbc.sql("insert into yishi_case_event (case_id, occurred_at, actor, action, note, public_note) values (?, ?, 'seed', ?, null, false)")
        .param(ids.get(key)).param(t(at)).param(action).update();
  }

  private void rating(String key, int satisfaction, String at) {
    jdbc.sql("insert into yishi_evaluation (case_id, round, satisfaction, source, created_at) values (?, 0, ?, 'MAIL_LINK', ?)")
        .param(ids.get(key)).param(satisfaction).param(t(at)).update();
  }

  private void reporter(String key, String name, String phone, String email, String address) {
    jdbc.sql("insert into yishi_reporter (case_id, name, phone, email, address, created_at) values (?, ?, ?, ?, ?, ?)")
        .param(ids.get(key)).param(name).param(phone).param(email).param(address).param(NOW).update();
  }

  /** October 2026, with its figures computed by hand in the assertions below. */
  private void seedOctober() {
    // 县住建局 (housing)
    seed("H1", "hualin", "御苑小区", "housing", "CLOSED", "10-09T10:00", "10-10T18:00", "10-16T18:00", "10-15T10:00", "10-20T10:00", null);
    event("H1", "ACCEPTED", "10-09T11:00");
    event("H1", "RESOLVED", "10-15T10:00");
    rating("H1", 5, "10-20T09:00");
    reporter("H1", "赵六", "13912345678", "zhao.liu@example.org", "御苑小区9栋101");
    seed("H2", "hualin", "滨江花园", "housing", "RESOLVED", "10-12T09:00", "10-13T18:00", "10-20T18:00", "10-19T15:00", null, null);
    event("H2", "ACCEPTED", "10-14T09:00"); // after its response deadline
    event("H2", "OVERDUE", "10-17T09:00"); // a new deadline was set, and it was met: still not on time
    event("H2", "RESOLVED", "10-19T15:00");
    rating("H2", 2, "11-03T10:00"); // November's
    seed("H3", "shengdian", "光华小区", "housing", "IN_PROGRESS", "10-20T10:00", "10-21T18:00", "11-05T18:00", null, null, null);
    event("H3", "ACCEPTED", "10-20T14:00");
    seed("H4", "hualin", "御苑小区", "housing", "RESOLVED", "09-25T10:00", "09-28T18:00", "10-10T18:00", "10-12T10:00", null, "10-05T09:00");
    event("H4", "ACCEPTED", "09-25T11:00");
    event("H4", "RESOLVED", "10-12T10:00"); // after its deadline
    // 县供水公司 (water)
    seed("W1", "jiaoyuyuan", "书香苑", "water", "IN_PROGRESS", "10-05T10:00", "10-08T18:00", "10-15T18:00", null, null, "10-25T09:00");
    event("W1", "ACCEPTED", "10-08T09:00");
    reporter("W1", "钱七", "13698765432", null, "书香苑3栋402");
    jdbc.sql("""
            insert into yishi_supervision_order (item_type, item_id, case_id, period, source, unit, deadline, due_at, created_at)
            values ('CASE', ?, ?, '2026-10-2', 'SWEEP', 'water', ?, ?, ?)""")
        .param(ids.get("W1")).param(ids.get("W1")).param(t("10-15T18:00")).param(t("10-20T18:00")).param(t("10-16T09:00")).update();
    seed("W2", "jiaoyuyuan", "桃李小区", "water", "CLOSED", "10-10T10:00", "10-12T18:00", "10-20T18:00", "10-18T10:00", "10-22T10:00", null);
    event("W2", "ACCEPTED", "10-10T11:00");
    rating("W2", 4, "10-22T09:00");
    seed("W3", "jiaoyuyuan", "桃李小区", "water", "REWORK", "10-11T10:00", "10-12T18:00", "10-23T18:00", null, null, null);
    event("W3", "ACCEPTED", "10-11T11:00");
    event("W3", "RESOLVED", "10-14T10:00");
    rating("W3", 1, "10-16T09:00");
    event("W3", "REWORK", "10-16T10:00");
    KeyHolder meeting = new GeneratedKeyHolder();
    jdbc.sql("insert into yishi_meeting (community, due_date, created_at) values ('jiaoyuyuan', ?, ?)")
        .param(java.sql.Date.valueOf("2026-10-15")).param(t("10-10T10:00")).update(meeting, "id");
    jdbc.sql("""
            insert into yishi_resolution_item (meeting_id, unit, measure, deadline, status, listed_at)
            values (?, 'water', '更换书香苑雨水管', ?, 'OPEN', ?)""")
        .param(meeting.getKeyAs(Number.class).longValue()).param(t("10-20T18:00")).param(t("10-28T09:00")).update();
    // 华林社区物业服务公司 (property-hualin): everything on time
    seed("P1", "hualin", "御苑小区", "property-hualin", "CLOSED", "10-02T10:00", "10-08T18:00", "10-15T18:00", "10-09T10:00", "10-10T10:00", null);
    event("P1", "ACCEPTED", "10-02T11:00");
    rating("P1", 5, "10-10T09:00");
    seed("P2", "hualin", "御苑小区", "property-hualin", "CLOSED", "10-13T10:00", "10-14T18:00", "10-20T18:00", "10-16T10:00", "10-17T10:00", null);
    event("P2", "ACCEPTED", "10-13T12:00");
    rating("P2", 5, "10-17T09:00");
    seed("P3", "hualin", "滨江花园", "property-hualin", "CLOSED", "10-19T10:00", "10-20T18:00", "10-27T18:00", "10-22T10:00", "10-23T10:00", null);
    event("P3", "ACCEPTED", "10-19T12:00");
    rating("P3", 4, "10-23T09:00");
    seed("P4", "hualin", "滨江花园", "property-hualin", "CLOSED", "10-31T23:30", "11-02T18:00", "11-06T18:00", "10-31T23:50", "11-02T10:00", null);
    event("P4", "ACCEPTED", "10-31T23:40");
    rating("P4", 3, "10-31T23:55");
    // 县城管局 (urban-management)
    seed("U1", "shengdian", "馨园小区", "urban-management", "CLOSED", "10-06T10:00", "10-08T18:00", "10-20T18:00", "10-15T10:00", "10-16T10:00", null);
    event("U1", "ACCEPTED", "10-08T10:00");
    seed("U2", "shengdian", "馨园小区", "urban-management", "RESOLVED", "10-14T10:00", "10-15T18:00", "10-28T18:00", "10-27T10:00", null, null);
    event("U2", "ACCEPTED", "10-14T15:00");
    seed("U3", "shengdian", "光华小区", "urban-management", "IN_PROGRESS", "10-26T10:00", "10-27T18:00", "11-10T18:00", null, null, null);
    event("U3", "ACCEPTED", "10-26T15:00");
    // 督办纠偏: U3's result was rejected as false on 28 October; it is back in handling, within its deadline
    jdbc.sql("""
            insert into yishi_supervision_order (item_type, item_id, case_id, period, source, unit, deadline, due_at, created_at)
            values ('CASE', ?, ?, 'RJ:2026-10-28T02:00:00Z', 'REJECTED', 'urban-management', ?, ?, ?)""")
        .param(ids.get("U3")).param(ids.get("U3")).param(t("11-10T18:00")).param(t("10-30T18:00")).param(t("10-28T10:00")).update();
    // without a unit: one awaiting review (not public), one declined in time
    seed("N1", "hualin", "御苑小区", null, "REGISTERED", "10-28T10:00", null, null, null, null, null);
    seed("N2", "shengdian", null, null, "DECLINED", "10-03T10:00", "10-05T18:00", null, null, null, null);
    event("N2", "DECLINED", "10-04T10:00");
    // outside October: finished in August, received ten minutes after the month
    seed("O1", "hualin", "御苑小区", "housing", "CLOSED", "08-01T10:00", "08-03T18:00", "08-20T18:00", "08-15T10:00", "08-20T10:00", null);
    event("O1", "ACCEPTED", "08-01T11:00");
    seed("X1", "hualin", "御苑小区", "property-hualin", "IN_PROGRESS", "11-01T00:10", "11-02T18:00", "11-10T18:00", null, null, null);
    event("X1", "ACCEPTED", "11-01T00:20");
  }

  // --- helpers ----------------------------------------------------------------------------------

  private static JsonNode row(JsonNode rows, String code) {
    return StreamSupport.stream(rows.spliterator(), false).filter(r -> code.equals(r.path("code").asText())).findFirst()
        .orElseThrow(() -> new AssertionError("no row " + code + " in " + rows));
  }

  /** received, respondedOnTime, accepted, resolved, resolvedOnTime, pending, overdue, reworks, evaluations, satisfied, listedItems, overdueItems. */
  private static void assertCounts(JsonNode r, int... expected) {
    String[] names = {"received", "respondedOnTime", "accepted", "resolved", "resolvedOnTime", "pending", "overdue",
        "reworks", "evaluations", "satisfied", "listedItems", "overdueItems"};
    List<Integer> actual = new ArrayList<>();
    for (String n : names) {
      actual.add(r.path(n).asInt());
    }
    assertThat(actual).as(r.path("code").asText() + " " + String.join(",", names)).containsExactly(
        java.util.Arrays.stream(expected).boxed().toArray(Integer[]::new));
  }

  /** responseRate, resolutionRate, satisfactionRate, averageSatisfaction (null: none). */
  private static void assertRates(JsonNode r, Double response, Double resolution, Double satisfaction, Double average) {
    List<Double> actual = new ArrayList<>();
    for (String n : List.of("responseRate", "resolutionRate", "satisfactionRate", "averageSatisfaction")) {
      actual.add(r.path(n).isNull() ? null : r.path(n).asDouble());
    }
    assertThat(actual).as(r.path("code").asText() + " rates").containsExactly(response, resolution, satisfaction, average);
  }

  private Job job(String processInstanceId) {
    List<Job> jobs = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
    assertThat(jobs).as("one executable job").hasSize(1);
    return jobs.get(0);
  }

  private Task reviewTask(String processInstanceId) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(MonthlyDispatch.USER_TASK_REVIEW)
        .singleResult();
  }

  private Reply submit(Task task, String user, String variables) throws Exception {
    return call("POST", "/engine-rest/task/" + task.getId() + "/submit-form", user, "{\"variables\":" + variables + "}");
  }

  /** A page's text without its markup. */
  private static String text(String html) {
    return html.replaceAll("<[^>]+>", "");
  }

  private static void assertNoPersonalData(String body) {
    assertThat(body).doesNotContain(PERSONAL.toArray(String[]::new));
  }

  // --- the month --------------------------------------------------------------------------------

  @Test
  void octoberIsComputedReviewedRecomputedApprovedPublishedAndMailedOnce() throws Exception {
    seedOctober();
    HttpResponse<String> before = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/public/board.json?community=hualin")).build(), HttpResponse.BodyHandlers.ofString());
    String boardEtag = before.headers().firstValue("ETag").orElseThrow();
    assertThat(call("GET", "/public/board.json?community=hualin", null, null).json().path("monthly").isNull()).isTrue();

    // a catch-up run as of 2 November reports October
    ProcessInstance pi = runtime.startProcessInstanceByKey(MonthlyDispatch.PROCESS_KEY,
        Map.of(MonthlyDispatch.Var.AS_OF.name(), "2026-11-02", MonthlyDispatch.Var.TRIGGERED_BY.name(), admin()));
    assertThat(runtime.getVariable(pi.getId(), MonthlyDispatch.Var.MONTH.name())).isEqualTo("2026-10");
    management.executeJob(job(pi.getId()).getId());

    Task review = reviewTask(pi.getId());
    assertThat(review.getName()).isEqualTo("月调度审核 2026-10");
    assertThat(tasks.getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getGroupId).containsExactly("dispatch-centre");
    // 2 working days from Sunday 22 November: Tuesday 24th at the end of the working day
    assertThat(review.getDueDate().toInstant()).isEqualTo(OffsetDateTime.parse("2026-11-24T18:00:00+08:00").toInstant());
    String summary = (String) runtime.getVariable(pi.getId(), MonthlyDispatch.Var.REPORT_SUMMARY.name());
    assertThat(summary).contains("2026年10月 月调度报告（第1版，2026-11-22 10:00 生成）",
        "县住建局：收件 3｜受理 3｜办结 3（按期 1）｜未办结 1｜逾期 2｜整改 0｜结果不实 0｜评价 1（平均 5.00 分）｜响应率 66.7%｜解决率 75.0%｜满意率 100.0%",
        "（其余 7 个单位本月无办件）", "未指定责任单位：收件 2", "【黑榜】\n1. 县供水公司：挂牌督办 2 件；逾期 3 件；解决率 33.3%，排名末位",
        "1. 华林社区物业服务公司：解决率 100.0%（办结 4 件）");
    assertNoPersonalData(summary);

    // the stored DRAFT through the staff API
    JsonNode report = call("GET", "/api/reports/monthly/2026-10", "dispatch", null).json();
    assertThat(report.path("status").asText()).isEqualTo("DRAFT");
    assertThat(report.path("revision").asInt()).isEqualTo(1);
    assertThat(report.path("computedBy").asText()).isEqualTo(admin());
    JsonNode units = report.path("units");
    assertCounts(row(units, "housing"), 3, 2, 3, 3, 1, 1, 2, 0, 1, 1, 1, 2);
    assertRates(row(units, "housing"), 0.6667, 0.75, 1.0, 5.0);
    assertCounts(row(units, "water"), 3, 3, 3, 1, 1, 2, 2, 1, 2, 1, 2, 3);
    assertRates(row(units, "water"), 1.0, 0.3333, 0.5, 2.5);
    assertCounts(row(units, "property-hualin"), 4, 4, 4, 4, 4, 0, 0, 0, 4, 4, 0, 0);
    assertRates(row(units, "property-hualin"), 1.0, 1.0, 1.0, 4.25);
    assertCounts(row(units, "urban-management"), 3, 3, 3, 2, 2, 1, 0, 0, 0, 0, 0, 0);
    assertRates(row(units, "urban-management"), 1.0, 0.6667, null, null);
    assertThat(row(units, "urban-management").path("rejectedResults").asInt()).as("a rejected result, not overdue").isEqualTo(1);
    assertThat(row(units, "housing").path("rejectedResults").asInt()).isZero();
    assertThat(report.path("total").path("rejectedResults").asInt()).isEqualTo(1);
    assertCounts(row(units, "-"), 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    assertRates(row(units, "-"), 0.5, null, null, null);
    assertThat(row(units, "-").path("name").asText()).isEqualTo("未指定责任单位");
    assertCounts(row(units, "gas"), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    assertRates(row(units, "gas"), null, null, null, null);
    assertThat(units).hasSize(12);
    assertThat(units.get(0).path("code").asText()).as("the directory's order").isEqualTo("housing");
    assertThat(units.get(11).path("code").asText()).as("cases without a unit last").isEqualTo("-");
    JsonNode communities = report.path("communities");
    assertCounts(row(communities, "hualin"), 7, 5, 6, 7, 5, 0, 2, 0, 5, 5, 1, 2);
    assertRates(row(communities, "hualin"), 0.7143, 1.0, 1.0, 4.4);
    assertCounts(row(communities, "shengdian"), 5, 5, 4, 2, 2, 2, 0, 0, 0, 0, 0, 0);
    assertRates(row(communities, "shengdian"), 1.0, 0.5, null, null);
    assertCounts(row(communities, "jiaoyuyuan"), 3, 3, 3, 1, 1, 2, 2, 1, 2, 1, 2, 3);
    assertThat(row(communities, "hualin").path("name").asText()).isEqualTo("华林社区");
    assertCounts(report.path("total"), 15, 13, 13, 10, 8, 4, 4, 1, 7, 6, 3, 5);
    assertRates(report.path("total"), 0.8667, 0.7143, 0.8571, 3.86);
    assertThat(report.path("red")).hasSize(1);
    assertThat(report.path("red").get(0).path("unit").asText()).isEqualTo("property-hualin");
    assertThat(report.path("red").get(0).path("reason").asText())
        .isEqualTo("解决率 100.0%（办结 4 件），满意率 100.0%，平均满意度 4.25 分");
    assertThat(StreamSupport.stream(report.path("black").spliterator(), false)
        .map(b -> b.path("rank").asInt() + " " + b.path("unitName").asText() + " " + b.path("reason").asText()).toList())
        .containsExactly("1 县供水公司 挂牌督办 2 件；逾期 3 件；解决率 33.3%，排名末位",
            "2 县住建局 挂牌督办 1 件；逾期 2 件；解决率 75.0%，排名末位",
            "3 县城管局 解决率 66.7%，排名末位");

    // the run record
    assertThat(jdbc.sql("""
            select kind || ' ' || period || ' ' || as_of || ' ' || triggered_by || ' ' || checked || ' ' || overdue || ' '
              || listed || ' ' || without_contact || ' ' || process_instance_id from yishi_supervision_run""")
        .query(String.class).list()).containsExactly("MONTHLY 2026-10 2026-11-02 " + admin() + " 14 4 3 0 " + pi.getId());

    // a DRAFT is not public
    assertThat(call("GET", "/public/monthly/2026-10.json", null, null).status()).isEqualTo(404);

    // refused reviews store nothing and leave the task open
    Reply noComment = submit(review, "dispatch", "{\"approved\":{\"value\":false}}");
    assertThat(noComment.status()).isGreaterThanOrEqualTo(400);
    assertThat(noComment.body()).contains("审核意见");
    Reply tooLong = submit(review, "dispatch",
        "{\"approved\":{\"value\":true},\"reviewComment\":{\"value\":\"" + "长".repeat(2001) + "\"}}");
    assertThat(tooLong.body()).contains("不能超过2000个字");
    assertThat(submit(review, "community.hualin", "{\"approved\":{\"value\":true}}").status()).isGreaterThanOrEqualTo(400);
    assertThat(count("select count(*) from yishi_monthly_review")).isZero();
    assertThat(reviewTask(pi.getId()).getId()).isEqualTo(review.getId());

    // not approved: recomputed on behalf of the reviewer, reviewed again
    Reply refused = submit(review, "dispatch", "{\"approved\":{\"value\":false},\"reviewComment\":{\"value\":\"华林社区的数据请核实\"}}");
    assertThat(refused.status()).as(refused.body()).isEqualTo(204);
    management.executeJob(job(pi.getId()).getId());
    Task again = reviewTask(pi.getId());
    assertThat(again.getId()).isNotEqualTo(review.getId());
    String second = (String) runtime.getVariable(pi.getId(), MonthlyDispatch.Var.REPORT_SUMMARY.name());
    assertThat(second).contains("（第2版，", "上次审核意见（第1版，dispatch，2026-11-22 10:00）：华林社区的数据请核实");
    JsonNode draft2 = call("GET", "/api/reports/monthly/2026-10", "dispatch", null).json();
    assertThat(draft2.path("revision").asInt()).isEqualTo(2);
    assertThat(draft2.path("computedBy").asText()).isEqualTo("dispatch");
    assertThat(draft2.path("reviews")).hasSize(1);
    assertThat(draft2.path("reviews").get(0).path("comment").asText()).isEqualTo("华林社区的数据请核实");
    assertThat(draft2.path("reviews").get(0).path("approved").asBoolean()).isFalse();
    assertThat(count("select count(*) from yishi_monthly_report")).isOne();
    assertThat(count("select count(*) from yishi_monthly_row")).as("the DRAFT's rows replaced, not added").isEqualTo(12 + 4 + 1);
    assertThat(count("select count(*) from yishi_monthly_board")).isEqualTo(4);
    assertThat(count("select count(*) from yishi_supervision_run where kind = 'MONTHLY'")).isEqualTo(2);

    // approved: published in a job of its own
    Reply approved = submit(again, "dispatch", "{\"approved\":{\"value\":true},\"reviewComment\":{\"value\":\"已核实，同意发布\"}}");
    assertThat(approved.status()).as(approved.body()).isEqualTo(204);
    assertThat(count("select count(*) from yishi_mail_outbox where dedup_key like 'monthly:%'")).as("nothing before the publication job").isZero();
    management.executeJob(job(pi.getId()).getId());
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId(MonthlyDispatch.END_EVENT_PUBLISHED).count()).isOne();

    JsonNode approvedReport = call("GET", "/api/reports/monthly/2026-10", admin(), null).json();
    assertThat(approvedReport.path("status").asText()).isEqualTo("APPROVED");
    assertThat(approvedReport.path("approvedBy").asText()).isEqualTo("dispatch");
    assertThat(count("select count(*) from yishi_monthly_publication")).isEqualTo(15);

    // one mail per unit
    List<String> keys = jdbc.sql("select dedup_key from yishi_mail_outbox where dedup_key like 'monthly:%' order by dedup_key").query(String.class).list();
    assertThat(keys).hasSize(11).allMatch(k -> k.startsWith("monthly:2026-10:")).contains("monthly:2026-10:housing");
    Map<String, Object> housing = jdbc.sql("select recipient, subject, body from yishi_mail_outbox where dedup_key = 'monthly:2026-10:housing'")
        .query().singleRow();
    assertThat(housing.get("recipient")).isEqualTo("housing@fengxin.example");
    assertThat(housing.get("subject")).isEqualTo("【月调度】2026年10月办理情况通报（县住建局）");
    assertThat((String) housing.get("body")).contains("县住建局：", "收件 3 件，受理 3 件，办结 3 件（按期办结 1 件），月末未办结 1 件，逾期 2 件，整改 0 次，办理结果经核查不实 0 次",
        "响应率 66.7%，解决率 75.0%，满意率 100.0%", "本单位列入本月黑榜：挂牌督办 1 件；逾期 2 件；解决率 75.0%，排名末位",
        "/public/monthly/2026-10", "奉新县调度中心");
    assertThat(jdbc.sql("select body from yishi_mail_outbox where dedup_key = 'monthly:2026-10:property-hualin'")
        .query(String.class).single()).contains("本单位列入本月红榜（第 1 名）");
    assertThat(jdbc.sql("select body from yishi_mail_outbox where dedup_key = 'monthly:2026-10:gas'")
        .query(String.class).single()).contains("本单位本月无办件");

    // publishing again adds nothing; a new run for an approved month does not recompute it
    MonthlyDispatchService.Published again2 = dispatch.publish("2026-10");
    assertThat(again2.newlyApproved()).isFalse();
    assertThat(again2.mailsQueued()).isZero();
    assertThat(count("select count(*) from yishi_mail_outbox where dedup_key like 'monthly:%'")).isEqualTo(11);
    assertThat(count("select count(*) from yishi_monthly_publication")).isEqualTo(15);
    ProcessInstance rerun = runtime.startProcessInstanceByKey(MonthlyDispatch.PROCESS_KEY,
        Map.of(MonthlyDispatch.Var.AS_OF.name(), "2026-11-05", MonthlyDispatch.Var.TRIGGERED_BY.name(), admin()));
    management.executeJob(job(rerun.getId()).getId());
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(rerun.getId())
        .activityId(MonthlyDispatch.END_EVENT_ALREADY_APPROVED).count()).isOne();
    assertThat(call("GET", "/api/reports/monthly/2026-10", "dispatch", null).json().path("revision").asInt()).isEqualTo(2);
    assertThat(count("select count(*) from yishi_mail_outbox where dedup_key like 'monthly:%'")).isEqualTo(11);

    // the public board: a new version, the red and black board, the listed items, the community's publication
    Reply board = call("GET", "/public/board.json?community=hualin", null, null);
    JsonNode monthly = board.json().path("monthly");
    assertThat(monthly.path("month").asText()).isEqualTo("2026-10");
    assertThat(monthly.path("monthName").asText()).isEqualTo("2026年10月");
    assertThat(monthly.path("cases")).hasSize(7);
    assertThat(monthly.path("caseCount").asInt()).isEqualTo(15);
    assertThat(StreamSupport.stream(monthly.path("cases").spliterator(), false).map(c -> c.path("caseNo").asText()).toList())
        .containsExactly("FX-2026-9H4", "FX-2026-9P1", "FX-2026-9H1", "FX-2026-9H2", "FX-2026-9P2", "FX-2026-9P3", "FX-2026-9P4");
    JsonNode h4 = monthly.path("cases").get(0);
    assertThat(h4.path("carriedOver").asBoolean()).isTrue();
    assertThat(h4.path("statusName").asText()).isEqualTo("已办结，待评价");
    assertThat(h4.path("unitName").asText()).isEqualTo("县住建局");
    assertThat(h4.path("categoryName").asText()).isEqualTo("排水疏通");
    assertThat(h4.path("communityName").asText()).isEqualTo("华林社区");
    assertThat(StreamSupport.stream(board.json().path("listed").spliterator(), false)
        .map(i -> i.path("caseNo").asText() + " " + i.path("title").asText() + " " + i.path("unitName").asText() + " " + i.path("listedOn").asText()).toList())
        .containsExactly("FX-2026-9W1 W1 排水不畅 县供水公司 2026-10-25", "null 更换书香苑雨水管 县供水公司 2026-10-28");
    assertNoPersonalData(board.body());
    HttpResponse<String> html = page("/public/board?community=hualin", null);
    assertThat(html.statusCode()).isEqualTo(200);
    assertThat(text(html.body())).contains("红黑榜（2026年10月）", "华林社区物业服务公司", "挂牌督办 2 件；逾期 3 件", "挂牌督办中（2件）",
        "决议事项", "更换书香苑雨水管", "一月一公示：2026年10月（本社区7件）", "FX-2026-9H1", "上月结转");
    assertThat(html.body()).contains("href=\"/public/monthly/2026-10\"");
    assertNoPersonalData(html.body());
    HttpResponse<String> changed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/public/board.json?community=hualin")).header("If-None-Match", boardEtag).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(changed.statusCode()).as("the publication gives the board a new version").isEqualTo(200);
    String etag = changed.headers().firstValue("ETag").orElseThrow();
    assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/public/board.json?community=hualin")).header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString())
        .statusCode()).isEqualTo(304);

    // the month's page
    HttpResponse<String> month = page("/public/monthly/2026-10", null);
    assertThat(month.statusCode()).isEqualTo(200);
    assertThat(text(month.body())).contains("奉新县 · 2026年10月 一月一公示和红黑榜", "一月一公示（15件）", "FX-2026-9N2", "不予受理",
        "县供水公司", "33.3%", "86.7%", "华林社区物业服务公司")
        .doesNotContain("FX-2026-9N1", "FX-2026-9O1", "FX-2026-9X1");
    assertNoPersonalData(month.body());
    assertThat(page("/public/monthly/2026-10", month.headers().firstValue("ETag").orElseThrow()).statusCode()).isEqualTo(304);
    Reply monthJson = call("GET", "/public/monthly/2026-10.json?community=shengdian", null, null);
    assertThat(monthJson.status()).isEqualTo(200);
    assertThat(monthJson.json().path("cases")).hasSize(5);
    assertThat(monthJson.json().path("black")).hasSize(3);
    assertThat(row(monthJson.json().path("units"), "water").path("resolutionRate").asDouble()).isEqualTo(0.3333);
    assertNoPersonalData(monthJson.body());
    assertThat(call("GET", "/public/monthly/2026-09.json", null, null).status()).isEqualTo(404);
    assertThat(page("/public/monthly/2026-09", null).statusCode()).isEqualTo(404);
    Reply badMonth = call("GET", "/public/monthly/2026-13.json", null, null);
    assertThat(badMonth.status()).isEqualTo(400);
    assertThat(badMonth.errorFields()).containsExactly("month");
    assertThat(page("/public/monthly/10-2026", null).statusCode()).isEqualTo(400);
    assertThat(call("GET", "/public/monthly/2026-10.json?community=atlantis", null, null).errorFields()).containsExactly("community");

    // the running month, computed on the fly and not stored
    JsonNode current = call("GET", "/api/reports/current", "dispatch", null).json();
    assertThat(current.path("month").asText()).isEqualTo("2026-11");
    assertThat(current.path("status").asText()).isEqualTo("LIVE");
    // X1: received on 1 November, due on the 10th, still open on the 22nd: overdue now
    assertCounts(row(current.path("units"), "property-hualin"), 1, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 1);
    assertThat(row(current.path("units"), "housing").path("evaluations").asInt()).isOne();
    assertThat(row(current.path("units"), "housing").path("satisfactionRate").asDouble()).isZero();
    assertThat(count("select count(*) from yishi_monthly_report")).isOne();
  }

  // --- the response deadline of the real review ---------------------------------------------

  @Test
  void theReviewDecisionIsTheResponseAndItsDeadlineCountsFromRegistration() throws Exception {
    // registered on Friday 20 November at 10:00; the triage gives drainage 1 and neighbour disputes 2 response days
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-11-20T10:00:00+08:00").toInstant()));
    String accepted = register("drainage", "桃李小区雨水井堵塞", "桃李小区");
    String declined = register("neighbour-dispute", "邻居装修纠纷", "书香苑");
    String late = register("drainage", "书香苑雨水井堵塞", "书香苑");

    // reviewed on Monday the 23rd at 09:00, the late one on Tuesday
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-11-23T09:00:00+08:00").toInstant()));
    tasks.complete(reviewOf(accepted).getId(), Map.of("admissible", true));
    // three households: suggested as a public conflict (五议); the reviewer finds it a dispute between two, with a reason
    tasks.complete(reviewOf(declined).getId(), Map.of("admissible", false, "declineReason", "属个人纠纷，已引导至人民调解",
        "screeningGround", "PRIVATE_DISPUTE", "overrideReason", "核实后只涉及两户"));
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-11-24T09:00:00+08:00").toInstant()));
    tasks.complete(reviewOf(late).getId(), Map.of("admissible", true));

    // 1 working day from registration (not from the acceptance, which would give Tuesday and Wednesday)
    assertThat(responseDeadline(accepted)).isEqualTo(OffsetDateTime.parse("2026-11-23T18:00:00+08:00").toInstant());
    assertThat(responseDeadline(late)).isEqualTo(OffsetDateTime.parse("2026-11-23T18:00:00+08:00").toInstant());
    assertThat(responseDeadline(declined)).isEqualTo(OffsetDateTime.parse("2026-11-24T18:00:00+08:00").toInstant());
    JsonNode jiaoyuyuan = row(call("GET", "/api/reports/current", "dispatch", null).json().path("communities"), "jiaoyuyuan");
    assertThat(jiaoyuyuan.path("received").asInt()).isEqualTo(3);
    assertThat(jiaoyuyuan.path("accepted").asInt()).isEqualTo(2);
    assertThat(jiaoyuyuan.path("respondedOnTime").asInt()).isEqualTo(2);
    assertThat(jiaoyuyuan.path("responseRate").asDouble()).isEqualTo(0.6667);
  }

  private String register(String category, String title, String compound) {
    return intake.submit(new NewCase(Channel.HOTLINE_12345, null, category, title, title + "，请尽快处理", "jiaoyuyuan",
        compound, 3, new Reporter(null, null, null, null), List.of()), "channel.12345").caseNo();
  }

  private Task reviewOf(String caseNo) {
    return tasks.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey("userTask_review").singleResult();
  }

  private java.time.Instant responseDeadline(String caseNo) {
    return jdbc.sql("select response_deadline from yishi_case where case_no = ?").param(caseNo)
        .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).single().toInstant();
  }

  // --- refusals ---------------------------------------------------------------------------------

  @Test
  void theStaffApiIsForTheDispatchCentreAndAdminsAndRefusesBadAndUnknownMonths() throws Exception {
    assertThat(call("GET", "/api/reports/monthly/2026-05", null, null).status()).isEqualTo(401);
    for (String user : List.of("community.hualin", "unit.housing", "grid.hualin", "channel.12345")) {
      Reply forbidden = call("GET", "/api/reports/monthly/2026-05", user, null);
      assertThat(forbidden.status()).as(user).isEqualTo(403);
      assertThat(forbidden.json().path("errors").get(0).path("code").asText()).isEqualTo("forbidden");
      assertThat(forbidden.json().path("errors").get(0).path("message").asText()).isEqualTo("只有调度中心和管理员可以查看月调度报告");
      assertThat(call("GET", "/api/reports/current", user, null).status()).as(user).isEqualTo(403);
    }
    for (String bad : List.of("2026-13", "2026-5", "abc", "2026-05-01")) {
      Reply r = call("GET", "/api/reports/monthly/" + bad, "dispatch", null);
      assertThat(r.status()).as(bad).isEqualTo(400);
      assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo("month");
      assertThat(r.json().path("errors").get(0).path("code").asText()).isEqualTo("invalid");
      assertThat(r.json().path("errors").get(0).path("message").asText()).isEqualTo("月份格式应为 YYYY-MM，例如 2026-11");
    }
    Reply none = call("GET", "/api/reports/monthly/2026-05", "dispatch", null);
    assertThat(none.status()).isEqualTo(404);
    assertThat(none.json().path("errors").get(0).path("code").asText()).isEqualTo("not_found");
    assertThat(call("GET", "/api/reports/monthly/2026-05", admin(), null).status()).isEqualTo(404);
    assertThat(call("GET", "/api/reports/current", admin(), null).status()).isEqualTo(200);
  }

  @Test
  void aCatchUpRunWithAMalformedOrFutureDateIsRefusedAndStartsNothing() {
    long runs = count("select count(*) from yishi_supervision_run");
    long instances = history.createHistoricProcessInstanceQuery().processDefinitionKey(MonthlyDispatch.PROCESS_KEY).count();

    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(MonthlyDispatch.PROCESS_KEY, Map.of(MonthlyDispatch.Var.AS_OF.name(), "2026-13-01")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("日期格式应为 YYYY-MM-DD");
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(MonthlyDispatch.PROCESS_KEY, Map.of(MonthlyDispatch.Var.AS_OF.name(), "2026-11-23")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("日期不能晚于今天（2026-11-22）");

    assertThat(count("select count(*) from yishi_supervision_run")).isEqualTo(runs);
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(MonthlyDispatch.PROCESS_KEY).count()).isEqualTo(instances);
  }

  @Test
  void theReviewRefusesAMissingDecisionAndAMonthWithoutReport() {
    assertThatThrownBy(() -> dispatch.review("2026-04", null, "x", "dispatch"))
        .isInstanceOf(cn.yishi.domain.casefile.ValidationException.class).hasMessageContaining("请选择是否审定通过");
    assertThatThrownBy(() -> dispatch.review("2026-04", true, null, "dispatch"))
        .isInstanceOf(cn.yishi.domain.casefile.ValidationException.class).hasMessageContaining("2026年4月尚无月调度报告");
    assertThatThrownBy(() -> dispatch.review("April", true, null, "dispatch"))
        .isInstanceOf(cn.yishi.domain.casefile.ValidationException.class).hasMessageContaining("月份格式应为 YYYY-MM");
  }
}
