package cn.yishi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.adapter.process.issuelifecycle.IssueLifecycle;
import cn.yishi.domain.calendar.WorkingDayCalendar;
import cn.yishi.support.TestHttp.Reply;
import cn.yishi.support.TestHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Calendar years over HTTP on H2 (its own application context, so that its engine is registered when it runs): a deadline counted
 * into 2027, for which no holidays are loaded, is flagged on the case and its task; loading a 2027 block through
 * {@code /api} counts it anew, moves the task and its overdue timer and writes the timeline; refusals store nothing.
 * The 2027 block here is made up for the test (its names say so); it is not the State Council's notice.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:yishi-calendar-years-test;DB_CLOSE_DELAY=-1",
      "yishi.mail.outbox.poll-interval=PT1H",
      "camunda.bpm.job-execution.enabled=false"
    })
class CalendarYearsH2Test {
  static final String PENDING = "节假日安排未发布，按周末计算";
  /** Made up: 4 to 6 January off, Saturday 9 January worked. */
  static final String TEST_2027 = """
      years:
        2027:
          holidays:
            - { name: 测试假日, from: 2027-01-04, to: 2027-01-06 }
          adjusted-working-days:
            - { name: 测试调休上班, date: 2027-01-09 }
      """;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired WorkingDayCalendar calendar;

  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private TestHttp json() {
    return new TestHttp(port, true);
  }

  private Reply yaml(String user, String password, String body) throws Exception {
    HttpRequest r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/calendar/years"))
        .header("Content-Type", "application/yaml")
        .header("Accept", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    HttpResponse<String> response = http.send(r, HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), response.body());
  }

  private static OffsetDateTime at(String local) {
    return java.time.LocalDateTime.parse(local).atOffset(ZoneOffset.ofHours(8));
  }

  private OffsetDateTime deadline(String caseNo) {
    return jdbc.sql("select deadline from yishi_case where case_no = ?").param(caseNo).query(OffsetDateTime.class).single();
  }

  private List<String> timeline(String caseNo) {
    return jdbc.sql("select e.action || ':' || coalesce(e.note, '') from yishi_case_event e join yishi_case c on c.id = e.case_id"
        + " where c.case_no = ? order by e.id").param(caseNo).query(String.class).list();
  }

  private Task handleTask(String caseNo) {
    return tasks.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey(IssueLifecycle.USER_TASK_HANDLE)
        .singleResult();
  }

  private Job overdueTimer(String caseNo) {
    return management.createJobQuery().processInstanceId(handleTask(caseNo).getProcessInstanceId())
        .activityId(IssueLifecycle.BOUNDARY_HANDLING_OVERDUE).timers().singleResult();
  }

  /** A drainage case (5 working days) accepted on Monday 2026-12-28 at 10:00. */
  private String caseAcceptedOn28December() throws Exception {
    ClockUtil.setCurrentTime(Date.from(at("2026-12-28T10:00").toInstant()));
    String tag = UUID.randomUUID().toString().substring(0, 8);
    Reply created = json().call("POST", "/api/cases", "grid.hualin", "demo", """
        {"channel":"GRID_VISIT","category":"drainage","title":"雨水井堵塞","description":"小区雨水井堵塞，积水严重。",
         "community":"hualin","location":{"address":"御苑小区%s"},"householdsAffected":3}""".formatted(tag));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String caseNo = created.json().path("caseNo").asText();
    String review = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey(IssueLifecycle.USER_TASK_REVIEW)
        .singleResult().getId();
    Reply reviewed = json().call("POST", "/engine-rest/task/" + review + "/submit-form", "community.hualin", "demo",
        "{\"variables\":{}}");
    assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(204);
    return caseNo;
  }

  @Test
  void aYearLoadedThroughTheApiRecountsAnOpenDeadlineFlaggedBefore() throws Exception {
    assertThat(calendar.covers(2027)).as("2027 ships without holidays").isFalse();
    String caseNo = caseAcceptedOn28December();

    // Dec 29, 30, 31, Jan 1, Jan 4: weekends only in 2027, and said so on the case and the task
    assertThat(deadline(caseNo)).isEqualTo(at("2027-01-04T18:00"));
    assertThat(timeline(caseNo)).anySatisfy(e -> assertThat(e).startsWith("CALENDAR_PENDING:").contains("2027年", "按周末计算"));
    Reply staff = json().call("GET", "/api/cases/" + caseNo, "community.hualin", "demo", null);
    assertThat(staff.json().path("deadlineProvisional").asBoolean()).isTrue();
    assertThat(staff.json().path("deadlineNote").asText()).isEqualTo(PENDING);
    Task before = handleTask(caseNo);
    assertThat(before.getDueDate()).isEqualTo(Date.from(at("2027-01-04T18:00").toInstant()));
    assertThat((String) tasks.getVariableLocal(before.getId(), "factDeadline")).contains("2027年1月4日", PENDING);
    assertThat(overdueTimer(caseNo).getDuedate()).isEqualTo(Date.from(at("2027-01-04T18:00").toInstant()));

    Reply loaded = yaml("demo", "demo", TEST_2027);
    assertThat(loaded.status()).as(loaded.body()).isEqualTo(201);
    assertThat(loaded.json().path("years").toString()).isEqualTo("[2027]");
    assertThat(loaded.json().path("deadlines")).anySatisfy(d -> {
      assertThat(d.path("caseNo").asText()).isEqualTo(caseNo);
      assertThat(d.path("changed").asBoolean()).isTrue();
    });

    // Dec 29, 30, 31, Jan 1, then Jan 4–6 off: Jan 7
    OffsetDateTime recounted = at("2027-01-07T18:00");
    assertThat(calendar.covers(2027)).isTrue();
    assertThat(deadline(caseNo)).isEqualTo(recounted);
    assertThat(timeline(caseNo)).last().satisfies(e -> assertThat(e).startsWith("DEADLINE_RECOUNTED:")
        .contains("2027年节假日安排已录入", "2027年1月4日", "2027年1月7日"));
    Task after = handleTask(caseNo);
    assertThat(after.getDueDate()).isEqualTo(Date.from(recounted.toInstant()));
    assertThat((String) tasks.getVariableLocal(after.getId(), "factDeadline")).contains("2027年1月7日").doesNotContain(PENDING);
    assertThat(tasks.getVariableLocal(after.getId(), "listDeadline")).isEqualTo(Date.from(recounted.toInstant()));
    assertThat(overdueTimer(caseNo).getDuedate()).isEqualTo(Date.from(recounted.toInstant()));
    Reply staffAfter = json().call("GET", "/api/cases/" + caseNo, "community.hualin", "demo", null);
    assertThat(staffAfter.json().path("deadlineProvisional").asBoolean()).isFalse();
    assertThat(staffAfter.json().path("deadlineNote").isNull()).isTrue();
    // the public view tells why the deadline moved
    assertThat(json().call("GET", "/public/cases/" + caseNo, null, null, null).body()).contains("2027年1月7日");

    // stored: the year and its days, listed for the dispatch centre
    assertThat(jdbc.sql("select count(*) from yishi_calendar_date where calendar_year = 2027").query(Long.class).single())
        .isEqualTo(4);
    Reply list = json().call("GET", "/api/calendar/years", "dispatch", "demo", null);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json()).anySatisfy(y -> {
      assertThat(y.path("year").asInt()).isEqualTo(2027);
      assertThat(y.path("source").asText()).isEqualTo("接口录入");
      assertThat(y.path("holidayDays").asInt()).isEqualTo(3);
      assertThat(y.path("loadedBy").asText()).isEqualTo("demo");
    });

    // a later case is counted on the loaded year and not flagged
    String later = caseAcceptedOn28December();
    assertThat(deadline(later)).isEqualTo(recounted);
    assertThat(timeline(later)).noneSatisfy(e -> assertThat(e).startsWith("CALENDAR_PENDING"));
  }

  @Test
  void refusalsNameEveryLineAndStoreNothing() throws Exception {
    long years = jdbc.sql("select count(*) from yishi_calendar_year").query(Long.class).single();
    long dates = jdbc.sql("select count(*) from yishi_calendar_date").query(Long.class).single();
    var covered = calendar.coveredYears();

    Reply refused = yaml("demo", "demo", """
        years:
          2028:
            holidays:
              - { name: 测试假日, from: 2028-01-01, to: 2028-01-03 }
            adjusted-working-days:
              - { name: 周二上班, date: 2028-01-04 }
              - { name: 错年, date: 2029-01-06 }
          2025:
            holidays:
              - { name: 往年, from: 2025-10-01, to: 2025-10-03 }
        """);
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.errorFields()).containsOnly("document").hasSize(2);
    assertThat(refused.body()).contains("第6行", "只能是周六或周日", "第7行", "不属于所在的 2028 年块");
    Reply past = yaml("demo", "demo", "years:\n  2025:\n    holidays:\n      - { name: 往年, from: 2025-10-01, to: 2025-10-03 }\n");
    assertThat(past.status()).isEqualTo(400);
    assertThat(past.body()).contains("不能录入已经过去的年份");
    assertThat(yaml("demo", "demo", "years: [").status()).isEqualTo(400);
    assertThat(yaml("demo", "demo", " ").errorFields()).containsExactly("document");

    // only an admin loads a year; the dispatch centre only reads
    assertThat(yaml("community.hualin", "demo", TEST_2027.replace("2027", "2029")).status()).isEqualTo(403);
    assertThat(yaml("dispatch", "demo", TEST_2027.replace("2027", "2029")).status()).isEqualTo(403);
    assertThat(json().call("GET", "/api/calendar/years", "grid.hualin", "demo", null).status()).isEqualTo(403);

    assertThat(jdbc.sql("select count(*) from yishi_calendar_year").query(Long.class).single()).isEqualTo(years);
    assertThat(jdbc.sql("select count(*) from yishi_calendar_date").query(Long.class).single()).isEqualTo(dates);
    assertThat(calendar.coveredYears()).isEqualTo(covered);
  }
}
