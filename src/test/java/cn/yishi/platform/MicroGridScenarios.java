package cn.yishi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.support.TestHttp;
import cn.yishi.support.TestHttp.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 院坝 micro-grids over HTTP, on H2 ({@link MicroGridH2Test}) and on PostgreSQL ({@link MicroGridPostgresIT}): seeded from
 * the directory (塘浦村's two 院坝 with their 一长三员), listed and maintained by the township and the village, a 院坝长
 * replaced after a failed evaluation (the history kept, the logins moved at once), refusals that store nothing, and two
 * replacements at the same moment that leave one current holder.
 */
abstract class MicroGridScenarios {
  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired IdentityService identity;

  private TestHttp http() {
    return new TestHttp(port, true);
  }

  private int rows() {
    return jdbc.sql("select count(*) from yishi_yuanba_role").query(Integer.class).single()
        + jdbc.sql("select count(*) from yishi_yuanba").query(Integer.class).single();
  }

  private static JsonNode grid(Reply r, String name) {
    for (JsonNode g : r.json()) {
      if (g.path("name").asText().equals(name)) {
        return g;
      }
    }
    throw new AssertionError(name + " not in " + r.body());
  }

  private static JsonNode holder(JsonNode grid, String role) {
    for (JsonNode h : grid.path("current")) {
      if (h.path("role").asText().equals(role)) {
        return h;
      }
    }
    return null;
  }

  @Test
  void theVillagesYuanbaAreSeededAndListedForTheTownshipAndTheVillage() throws Exception {
    Reply communities = http().call("GET", "/api/microgrids/communities", "street.fengchuan", "demo", null);
    assertThat(communities.status()).isEqualTo(200);
    assertThat(communities.json().findValuesAsText("name")).contains("塘浦村", "华林社区");

    Reply village = http().call("GET", "/api/microgrids?community=tangpu", "community.tangpu", "demo", null);
    assertThat(village.status()).isEqualTo(200);
    JsonNode stw = grid(village, "水桶湾院坝");
    assertThat(stw.path("communityName").asText()).isEqualTo("塘浦村");
    assertThat(stw.path("current").findValuesAsText("roleName")).containsExactly("院坝长", "宣传员", "代办员", "信息员");
    assertThat(holder(stw, "HEAD").path("name").asText()).isEqualTo("杨全国");
    assertThat(identity.createGroupQuery().groupId("yuanba-tangpu-shuitongwan-head").singleResult().getName())
        .isEqualTo("塘浦村水桶湾院坝院坝长");

    assertThat(http().call("GET", "/api/microgrids?community=tangpu", "community.hualin", "demo", null).status())
        .as("another community's 两委").isEqualTo(403);
    assertThat(http().call("GET", "/api/microgrids?community=tangpu", "channel.12345", "demo", null).status()).isEqualTo(403);
    assertThat(http().call("GET", "/api/microgrids?community=tangpu", null, null, null).status()).isEqualTo(401);
    assertThat(http().call("GET", "/api/microgrids?community=nowhere", "street.fengchuan", "demo", null).status()).isEqualTo(404);
  }

  @Test
  void aHeadWhoFailedTheEvaluationIsReplacedTheHistoryStaysAndTheLoginsMove() throws Exception {
    Reply added = http().call("POST", "/api/microgrids", "street.fengchuan", "demo",
        "{\"community\":\"tangpu\",\"name\":\"晒谷坪院坝\",\"area\":\"下屋组晒谷坪一带\"}");
    assertThat(added.status()).isEqualTo(201);
    String code = added.json().path("code").asText();
    assertThat(code).startsWith("tangpu-yb");
    assertThat(identity.createGroupQuery().groupId("yuanba-" + code).count()).isOne();

    Reply first = http().call("POST", "/api/microgrids/" + code + "/holders", "community.tangpu", "demo",
        "{\"role\":\"HEAD\",\"name\":\"付维恒\",\"phone\":\"13900000001\",\"userId\":\"yb.fu\",\"from\":\"2026-01-05\",\"reason\":\"ELECTION\"}");
    assertThat(first.status()).isEqualTo(200);
    assertThat(identity.createUserQuery().userId("yb.fu").memberOfGroup("yuanba-" + code + "-head").count()).isOne();
    assertThat(http().call("GET", "/api/microgrids/communities", "yb.fu", "demo", null).status()).as("the new 院坝长 logs in").isEqualTo(200);

    Reply replaced = http().call("POST", "/api/microgrids/" + code + "/holders", "street.fengchuan", "demo",
        "{\"role\":\"HEAD\",\"name\":\"熊廷坤\",\"userId\":\"yb.xiong\",\"from\":\"2026-07-01\",\"reason\":\"FAILED_EVALUATION\",\"note\":\"半年测评不及格\"}");
    assertThat(replaced.status()).isEqualTo(200);
    JsonNode g = replaced.json();
    assertThat(holder(g, "HEAD").path("name").asText()).isEqualTo("熊廷坤");
    assertThat(holder(g, "HEAD").path("startReason").asText()).isEqualTo("评价不及格调整");
    assertThat(g.path("history")).singleElement().satisfies(h -> {
      assertThat(h.path("name").asText()).isEqualTo("付维恒");
      assertThat(h.path("to").asText()).isEqualTo("2026-07-01");
      assertThat(h.path("endReason").asText()).isEqualTo("评价不及格调整");
    });
    assertThat(identity.createUserQuery().userId("yb.xiong").memberOfGroup("yuanba-" + code + "-head").count()).isOne();
    assertThat(identity.createUserQuery().userId("yb.fu").memberOfGroup("yuanba-" + code + "-head").count()).isZero();
    assertThat(identity.createUserQuery().userId("yb.fu").memberOfGroup("yuanba-" + code).count()).isZero();
    // staff's common grants (Tasklist, starting a points award) come with the shared group: the new head has them,
    // the former one (no other group) no longer
    assertThat(identity.createUserQuery().userId("yb.xiong").memberOfGroup("all-staff").count()).isOne();
    assertThat(identity.createUserQuery().userId("yb.fu").memberOfGroup("all-staff").count()).isZero();
  }

  @Test
  void badInputIsRefusedInChineseAndNothingIsStored() throws Exception {
    int before = rows();
    String path = "/api/microgrids/tangpu-laowuchang/holders";
    Reply invalid = http().call("POST", path, "street.fengchuan", "demo",
        "{\"role\":\"HEAD\",\"name\":\"\",\"phone\":\"12\",\"userId\":\"Lei Yang\",\"from\":\"2020-01-01\",\"reason\":\"DIRECTORY\"}");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.errorFields()).containsExactly("name", "phone", "userId", "from", "reason");
    assertThat(invalid.json().path("errors").get(0).path("message").asText()).isEqualTo("请填写姓名");

    assertThat(http().call("POST", path, "street.fengchuan", "demo", "{\"role\":\"HEAD\",\"name\":\"雷\",\"from\":\"明天\",\"reason\":\"ELECTION\"}")
        .errorFields()).containsExactly("from");
    assertThat(http().call("POST", path, "street.fengchuan", "demo", "{\"role\":\"BOSS\",\"name\":\"雷\",\"from\":\"2026-12-06\",\"reason\":\"ELECTION\"}")
        .errorFields()).containsExactly("role");
    assertThat(http().call("POST", path, "street.fengchuan", "demo", "[1,2").status()).isEqualTo(400);
    assertThat(http().call("POST", path, "street.fengchuan", "demo", null).status()).isEqualTo(400);
    assertThat(http().call("POST", path, "hualin.community", "demo", "{}").status()).isEqualTo(401);
    Reply outsider = http().call("POST", path, "community.hualin", "demo",
        "{\"role\":\"HEAD\",\"name\":\"雷\",\"from\":\"2026-12-06\",\"reason\":\"ELECTION\"}");
    assertThat(outsider.status()).isEqualTo(403);
    assertThat(outsider.json().path("errors").get(0).path("message").asText()).contains("塘浦村");
    assertThat(http().call("POST", "/api/microgrids/nowhere/holders", "street.fengchuan", "demo",
        "{\"role\":\"HEAD\",\"name\":\"雷\",\"from\":\"2026-12-06\",\"reason\":\"ELECTION\"}").status()).isEqualTo(404);
    assertThat(http().call("POST", "/api/microgrids", "street.fengchuan", "demo", "{\"community\":\"tangpu\",\"name\":\"老屋场院坝\"}")
        .errorFields()).containsExactly("name");
    assertThat(http().call("POST", "/api/microgrids", "street.fengchuan", "demo", "{\"community\":\"tangpu\",\"name\":\"" + "院".repeat(41) + "\"}")
        .errorFields()).containsExactly("name");
    Reply html = new TestHttp(port, false).call("POST", path, "street.fengchuan", "demo", "{\"role\":\"HEAD\"}");
    assertThat(html.status()).isEqualTo(400);
    assertThat(html.body()).contains("请填写姓名");
    assertThat(rows()).as("nothing stored").isEqualTo(before);
  }

  @Test
  void twoReplacementsAtOnceLeaveOneCurrentHolder() throws Exception {
    String path = "/api/microgrids/tangpu-shuitongwan/holders";
    String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Callable<Reply>> calls = List.of(
          () -> http().call("POST", path, "street.fengchuan", "demo", "{\"role\":\"AGENT\",\"name\":\"王甲\",\"from\":\"" + today + "\",\"reason\":\"OTHER\"}"),
          () -> http().call("POST", path, "community.tangpu", "demo", "{\"role\":\"AGENT\",\"name\":\"王乙\",\"from\":\"" + today + "\",\"reason\":\"OTHER\"}"));
      for (Future<Reply> f : pool.invokeAll(calls)) {
        assertThat(f.get().status()).isEqualTo(200);
      }
    } finally {
      pool.shutdown();
    }
    assertThat(jdbc.sql("select count(*) from yishi_yuanba_role where yuanba = 'tangpu-shuitongwan' and role = 'AGENT' and to_date is null")
        .query(Integer.class).single()).isOne();
    assertThat(jdbc.sql("select count(*) from yishi_yuanba_role where yuanba = 'tangpu-shuitongwan' and role = 'AGENT'")
        .query(Integer.class).single()).isEqualTo(3);
  }
}
