package cn.yishi.points;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.support.TestHttp;
import cn.yishi.support.TestHttp.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 积分 over HTTP against the running application, as each role uses it: the community committee keeps residents,
 * rules and items through /api (the Tasklist plugin's calls), a 院坝长 proposes through the start form of pointsAward
 * on /engine-rest, the committee approves or rejects the task, the shop keeper redeems, residents read the public
 * table. Every refusal answers in Chinese and stores nothing; 50 parallel redemptions against a balance for 10 record
 * exactly 10. Runs on H2 ({@link PointsH2Test}) and PostgreSQL ({@link PointsPostgresIT}).
 */
abstract class PointsScenarios {
  static final String PW = "demo";
  static final String SECRETARY = "community.hualin";
  static final String OFFICER = "points.hualin";
  static final String SHOP = "shop.hualin";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired TaskService tasks;

  TestHttp json() {
    return new TestHttp(port, true);
  }

  Reply api(String method, String path, String user, String body) throws Exception {
    return json().call(method, path, user, PW, body);
  }

  long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  int balance(long personId) {
    return jdbc.sql("select balance from yishi_points_person where id = ?").param(personId).query(Integer.class).single();
  }

  int ledgerSum(long personId) {
    return jdbc.sql("select coalesce(sum(points), 0) from yishi_points_entry where person_id = ?").param(personId)
        .query(Integer.class).single();
  }

  long addPerson(String name, boolean consent) throws Exception {
    Reply r = api("POST", "/api/points/hualin/persons", SECRETARY, """
        {"name":"%s","household":"3组12号","compound":"大坪院坝","publishName":%s}""".formatted(name, consent));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("id").asLong();
  }

  Reply propose(String user, long personId, String rule, String evidence) throws Exception {
    return api("POST", "/engine-rest/process-definition/key/pointsAward/submit-form", user, """
        {"variables":{"community":{"value":"hualin"},"personId":{"value":%d,"type":"Long"},
         "ruleCode":{"value":"%s"},"evidence":{"value":"%s"}}}""".formatted(personId, rule, evidence));
  }

  Task approvalOf(Reply started) {
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    return tasks.createTaskQuery().processInstanceId(started.json().path("id").asText()).singleResult();
  }

  Reply decide(Task task, String user, String approved, String comment) throws Exception {
    return api("POST", "/engine-rest/task/" + task.getId() + "/submit-form", user, """
        {"variables":{"approved":{"value":"%s"}%s}}""".formatted(approved,
        comment == null ? "" : ",\"decisionComment\":{\"value\":\"" + comment + "\"}"));
  }

  void award(long personId, String rule) throws Exception {
    Reply decided = decide(approvalOf(propose(OFFICER, personId, rule, "事实与依据")), SECRETARY, "true", null);
    assertThat(decided.status()).as(decided.body()).isEqualTo(204);
  }

  long item(String name, int price, int stock) throws Exception {
    Reply r = api("POST", "/api/points/hualin/items", SECRETARY, """
        {"name":"%s","price":%d,"stock":%d}""".formatted(name, price, stock));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("id").asLong();
  }

  Reply redeem(String user, long personId, long itemId, int quantity) throws Exception {
    return api("POST", "/api/points/hualin/redemptions", user, """
        {"personId":%d,"itemId":%d,"quantity":%d,"requestKey":"%s"}""".formatted(personId, itemId, quantity, UUID.randomUUID()));
  }

  int stock(long itemId) {
    return jdbc.sql("select stock from yishi_points_item where id = ?").param(itemId).query(Integer.class).single();
  }

  private static String tag() {
    return UUID.randomUUID().toString().substring(0, 4);
  }

  @Test
  void theCommunityStartsWithTheConfiguredRulesAndItemsAndItsRolesSeeOnlyTheirCommunity() throws Exception {
    Reply overview = api("GET", "/api/points/hualin", SECRETARY, null);
    assertThat(overview.status()).as(overview.body()).isEqualTo(200);
    assertThat(overview.json().path("maintains").asBoolean()).isTrue();
    assertThat(overview.json().path("rules").findValuesAsText("code")).contains("land-for-road", "yard-meeting");
    assertThat(overview.json().path("items").findValuesAsText("name")).contains("大米（一袋）");
    assertThat(api("GET", "/api/points", SHOP, null).json().findValuesAsText("code")).containsExactly("hualin");
    assertThat(api("GET", "/api/points/hualin", SHOP, null).json().path("redeems").asBoolean()).isTrue();

    Reply other = api("GET", "/api/points/hualin", "community.shengdian", null);
    assertThat(other.status()).isEqualTo(403);
    assertThat(other.json().path("errors").get(0).path("message").asText()).isEqualTo("您无权查看本社区（村）的积分台账");
    assertThat(api("GET", "/api/points/hualin", null, null).status()).isEqualTo(401);
    assertThat(api("GET", "/api/points/atlantis", SECRETARY, null).status()).isEqualTo(404);
  }

  @Test
  void onlyTheCommitteeMaintainsPersonsRulesAndItemsAndBadInputStoresNothing() throws Exception {
    long persons = count("yishi_points_person");
    Reply byShop = api("POST", "/api/points/hualin/persons", SHOP, "{\"name\":\"某\",\"publishName\":true}");
    assertThat(byShop.status()).isEqualTo(403);
    Reply bad = api("POST", "/api/points/hualin/persons", SECRETARY, "{\"name\":\" \"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.errorFields()).containsExactly("name", "publishName");
    assertThat(bad.json().path("errors").get(1).path("message").asText()).isEqualTo("请选择本人是否同意公示姓名");
    assertThat(count("yishi_points_person")).isEqualTo(persons);

    Reply rule = api("PUT", "/api/points/hualin/rules/river-patrol", SECRETARY,
        "{\"reason\":\"河道巡查\",\"points\":3,\"awardedBy\":[\"grid\",\"points-officers\"]}");
    assertThat(rule.status()).as(rule.body()).isEqualTo(200);
    assertThat(rule.json().path("awardedByLabel").asText()).contains("网格员");
    Reply badRule = api("PUT", "/api/points/hualin/rules/river-patrol", SECRETARY,
        "{\"reason\":\"河道巡查\",\"points\":5000,\"awardedBy\":[\"mayor\"]}");
    assertThat(badRule.status()).isEqualTo(400);
    assertThat(badRule.errorFields()).containsExactly("points", "awardedBy");
    assertThat(jdbc.sql("select points from yishi_points_rule where community = 'hualin' and code = 'river-patrol'")
        .query(Integer.class).single()).isEqualTo(3);
    assertThat(api("PUT", "/api/points/hualin/rules/x", OFFICER, "{\"reason\":\"x\",\"points\":1,\"awardedBy\":[\"grid\"]}").status())
        .isEqualTo(403);
    Reply badItem = api("POST", "/api/points/hualin/items", SECRETARY, "{\"name\":\"油\",\"price\":0,\"stock\":-1}");
    assertThat(badItem.status()).isEqualTo(400);
    assertThat(badItem.errorFields()).containsExactly("price", "stock");
  }

  @Test
  void anApprovedAwardIsOnTheLedgerOnceAndARejectedOneNot() throws Exception {
    long fu = addPerson("付维恒" + tag(), true);
    Reply started = propose(OFFICER, fu, "land-for-road", "2023年4月修建通组公路，自愿无偿调剂自家土地");
    Task approval = approvalOf(started);
    assertThat(approval.getName()).startsWith("审核加分申请 编号 " + fu).endsWith("+20");
    assertThat(tasks.getVariables(approval.getId()).toString()).as("no name in the process").doesNotContain("付维恒");

    Reply own = decide(approval, OFFICER, "true", null);
    assertThat(own.status()).as("the officer is no candidate of the approval").isEqualTo(403);
    Reply noReason = decide(approval, SECRETARY, "false", null);
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body()).contains("不同意时请写明理由");
    assertThat(ledgerSum(fu)).isZero();

    assertThat(decide(approval, SECRETARY, "true", null).status()).isEqualTo(204);
    assertThat(balance(fu)).isEqualTo(20);
    assertThat(ledgerSum(fu)).isEqualTo(20);

    Task second = approvalOf(propose(OFFICER, fu, "yard-meeting", "参加院坝会"));
    assertThat(decide(second, SECRETARY, "false", "当天未到会").status()).isEqualTo(204);
    assertThat(balance(fu)).isEqualTo(20);
    assertThat(jdbc.sql("select status || ':' || decision_comment from yishi_points_award where person_id = ? and rule_code = 'yard-meeting'")
        .param(fu).query(String.class).single()).isEqualTo("REJECTED:当天未到会");

    Reply ledger = api("GET", "/api/points/hualin/persons/" + fu + "/entries", SHOP, null);
    assertThat(ledger.json().findValuesAsText("kind")).containsExactly("AWARD");
  }

  @Test
  void aProposalBySomeoneNotAllowedIsRefusedAndStoresNothing() throws Exception {
    long p = addPerson("王" + tag(), false);
    long awards = count("yishi_points_award");
    Reply byGrid = propose("grid.hualin", p, "land-for-road", "依据");
    assertThat(byGrid.status()).isEqualTo(400);
    assertThat(byGrid.body()).contains("您无权提出「无偿调剂土地支持公益事业（如修建通组公路）」的加分");
    Reply byUnit = propose("unit.housing", p, "yard-meeting", "依据");
    assertThat(byUnit.status()).as("a unit does not see the process: " + byUnit.body()).isEqualTo(404);
    Reply otherCommunity = propose("grid.shengdian", p, "yard-meeting", "依据");
    assertThat(otherCommunity.status()).isIn(400, 403);
    Reply unknownRule = propose(OFFICER, p, "no-such-rule", "依据");
    assertThat(unknownRule.status()).isEqualTo(400);
    assertThat(unknownRule.body()).contains("没有在用的积分规则");
    Reply noEvidence = propose(OFFICER, p, "yard-meeting", " ");
    assertThat(noEvidence.status()).isEqualTo(400);
    assertThat(noEvidence.body()).contains("请填写加分的事实与依据");
    assertThat(count("yishi_points_award")).isEqualTo(awards);
    assertThat(tasks.createTaskQuery().processDefinitionKey("pointsAward").processVariableValueEquals("personId", p).count()).isZero();
  }

  @Test
  void theShopKeeperRedeemsWithinBalanceAndStockAndCorrectionsAreCounterEntries() throws Exception {
    long p = addPerson("刘" + tag(), false);
    award(p, "land-for-road");
    long rice = item("大米" + tag(), 20, 1);
    long redemptions = count("yishi_points_redemption");

    assertThat(redeem(SECRETARY, p, rice, 1).status()).as("not the shop keeper").isEqualTo(403);
    Reply tooMany = redeem(SHOP, p, rice, 2);
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.json().path("errors").get(0).path("message").asText()).isEqualTo("积分余额不足：需要 40 分，当前余额 20 分");
    Reply ok = redeem(SHOP, p, rice, 1);
    assertThat(ok.status()).as(ok.body()).isEqualTo(201);
    assertThat(ok.json().path("balance").asInt()).isZero();
    assertThat(balance(p)).isZero();
    assertThat(stock(rice)).isZero();

    award(p, "land-for-road");
    Reply noStock = redeem(SHOP, p, rice, 1);
    assertThat(noStock.status()).isEqualTo(400);
    assertThat(noStock.json().path("errors").get(0).path("code").asText()).isEqualTo("out_of_stock");
    assertThat(balance(p)).isEqualTo(20);
    assertThat(count("yishi_points_redemption")).isEqualTo(redemptions + 1);

    String key = UUID.randomUUID().toString();
    long oil = item("油" + tag(), 5, 10);
    String body = "{\"personId\":%d,\"itemId\":%d,\"quantity\":1,\"requestKey\":\"%s\"}".formatted(p, oil, key);
    assertThat(api("POST", "/api/points/hualin/redemptions", SHOP, body).status()).isEqualTo(201);
    Reply again = api("POST", "/api/points/hualin/redemptions", SHOP, body);
    assertThat(again.status()).as("the same click twice records once").isEqualTo(200);
    assertThat(again.json().path("repeated").asBoolean()).isTrue();
    assertThat(balance(p)).isEqualTo(15);

    long entry = jdbc.sql("select max(id) from yishi_points_entry where person_id = ? and kind = 'AWARD'").param(p)
        .query(Long.class).single();
    Reply overdraw = api("POST", "/api/points/hualin/corrections", SECRETARY,
        "{\"entryId\":%d,\"points\":-20,\"reason\":\"重复申报\"}".formatted(entry));
    assertThat(overdraw.status()).isEqualTo(400);
    assertThat(overdraw.body()).contains("积分余额不足");
    assertThat(api("POST", "/api/points/hualin/corrections", SHOP,
        "{\"entryId\":%d,\"points\":-5,\"reason\":\"x\"}".formatted(entry)).status()).isEqualTo(403);
    Reply corrected = api("POST", "/api/points/hualin/corrections", SECRETARY,
        "{\"entryId\":%d,\"points\":-15,\"reason\":\"重复申报，冲正\"}".formatted(entry));
    assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
    assertThat(balance(p)).isZero();
    assertThat(ledgerSum(p)).isZero();
    assertThat(jdbc.sql("select count(*) from yishi_points_entry where person_id = ?").param(p).query(Long.class).single())
        .as("award, redemption, award, redemption, correction: nothing changed or removed").isEqualTo(5);
  }

  @Test
  void fiftyParallelRedemptionsAgainstABalanceForTenRecordExactlyTen() throws Exception {
    Reply rule = api("PUT", "/api/points/hualin/rules/test-two-hundred", SECRETARY,
        "{\"reason\":\"测试：年度积分\",\"points\":200,\"awardedBy\":[\"points-officers\"]}");
    assertThat(rule.status()).as(rule.body()).isEqualTo(200);
    long p = addPerson("并发" + tag(), false);
    award(p, "test-two-hundred");
    long rice = item("米" + tag(), 20, 100);

    List<Integer> statuses = parallel(50, () -> redeem(SHOP, p, rice, 1).status());

    assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(10);
    assertThat(statuses.stream().filter(s -> s == 400).count()).isEqualTo(40);
    assertThat(balance(p)).isZero();
    assertThat(ledgerSum(p)).isZero();
    assertThat(stock(rice)).isEqualTo(90);
    assertThat(jdbc.sql("select count(*) from yishi_points_redemption where person_id = ?").param(p).query(Long.class).single())
        .isEqualTo(10);
  }

  @Test
  void parallelRedemptionsNeverTakeMoreThanTheStock() throws Exception {
    long p = addPerson("库存" + tag(), false);
    award(p, "land-for-road");
    award(p, "land-for-road");
    award(p, "land-for-road");
    long soap = item("皂" + tag(), 1, 3);

    List<Integer> statuses = parallel(12, () -> redeem(SHOP, p, soap, 1).status());

    assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(3);
    assertThat(statuses.stream().filter(s -> s == 400).count()).isEqualTo(9);
    assertThat(stock(soap)).isZero();
    assertThat(balance(p)).isEqualTo(57);
  }

  interface Call {
    int run() throws Exception;
  }

  static List<Integer> parallel(int n, Call call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        results.add(pool.submit(() -> {
          start.await();
          return call.run();
        }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : results) {
        statuses.add(f.get(120, TimeUnit.SECONDS));
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void thePublicTableShowsNamesOnlyWithConsentAndNothingElsePersonal() throws Exception {
    String t = tag();
    long named = addPerson("付维恒" + t, true);
    long hidden = addPerson("熊某" + t, false);
    award(named, "land-for-road");
    award(hidden, "land-for-road");
    String pseudonym = jdbc.sql("select pseudonym from yishi_points_person where id = ?").param(hidden).query(String.class).single();

    Reply page = get("/public/points?community=hualin", "text/html,application/xhtml+xml,*/*;q=0.8");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("华林社区 红色积分表", "付维恒" + t, pseudonym, "+20 无偿调剂土地支持公益事业")
        .doesNotContain("熊某" + t, "3组12号", "大坪院坝");
    Reply data = get("/public/points?community=hualin", "application/json");
    assertThat(data.status()).isEqualTo(200);
    assertThat(data.json().path("rows").findValuesAsText("name")).contains("付维恒" + t, pseudonym).doesNotContain("熊某" + t);
    assertThat(data.body()).doesNotContain("3组12号", "大坪院坝", "household", "personId");
    assertThat(get("/public/points.json?community=hualin", null).json().path("communityName").asText()).isEqualTo("华林社区");

    Reply unknown = get("/public/points?community=atlantis", "text/html");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body()).contains("找不到该社区（村）的积分表");
    Reply unknownJson = get("/public/points.json?community=atlantis", "application/json");
    assertThat(unknownJson.status()).isEqualTo(404);
    assertThat(unknownJson.errorFields()).containsExactly("community");
    assertThat(get("/public/points", "text/html").status()).isEqualTo(400);
    assertThat(get("/public/points", "application/json").json().path("errors").get(0).path("message").asText())
        .isEqualTo("请在链接中指定社区（村）");
  }

  Reply get(String path, String accept) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    if (accept != null) {
      b.header("Accept", accept);
    }
    HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), r.body());
  }
}
