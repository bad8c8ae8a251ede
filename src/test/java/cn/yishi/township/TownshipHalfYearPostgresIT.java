package cn.yishi.township;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.adapter.process.proxyservice.ProxyService;
import cn.yishi.adapter.process.twowayevaluation.TwoWayEvaluation;
import cn.yishi.application.proxy.ProxyRequests;
import cn.yishi.application.supervision.MonthlyDispatchService;
import cn.yishi.application.supervision.MonthlyReportView;
import cn.yishi.application.supervision.TenDaySweep;
import cn.yishi.platform.TwoWayEvaluationScenarios;
import cn.yishi.support.PostgresSuite;
import cn.yishi.support.PostgresTestDatabase;
import cn.yishi.support.ProxyMonths;
import cn.yishi.support.TestHttp;
import cn.yishi.support.TestHttp.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The half-year of one township on PostgreSQL (issue 16): 冯川镇 with its village 塘浦村 and 水桶湾院坝, in order.
 * 代办 of the village's residents through the real service and process (one rated low and reworked, one overdue and
 * caught once by 旬跟进), moved into September; 月调度 of September shows the township's proxy figures. Then a 双向评价
 * round of 水桶湾院坝: households answer on the phone, the 院坝长 is 不及格, the township's 研究调整 replaces him
 * through MicroGrids, the public results show it. Last 积分: the replaced 院坝长 can no longer propose an award, the new
 * one can, the village secretary approves it, the 积分超市 redeems within the balance and refuses beyond it.
 */
@PostgresSuite
class TownshipHalfYearPostgresIT {
  private static final String VILLAGE = "tangpu";
  private static final String YUANBA = "tangpu-shuitongwan";
  private static final String TOWNSHIP = "street.fengchuan";
  private static final String SECRETARY = "community.tangpu";
  private static final String PW = "demo";
  /** The password the admin sets in Camunda Admin for the logins made in this test (the policy refuses "demo"). */
  private static final String SET_PW = "Tangpu-2026!yb";
  private static final String OLD_HEAD = "yang.quanguo";
  private static final String NEW_HEAD = "yang.lixin";
  private static final String SHOP = "shop.tangpu";
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ProxyRequests requests;
  @Autowired TenDaySweep sweep;
  @Autowired MonthlyDispatchService dispatch;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.registerWithoutJobs(registry, "yishi_it_township_half_year");
  }

  private Reply call(String method, String path, String user, String body) throws Exception {
    String password = user == null ? null : user.equals(PostgresTestDatabase.ADMIN) ? PostgresTestDatabase.ADMIN_PASSWORD
        : List.of(OLD_HEAD, NEW_HEAD, SHOP).contains(user) ? SET_PW : PW;
    return new TestHttp(port, true).call(method, path, user, password, body);
  }

  private int count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Integer.class).single();
  }

  private String today() {
    return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
  }

  @Test
  void aTownshipsHalfYearOfProxyRequestsAnEvaluationRoundAndPoints() throws Exception {
    proxyRequestsOfTheVillage();
    anEvaluationRoundReplacesTheFailedHead();
    pointsAreAwardedByTheNewHeadAndRedeemed();
  }

  // 1. 代办 ------------------------------------------------------------------------------------------------------------

  private ProxyRequests.Registered request(String service, String name) {
    return requests.submitFromPhone(new ProxyRequests.NewProxyRequest(service, VILLAGE, "水桶湾", name, "13900005678"));
  }

  /** Completes the request's open task of the given kind as the 代办员 would in Tasklist (its submit-form). */
  private void work(long id, String taskKey, String variables) throws Exception {
    String pi = jdbc.sql("select process_instance_id from yishi_proxy_request where id = ?").param(id).query(String.class).single();
    Task task = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as(taskKey).isNotNull();
    Reply done = call("POST", "/engine-rest/task/" + task.getId() + "/submit-form", PostgresTestDatabase.ADMIN,
        "{\"variables\":" + variables + "}");
    assertThat(done.status()).as(done.body()).isEqualTo(204);
  }

  private String status(long id) {
    return jdbc.sql("select status from yishi_proxy_request where id = ?").param(id).query(String.class).single();
  }

  private void proxyRequestsOfTheVillage() throws Exception {
    ProxyRequests.Registered allowance = request("subsistence-allowance", "杨桂英");
    ProxyRequests.Registered title = request("property-title", "陈大山");
    assertThat(requests.routing(allowance.id()).proxyGroup()).isEqualTo("tangpu-proxy");

    // the 代办员 checks the documents, hands over, closes; the resident rates 2 → rework → rates 5
    String documents = JSON.writeValueAsString(JSON.writeValueAsString(requests.routing(allowance.id()).documents()));
    work(allowance.id(), ProxyService.USER_TASK_CHECK, "{\"documentsChecked\":{\"value\":" + documents
        + ",\"type\":\"Json\"},\"proxyMode\":{\"value\":\"FULL\"}}");
    work(allowance.id(), ProxyService.USER_TASK_HAND_OVER, """
        {"handOverDetail":{"value":"材料递交冯川镇社会事务办"},"officeAnswer":{"value":"已受理"},"moreHandOvers":{"value":false}}""");
    work(allowance.id(), ProxyService.USER_TASK_CLOSE, """
        {"proxySucceeded":{"value":"true"},"proxyResult":{"value":"低保已批准"}}""");
    String link = ProxyRequests.statusPath(allowance.token());
    assertThat(call("GET", link, null, null).json().path("ratable").asBoolean()).isTrue();
    assertThat(call("POST", link, null, "{\"rating\":2,\"comment\":\"没说什么时候发\"}").status()).isEqualTo(200);
    assertThat(status(allowance.id())).isEqualTo("REWORK");
    work(allowance.id(), ProxyService.USER_TASK_REWORK, "{\"reworkNote\":{\"value\":\"已上门告知发放时间\"}}");
    assertThat(call("POST", link, null, "{\"rating\":5}").status()).isEqualTo(200);
    assertThat(status(allowance.id())).isEqualTo("DONE");
    assertThat(count("select count(*) from yishi_proxy_step where request_id = ? and kind = 'REWORK'", allowance.id()))
        .isEqualTo(1);
    assertThat(count("select count(*) from yishi_proxy_rating where request_id = ?", allowance.id())).isEqualTo(2);

    // both into September: the allowance done in time, the title still open past its time limit
    ProxyMonths.move(jdbc, allowance.id(), "2026-09-02", "2026-09-30", "DONE", "2026-09-20");
    ProxyMonths.rated(jdbc, allowance.id(), "2026-09-22", "2026-09-25");
    ProxyMonths.move(jdbc, title.id(), "2026-09-01", "2026-09-29", "REQUESTED", null);

    // 旬跟进 of 11 October catches the overdue one once; the same 旬 again raises nothing
    assertThat(sweep.sweep(LocalDate.of(2026, 10, 11), "it", null).ordered()).isEqualTo(1);
    assertThat(ProxyMonths.orders(jdbc, title.id(), "SWEEP")).isEqualTo(1);
    assertThat(ProxyMonths.orders(jdbc, allowance.id(), "SWEEP")).isZero();
    assertThat(sweep.sweep(LocalDate.of(2026, 10, 11), "it", null).ordered()).isZero();
    assertThat(ProxyMonths.orders(jdbc, title.id(), "SWEEP")).isEqualTo(1);

    // 月调度 of September: the township's figures per service, also through /api without names
    dispatch.compute("2026-09", "2026-10-08", "it", null);
    assertThat(dispatch.report("2026-09").orElseThrow().proxy()).containsExactly(
        new MonthlyReportView.ProxyLine("property-title", "房屋产权审批", "fengchuan", "冯川镇", 1, 0, 1, 0, null),
        new MonthlyReportView.ProxyLine("subsistence-allowance", "低保申请", "fengchuan", "冯川镇", 1, 1, 0, 2, 3.5));
    Reply api = call("GET", "/api/reports/monthly/2026-09", PostgresTestDatabase.ADMIN, null);
    assertThat(api.status()).isEqualTo(200);
    assertThat(api.json().path("proxy").findValuesAsText("streetName")).containsOnly("冯川镇");
    assertThat(api.body()).doesNotContain("杨桂英", "陈大山", "13900005678");
  }

  // 2. 双向评价 ---------------------------------------------------------------------------------------------------------

  private JsonNode head() throws Exception {
    for (JsonNode g : call("GET", "/api/microgrids?community=" + VILLAGE, TOWNSHIP, null).json()) {
      if (g.path("code").asText().equals(YUANBA)) {
        return g.path("current").get(0);
      }
    }
    throw new AssertionError("no " + YUANBA);
  }

  /** The village or township gives the 院坝长 a login in 院坝管理 (a new term of the same person or the new holder). */
  private void login(String user, String name, String reason) throws Exception {
    Reply r = call("POST", "/api/microgrids/" + YUANBA + "/holders", SECRETARY, """
        {"role":"HEAD","name":"%s","userId":"%s","from":"%s","reason":"%s","note":"开通登录账号"}"""
        .formatted(name, user, today(), reason));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    User u = identity.createUserQuery().userId(user).singleResult();
    u.setPassword(SET_PW); // as the admin sets it in Camunda Admin
    identity.saveUser(u);
  }

  private void anEvaluationRoundReplacesTheFailedHead() throws Exception {
    login(OLD_HEAD, "杨全国", "OTHER");
    assertThat(head().path("name").asText()).isEqualTo("杨全国");

    Reply opened = call("POST", "/api/yuanba-evaluations", TOWNSHIP,
        "{\"yuanba\":\"" + YUANBA + "\",\"electorate\":\"tangpu-shangwu/水桶湾\",\"cadres\":[\"包片干部 张卫东\"]}");
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    long round = opened.json().get(0).path("roundId").asLong();
    String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey("yuanba-evaluation-" + round)
        .singleResult().getId();
    List<String> tokens = jdbc.sql("select token from yishi_yuanba_eval_token where round_id = ? order by household")
        .param(round).query(String.class).list();
    assertThat(tokens).hasSize(6);
    for (String token : tokens) {
      Reply r = call("POST", "/public/yuanba-evaluations/" + token, null,
          TwoWayEvaluationScenarios.answers("DISSATISFIED"));
      assertThat(r.status()).as(r.body()).isEqualTo(200);
    }
    assertThat(count("select count(*) from yishi_yuanba_eval_token where round_id = ? and used_at is not null", round))
        .isEqualTo(6);
    assertThat(count("select count(*) from yishi_yuanba_eval_answer where round_id = ?", round)).isEqualTo(30);

    Task self = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(TwoWayEvaluation.USER_TASK_SELF).singleResult();
    tasks.complete(self.getId(), Map.of("selfGrade", "AVERAGE", "selfText", "上半年议事协商两次。"));
    management.executeJob(management.createJobQuery().processInstanceId(pi).timers().singleResult().getId());
    assertThat(jdbc.sql("select verdict from yishi_yuanba_eval_subject where round_id = ? and position = 1").param(round)
        .query(String.class).single()).isEqualTo("FAIL");

    // the township's 研究调整: replaced through MicroGrids
    Task review = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(TwoWayEvaluation.USER_TASK_REVIEW)
        .singleResult();
    assertThat(tasks.getIdentityLinksForTask(review.getId()).get(0).getGroupId()).isEqualTo("street-fengchuan");
    identity.setAuthentication(TOWNSHIP, List.of("street-fengchuan"));
    try {
      tasks.complete(review.getId(), Map.of("reviewDecision", "REPLACE", "newHolderName", "杨立新",
          "newHolderFrom", today(), "reviewReason", "群众评价不及格，经镇党委研究调整"));
    } finally {
      identity.clearAuthentication();
    }
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    assertThat(head().path("name").asText()).isEqualTo("杨立新");
    assertThat(head().path("startReason").asText()).isEqualTo("评价不及格调整");
    assertThat(count("select count(*) from yishi_yuanba_role where yuanba = ? and role = 'HEAD' and to_date is null", YUANBA))
        .isEqualTo(1);

    // public results: the 不及格 without households or tokens
    Reply results = call("GET", "/public/yuanba-evaluations?community=" + VILLAGE, null, null);
    assertThat(results.status()).isEqualTo(200);
    assertThat(results.json().path("yuanba").get(0).path("answered").asInt()).isEqualTo(6);
    assertThat(results.body()).contains("杨全国", "不及格").doesNotContain(tokens.get(0), "水桶湾1号");
  }

  // 3. 积分 ------------------------------------------------------------------------------------------------------------

  private Reply propose(String user, long person, String rule) throws Exception {
    return call("POST", "/engine-rest/process-definition/key/pointsAward/submit-form", user, """
        {"variables":{"community":{"value":"%s"},"personId":{"value":%d,"type":"Long"},
         "ruleCode":{"value":"%s"},"evidence":{"value":"修建通组公路，自愿无偿调剂自家土地"}}}""".formatted(VILLAGE, person, rule));
  }

  private int balance(long person) {
    return count("select balance from yishi_points_person where id = ?", person);
  }

  private Reply redeem(long person, long item, int quantity) throws Exception {
    return call("POST", "/api/points/" + VILLAGE + "/redemptions", SHOP, """
        {"personId":%d,"itemId":%d,"quantity":%d,"requestKey":"%s"}""".formatted(person, item, quantity, UUID.randomUUID()));
  }

  private void pointsAreAwardedByTheNewHeadAndRedeemed() throws Exception {
    Reply added = call("POST", "/api/points/" + VILLAGE + "/persons", SECRETARY,
        "{\"name\":\"杨德福\",\"household\":\"上屋组3号\",\"compound\":\"水桶湾院坝\",\"publishName\":true}");
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    long person = added.json().path("id").asLong();
    int awards = count("select count(*) from yishi_points_award");

    Reply byFormer = propose(OLD_HEAD, person, "land-for-road");
    assertThat(byFormer.status()).as("the replaced 院坝长 no longer sees 积分申报: " + byFormer.body()).isEqualTo(404);
    assertThat(identity.createUserQuery().userId(OLD_HEAD).memberOfGroup("tangpu-points-officers").count()).isZero();
    assertThat(count("select count(*) from yishi_points_award")).isEqualTo(awards);

    login(NEW_HEAD, "杨立新", "OTHER");
    Reply byNew = propose(NEW_HEAD, person, "land-for-road");
    assertThat(byNew.status()).as(byNew.body()).isEqualTo(200);
    Task approval = tasks.createTaskQuery().processInstanceId(byNew.json().path("id").asText()).singleResult();
    assertThat(tasks.getIdentityLinksForTask(approval.getId()).get(0).getGroupId()).isEqualTo("tangpu-community");
    Reply approved = call("POST", "/engine-rest/task/" + approval.getId() + "/submit-form", SECRETARY,
        "{\"variables\":{\"approved\":{\"value\":\"true\"}}}");
    assertThat(approved.status()).as(approved.body()).isEqualTo(204);
    assertThat(balance(person)).isEqualTo(20);
    assertThat(jdbc.sql("select proposed_by || ':' || status from yishi_points_award where person_id = ?").param(person)
        .query(String.class).single()).isEqualTo(NEW_HEAD + ":APPROVED");

    // the 积分超市: a keeper set up in Admin redeems a bag of rice; a second one is beyond the balance
    identity.saveUser(keeper());
    identity.createMembership(SHOP, "tangpu-shop");
    long rice = jdbc.sql("select id from yishi_points_item where community = ? and name = '大米（一袋）'").param(VILLAGE)
        .query(Long.class).single();
    int stock = count("select stock from yishi_points_item where id = ?", rice);
    Reply ok = redeem(person, rice, 1);
    assertThat(ok.status()).as(ok.body()).isEqualTo(201);
    assertThat(ok.json().path("balance").asInt()).isZero();
    int entries = count("select count(*) from yishi_points_entry where person_id = ?", person);
    int redemptions = count("select count(*) from yishi_points_redemption where person_id = ?", person);
    Reply beyond = redeem(person, rice, 1);
    assertThat(beyond.status()).isEqualTo(400);
    assertThat(beyond.json().path("errors").get(0).path("message").asText()).isEqualTo("积分余额不足：需要 20 分，当前余额 0 分");
    assertThat(count("select count(*) from yishi_points_entry where person_id = ?", person)).isEqualTo(entries).isEqualTo(2);
    assertThat(count("select count(*) from yishi_points_redemption where person_id = ?", person)).isEqualTo(redemptions)
        .isEqualTo(1);
    assertThat(count("select stock from yishi_points_item where id = ?", rice)).isEqualTo(stock - 1);
    assertThat(balance(person)).isZero();

    // the village's 红色积分表
    Reply table = call("GET", "/public/points.json?community=" + VILLAGE, null, null);
    assertThat(table.status()).isEqualTo(200);
    assertThat(table.json().path("rows").findValuesAsText("name")).containsExactly("杨德福");
    assertThat(table.body()).doesNotContain("上屋组3号", NEW_HEAD);
  }

  private User keeper() {
    User u = identity.newUser(SHOP);
    u.setFirstName("积分超市管理员");
    u.setLastName("杨");
    u.setPassword(SET_PW);
    return u;
  }
}
