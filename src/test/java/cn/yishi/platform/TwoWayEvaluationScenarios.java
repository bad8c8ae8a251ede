package cn.yishi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yishi.adapter.process.twowayevaluation.TwoWayEvaluation;
import cn.yishi.support.TestHttp;
import cn.yishi.support.TestHttp.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A 双向评价 round of 塘浦村 水桶湾院坝 over HTTP and the engine, on PostgreSQL ({@link TwoWayEvaluationPostgresIT}): the
 * township opens it in Tasklist's 院坝管理 (refusals store nothing), households answer on the phone (bad ratings,
 * unknown tokens and a double submit — also two at once — refused, nothing stored), a paper sheet is entered (a used
 * token refused), the 院坝长 self-evaluates, the window closes, the 院坝长 is 不及格, the township replaces him
 * (评价不及格调整 in MicroGrids), and the public results show counts and scores without households or tokens.
 */
abstract class TwoWayEvaluationScenarios {
  private static final String STW = "tangpu-shuitongwan";
  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  private TestHttp http() {
    return new TestHttp(port, true);
  }

  private int stored() {
    return jdbc.sql("select count(*) from yishi_yuanba_eval_round").query(Integer.class).single()
        + jdbc.sql("select count(*) from yishi_yuanba_eval_answer").query(Integer.class).single()
        + jdbc.sql("select count(*) from yishi_yuanba_eval_token where used_at is not null").query(Integer.class).single();
  }

  private static String answers(String head) {
    return "{\"answers\":{\"1\":\"" + head + "\",\"2\":\"SATISFIED\",\"3\":\"BASICALLY_SATISFIED\",\"4\":\"SATISFIED\","
        + "\"5\":\"SATISFIED\"}}";
  }

  @Test
  void aRoundWithAFailedHeadEndsInHisReplacement() throws Exception {
    // refusals when opening: nothing stored
    int before = stored();
    assertThat(http().call("POST", "/api/yuanba-evaluations", "street.fengchuan", "demo", "{}").errorFields())
        .containsExactly("yuanba");
    assertThat(http().call("POST", "/api/yuanba-evaluations", "community.hualin", "demo",
        "{\"yuanba\":\"" + STW + "\",\"electorate\":\"tangpu-shangwu/水桶湾\"}").status()).isEqualTo(403);
    Reply badScope = http().call("POST", "/api/yuanba-evaluations", "street.fengchuan", "demo",
        "{\"yuanba\":\"" + STW + "\",\"electorate\":\"hualin-yuyuan\"}");
    assertThat(badScope.status()).isEqualTo(400);
    assertThat(badScope.body()).contains("评价范围不属于塘浦村");
    assertThat(http().call("POST", "/api/yuanba-evaluations", "street.fengchuan", "demo",
        "{\"yuanba\":\"" + STW + "\"}").body()).contains("请填写评价范围");
    assertThat(stored()).isEqualTo(before);

    Reply opened = http().call("POST", "/api/yuanba-evaluations", "street.fengchuan", "demo",
        "{\"yuanba\":\"" + STW + "\",\"electorate\":\"tangpu-shangwu/水桶湾\",\"cadres\":[\"包片干部 张卫东\"]}");
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    long roundId = opened.json().get(0).path("roundId").asLong();
    assertThat(opened.json().get(0).path("households").asInt()).isEqualTo(6);
    assertThat(http().call("POST", "/api/yuanba-evaluations", "community.tangpu", "demo",
        "{\"yuanba\":\"" + STW + "\"}").body()).as("one round per half-year").contains("已经开展过双向评价");

    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey("yuanba-evaluation-" + roundId)
        .singleResult();
    assertThat(pi).isNotNull();
    assertThat(runtime.getVariables(pi.getId()).toString()).doesNotContain("token").doesNotContain("水桶湾1号");
    List<String> tokens = jdbc.sql("select token from yishi_yuanba_eval_token where round_id = :id order by household")
        .param("id", roundId).query(String.class).list();
    assertThat(tokens).hasSize(6);

    JsonNode page = http().call("GET", "/public/yuanba-evaluations/" + tokens.get(0), null, null, null).json();
    assertThat(page.path("state").asText()).isEqualTo("OPEN");
    assertThat(page.path("persons").findValuesAsText("name")).containsExactly("杨全国", "陈晓", "刘芳", "杨明", "张卫东");

    // bad input: nothing stored
    int afterOpen = stored();
    String t0 = "/public/yuanba-evaluations/" + tokens.get(0);
    Reply missing = http().call("POST", t0, null, null, "{\"answers\":{\"1\":\"SATISFIED\"}}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body()).contains("请评价宣传员 陈晓");
    assertThat(http().call("POST", t0, null, null, answers("4")).body()).contains("只能是满意、基本满意或不满意");
    assertThat(http().call("POST", t0, null, null,
        "{\"answers\":{\"1\":2.5,\"2\":\"SATISFIED\",\"3\":\"SATISFIED\",\"4\":\"SATISFIED\",\"5\":\"SATISFIED\"}}").status())
        .isEqualTo(400);
    assertThat(http().call("POST", "/public/yuanba-evaluations/" + "A".repeat(43), null, null, answers("SATISFIED"))
        .status()).isEqualTo(404);
    assertThat(stored()).isEqualTo(afterOpen);

    // the same token twice at once: one stored
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> both = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Callable<Integer> submit = () -> {
        go.await();
        return http().call("POST", t0, null, null, answers("DISSATISFIED")).status();
      };
      both.add(pool.submit(submit));
    }
    go.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> f : both) {
      statuses.add(f.get());
    }
    pool.shutdown();
    assertThat(statuses).containsExactlyInAnyOrder(200, 409);
    assertThat(jdbc.sql("select count(*) from yishi_yuanba_eval_answer where round_id = :id").param("id", roundId)
        .query(Integer.class).single()).isEqualTo(5);
    assertThat(http().call("POST", t0, null, null, answers("SATISFIED")).body()).contains("本户已参加本次评价");

    for (int i = 1; i < 5; i++) {
      Reply r = http().call("POST", "/public/yuanba-evaluations/" + tokens.get(i), null, null, answers("DISSATISFIED"));
      assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    // paper sheets in 录入纸质评价表: a used token refuses the whole batch
    Task paper = tasks.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(TwoWayEvaluation.USER_TASK_PAPER).singleResult();
    assertThat(paper.getName()).contains("录入纸质评价表").contains("水桶湾院坝");
    String sheet = "{\"token\":\"%s\",\"p1\":\"SATISFIED\",\"p2\":\"SATISFIED\",\"p3\":\"SATISFIED\",\"p4\":\"SATISFIED\","
        + "\"p5\":\"SATISFIED\"}";
    int beforePaper = stored();
    identity.setAuthentication("community.tangpu", List.of("tangpu-community"));
    try {
      assertThatThrownBy(() -> tasks.complete(paper.getId(), Map.of("paperSheets", Variables.untypedValue(
          "[" + sheet.formatted(tokens.get(5)) + "," + sheet.formatted(tokens.get(1)) + "]"))))
          .hasMessageContaining("第2张：本户已参加本次评价");
      assertThat(stored()).isEqualTo(beforePaper);
      tasks.complete(paper.getId(), Map.of("paperSheets", Variables.untypedValue("[" + sheet.formatted(tokens.get(5)) + "]")));
    } finally {
      identity.clearAuthentication();
    }

    // 院坝自评
    Task self = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TwoWayEvaluation.USER_TASK_SELF)
        .singleResult();
    assertThat(tasks.getIdentityLinksForTask(self.getId()).get(0).getGroupId()).isEqualTo("yuanba-" + STW + "-head");
    tasks.complete(self.getId(), Map.of("selfGrade", "FAIRLY_GOOD", "selfText", "上半年议事协商三次，修好了自来水管。"));

    // the window closes
    Job closes = management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    management.executeJob(closes.getId());
    JsonNode head = jdbc.sql("select verdict, score, dissatisfied from yishi_yuanba_eval_subject where round_id = :id and position = 1")
        .param("id", roundId).query((rs, n) -> new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
            .put("verdict", rs.getString(1)).put("score", rs.getInt(2)).put("dissatisfied", rs.getInt(3))).single();
    assertThat(head.path("verdict").asText()).isEqualTo("FAIL");
    assertThat(head.path("dissatisfied").asInt()).isEqualTo(5);

    Task review = tasks.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(TwoWayEvaluation.USER_TASK_REVIEW).singleResult();
    assertThat(tasks.getIdentityLinksForTask(review.getId()).get(0).getGroupId()).isEqualTo("street-fengchuan");
    assertThat(tasks.getVariable(review.getId(), "reviewSubject")).isEqualTo("院坝长 杨全国");
    identity.setAuthentication("street.fengchuan", List.of("street-fengchuan"));
    try {
      assertThatThrownBy(() -> tasks.complete(review.getId(), Map.of("reviewDecision", "KEEP", "reviewReason", " ")))
          .hasMessageContaining("保留不及格人员须写明理由");
      String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
      tasks.complete(review.getId(), Map.of("reviewDecision", "REPLACE", "newHolderName", "杨立新",
          "newHolderFrom", today, "reviewReason", "群众评价不及格，经乡镇党委研究调整"));
    } finally {
      identity.clearAuthentication();
    }
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()).isNull();
    JsonNode grids = http().call("GET", "/api/microgrids?community=tangpu", "street.fengchuan", "demo", null).json();
    JsonNode stw = null;
    for (JsonNode g : grids) {
      if (g.path("code").asText().equals(STW)) {
        stw = g;
      }
    }
    assertThat(stw.path("current").get(0).path("name").asText()).isEqualTo("杨立新");
    assertThat(stw.path("current").get(0).path("startReason").asText()).isEqualTo("评价不及格调整");
    assertThat(stw.path("history").findValuesAsText("name")).contains("杨全国");

    // public results: counts and scores, never households or tokens
    Reply results = http().call("GET", "/public/yuanba-evaluations?community=tangpu", null, null, null);
    assertThat(results.status()).isEqualTo(200);
    assertThat(results.body()).contains("杨全国", "不及格", "较好").doesNotContain("水桶湾1号").doesNotContain(tokens.get(0));
    assertThat(results.json().path("yuanba").get(0).path("answered").asInt()).isEqualTo(6);
    assertThat(http().call("GET", "/public/yuanba-evaluations?community=nowhere", null, null, null).status()).isEqualTo(404);
    assertThat(http().call("GET", "/public/yuanba-evaluations", null, null, null).status()).isEqualTo(400);
    assertThat(http().call("POST", "/public/yuanba-evaluations/" + tokens.get(2), null, null, answers("SATISFIED"))
        .status()).as("after the window").isIn(409, 410);
  }
}
