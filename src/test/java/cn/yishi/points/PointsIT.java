package cn.yishi.points;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.support.BrowserSuite;
import cn.yishi.support.TestHttp;
import cn.yishi.support.TestHttp.Reply;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 积分 in a real browser (src/test/e2e/points.js): a 院坝长 proposes an award with the start form 积分申报, the secretary
 * approves the task (which shows no name), the public 红色积分表 on a 390-px phone shows the consenting resident's name
 * and the other's pseudonym only, the shop keeper redeems in 积分管理 and is refused beyond the balance, the
 * secretary registers a resident. Screenshots in target/screenshots/points-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:yishi-points-journey;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "yishi.mail.outbox.poll-interval=PT1H"
})
class PointsIT {
  private static final Path SCRIPT = Path.of("src/test/e2e/points.js");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired TaskService tasks;

  @BeforeAll
  static void browserIsThere() {
    BrowserSuite.requireBrowser();
  }

  private Reply call(String method, String path, String user, String body) throws Exception {
    return new TestHttp(port, true).call(method, path, user, "demo", body);
  }

  private long person(String name, boolean consent) throws Exception {
    Reply r = call("POST", "/api/points/hualin/persons", "community.hualin", """
        {"name":"%s","household":"3组12号","compound":"大坪院坝","publishName":%s}""".formatted(name, consent));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("id").asLong();
  }

  private int balance(long id) {
    return jdbc.sql("select balance from yishi_points_person where id = ?").param(id).query(Integer.class).single();
  }

  @Test
  void fromTheProposalToTheBagOfRice() throws Exception {
    String base = "http://localhost:" + port;
    String tag = UUID.randomUUID().toString().substring(0, 3);
    String fu = "付维恒" + tag;
    String xiong = "熊廷坤" + tag;
    long named = person(fu, true);
    long hidden = person(xiong, false);

    assertThat(BrowserSuite.node(SCRIPT, "propose", base, String.valueOf(named))).contains("PROPOSE_OK");
    assertThat(jdbc.sql("select status from yishi_points_award where person_id = ?").param(named).query(String.class).single())
        .isEqualTo("PROPOSED");
    assertThat(BrowserSuite.node(SCRIPT, "approve", base, String.valueOf(named), fu)).contains("APPROVE_OK");
    assertThat(balance(named)).isEqualTo(20);

    // the other resident's award through the same process, over REST
    Reply started = call("POST", "/engine-rest/process-definition/key/pointsAward/submit-form", "points.hualin", """
        {"variables":{"community":{"value":"hualin"},"personId":{"value":%d,"type":"Long"},
         "ruleCode":{"value":"land-for-road"},"evidence":{"value":"让地修路"}}}""".formatted(hidden));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String task = tasks.createTaskQuery().processInstanceId(started.json().path("id").asText()).singleResult().getId();
    assertThat(call("POST", "/engine-rest/task/" + task + "/submit-form", "community.hualin",
        "{\"variables\":{\"approved\":{\"value\":\"true\"}}}").status()).isEqualTo(204);
    String pseudonym = jdbc.sql("select pseudonym from yishi_points_person where id = ?").param(hidden).query(String.class).single();

    assertThat(BrowserSuite.node(SCRIPT, "table", base, fu, pseudonym, xiong)).contains("TABLE_OK");
    assertThat(BrowserSuite.node(SCRIPT, "shop", base, String.valueOf(named), "大米（一袋）")).contains("SHOP_OK");
    assertThat(balance(named)).isZero();
    assertThat(jdbc.sql("select count(*) from yishi_points_redemption where person_id = ?").param(named).query(Long.class).single())
        .isEqualTo(1);
    assertThat(BrowserSuite.node(SCRIPT, "manage", base, "新居民" + tag)).contains("MANAGE_OK");

    for (String shot : List.of("01-table-phone", "02-unknown-community-phone", "03-propose-start-form", "04-approve-task",
        "05-shop-redeem-form", "06-shop-redeemed", "07-shop-refused", "08-manage-persons", "09-manage-rules")) {
      assertThat(Path.of("target/screenshots", "points-" + shot + ".png")).isNotEmptyFile();
    }
  }
}
