package cn.yishi.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.adapter.process.proxyservice.ProxyService;
import cn.yishi.application.proxy.ProxyRequests;
import cn.yishi.application.supervision.MonthlyDispatchService;
import cn.yishi.application.supervision.MonthlyReportView;
import cn.yishi.application.supervision.TenDaySweep;
import cn.yishi.application.port.SupervisionStore;
import cn.yishi.support.PostgresSuite;
import cn.yishi.support.PostgresTestDatabase;
import cn.yishi.support.TestHttp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A township's half-year of 代办 on PostgreSQL (冯川镇, 华林社区, July to November 2026): requests through the real
 * service and process, moved into their months by SQL (requested, time limit, closed, rated); 旬跟进 as of 21 November
 * catches the overdue ones once (a re-run raises nothing, a request whose timer's 代办督办 is unanswered is not
 * supervised twice, an answered one is supervised again in the next 旬); 月调度 of August and September gives the
 * figures per service and township, also through /api/reports.
 *
 * <p>Hook: the evaluation round (双向评价) and points (积分) of the same township's half-year belong in their own IT
 * classes next to this one (issue 16); this class covers 代办 only.
 */
@PostgresSuite
class ProxyHalfYearPostgresIT {
  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ProxyRequests requests;
  @Autowired TenDaySweep sweep;
  @Autowired MonthlyDispatchService dispatch;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry, "yishi_it_proxy_half_year");
    registry.add("yishi.mail.outbox.poll-interval", () -> "PT1H");
    registry.add("camunda.bpm.job-execution.enabled", () -> "false");
  }

  private long request(String service, String name) {
    return requests.submitFromPhone(new ProxyRequests.NewProxyRequest(service, "hualin", "御苑小区", name, "13800001234")).id();
  }

  /** Moves a request into its month: requested, its time limit, and optionally closed (办结) with a rating. */
  private void move(long id, String requested, String due, String status, String closed) {
    OffsetDateTime at = OffsetDateTime.parse(requested + "T09:00:00+08:00");
    jdbc.sql("""
            update yishi_proxy_request set requested_at = :at, request_month = :month, due_at = :due, status = :status,
              closed_at = :closed, succeeded = :ok, result = :result where id = :id""")
        .param("at", at).param("month", requested.substring(0, 7))
        .param("due", OffsetDateTime.parse(due + "T18:00:00+08:00")).param("status", status)
        .param("closed", closed == null ? null : OffsetDateTime.parse(closed + "T16:00:00+08:00"))
        .param("ok", closed == null ? null : Boolean.TRUE).param("result", closed == null ? null : "已办成")
        .param("id", id).update();
  }

  private void rate(long id, int rating, String day) {
    jdbc.sql("insert into yishi_proxy_rating (request_id, rating, rated_at) values (?, ?, ?)")
        .params(id, rating, OffsetDateTime.parse(day + "T10:00:00+08:00")).update();
  }

  private String process(long id) {
    return jdbc.sql("select process_instance_id from yishi_proxy_request where id = ?").param(id).query(String.class).single();
  }

  private List<Task> supervisionTasks(long id) {
    return tasks.createTaskQuery().processInstanceId(process(id)).taskDefinitionKey(ProxyService.USER_TASK_SWEEP_SUPERVISE).list();
  }

  private int orders(long id, String source) {
    return jdbc.sql("select count(*) from yishi_supervision_order where item_type = 'PROXY' and item_id = ? and source = ?")
        .params(id, source).query(Integer.class).single();
  }

  @Test
  void aTownshipsHalfYearOfProxyRequests() throws Exception {
    long allowance = request("subsistence-allowance", "王秀英");   // July: done in time, rated 5 in August
    long insurance = request("social-insurance", "李建国");        // August: done late, rated 2
    long title = request("property-title", "张大山");              // September: still in hand, overdue
    long elderly = request("elderly-allowance", "刘桂兰");         // October: not yet checked, overdue
    long timer = request("disability-certificate", "陈小明");     // October: overdue, the timer's 代办督办 open
    long recent = request("medical-insurance-reimbursement", "赵六"); // November: not yet due
    move(allowance, "2026-07-06", "2026-08-14", "DONE", "2026-08-10");
    rate(allowance, 5, "2026-08-12");
    move(insurance, "2026-08-03", "2026-08-14", "DONE", "2026-08-20");
    rate(insurance, 2, "2026-08-21");
    move(title, "2026-09-01", "2026-09-29", "IN_HAND", null);
    move(elderly, "2026-10-10", "2026-10-30", "REQUESTED", null);
    move(recent, "2026-11-18", "2026-12-02", "REQUESTED", null);
    // the timer of one request fires at its time limit (as the job executor would): overdue, DEADLINE order, 代办督办
    String timerProcess = process(timer);
    management.executeJob(management.createJobQuery().processInstanceId(timerProcess).timers().singleResult().getId());
    move(timer, "2026-10-12", "2026-11-02", "REQUESTED", null);
    assertThat(orders(timer, "DEADLINE")).isEqualTo(1);
    assertThat(tasks.createTaskQuery().processInstanceId(timerProcess).taskDefinitionKey(ProxyService.USER_TASK_SUPERVISE)
        .count()).isEqualTo(1);

    // 旬跟进 as of 21 November (下旬): the overdue ones once each; the one with an open order not again
    SupervisionStore.Run run = sweep.sweep(LocalDate.of(2026, 11, 21), "it", null);
    assertThat(run.checked()).as("requests in hand").isEqualTo(4);
    assertThat(run.overdue()).isEqualTo(3);
    assertThat(run.ordered()).isEqualTo(2);
    assertThat(orders(title, "SWEEP")).isEqualTo(1);
    assertThat(orders(elderly, "SWEEP")).isEqualTo(1);
    assertThat(orders(timer, "SWEEP")).as("its timer's 代办督办 is not answered yet").isZero();
    assertThat(orders(recent, "SWEEP") + orders(allowance, "SWEEP") + orders(insurance, "SWEEP")).isZero();
    assertThat(supervisionTasks(title)).hasSize(1);
    assertThat(supervisionTasks(title).get(0).getName()).contains("代办督办");
    assertThat(jdbc.sql("select overdue from yishi_proxy_request where id = ?").param(elderly).query(Boolean.class).single())
        .as("the sweep marks what the timer did not").isTrue();
    assertThat(sweep.sweep(LocalDate.of(2026, 11, 21), "it", null).ordered()).as("the same 旬 again").isZero();
    assertThat(supervisionTasks(title)).hasSize(1);

    // the street answers the 旬's order of one request; the next 旬 supervises it again, the other not (unanswered)
    Task order = supervisionTasks(title).get(0);
    tasks.complete(order.getId(), Map.of(ProxyService.Var.SUPERVISION_NOTE.name(), "已督促县不动产登记中心加快勘测"));
    assertThat(jdbc.sql("""
            select count(*) from yishi_supervision_order where item_type = 'PROXY' and item_id = ? and completed_at is not null
              and comment = '已督促县不动产登记中心加快勘测'""").param(title).query(Integer.class).single()).isEqualTo(1);
    SupervisionStore.Run december = sweep.sweep(LocalDate.of(2026, 12, 1), "it", null);
    assertThat(december.ordered()).isEqualTo(1);
    assertThat(orders(title, "SWEEP")).isEqualTo(2);
    assertThat(orders(elderly, "SWEEP")).isEqualTo(1);

    // 月调度 of August and September: the figures per service and township
    dispatch.compute("2026-08", "2026-09-01", "it", null);
    List<MonthlyReportView.ProxyLine> august = dispatch.report("2026-08").orElseThrow().proxy();
    assertThat(august).containsExactly(
        new MonthlyReportView.ProxyLine("social-insurance", "社保办理", "fengchuan", "冯川镇", 1, 0, 1, 1, 2.0),
        new MonthlyReportView.ProxyLine("subsistence-allowance", "低保申请", "fengchuan", "冯川镇", 0, 1, 0, 1, 5.0));
    dispatch.compute("2026-09", "2026-10-08", "it", null);
    assertThat(dispatch.report("2026-09").orElseThrow().proxy()).containsExactly(
        new MonthlyReportView.ProxyLine("property-title", "房屋产权审批", "fengchuan", "冯川镇", 1, 0, 1, 0, null));
    TestHttp.Reply api = new TestHttp(port, true).call("GET", "/api/reports/monthly/2026-08", PostgresTestDatabase.ADMIN,
        PostgresTestDatabase.ADMIN_PASSWORD, null);
    assertThat(api.status()).isEqualTo(200);
    assertThat(api.json().path("proxy").get(0).path("serviceName").asText()).isEqualTo("社保办理");
    assertThat(api.json().path("proxy").get(0).path("averageRating").asDouble()).isEqualTo(2.0);
    assertThat(api.body()).doesNotContain("李建国", "13800001234");
  }
}
