package cn.yishi.publicpages;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.support.BrowserSuite;
import cn.yishi.support.TestHttp;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 双向评价 on a household's 390-px phone in Debian's chromium (src/test/e2e/yuanba-evaluation.js): the township opens a
 * round of 水桶湾院坝; a household rates the 一长三员 and the cadre, confirms and gets its receipt; its link then says it
 * has answered; an unknown link has its page; after the window the public results show the 不及格 without households.
 * Screenshots: target/screenshots/yuanba-evaluation-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:yishi-yuanba-evaluation-journey;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "yishi.mail.outbox.poll-interval=PT1H"
})
class YuanbaEvaluationIT {
  private static final Path SCRIPT = Path.of("src/test/e2e/yuanba-evaluation.js");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  @BeforeAll
  static void browserIsThere() {
    BrowserSuite.requireBrowser();
  }

  @Test
  void aHouseholdRatesOnItsPhoneAndTheResultsArePublic() throws Exception {
    String base = "http://localhost:" + port;
    TestHttp http = new TestHttp(port, true);
    TestHttp.Reply opened = http.call("POST", "/api/yuanba-evaluations", "street.fengchuan", "demo",
        "{\"yuanba\":\"tangpu-shuitongwan\",\"electorate\":\"tangpu-shangwu/水桶湾\",\"cadres\":[\"包片干部 张卫东\"]}");
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    long roundId = opened.json().get(0).path("roundId").asLong();
    List<String> tokens = jdbc.sql("select token from yishi_yuanba_eval_token where round_id = :id order by household")
        .param("id", roundId).query(String.class).list();

    assertThat(BrowserSuite.node(SCRIPT, "rate", base, tokens.get(0))).contains("RATED");
    assertThat(BrowserSuite.node(SCRIPT, "unknown", base)).contains("UNKNOWN");
    for (String t : tokens.subList(1, 5)) {
      assertThat(http.call("POST", "/public/yuanba-evaluations/" + t, null, null, "{\"answers\":{\"1\":\"DISSATISFIED\","
          + "\"2\":\"SATISFIED\",\"3\":\"SATISFIED\",\"4\":\"BASICALLY_SATISFIED\",\"5\":\"SATISFIED\"}}").status())
          .isEqualTo(200);
    }

    String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey("yuanba-evaluation-" + roundId)
        .singleResult().getId();
    management.createJobQuery().processInstanceId(pi).timers().list().forEach(j -> {
      if (management.createJobQuery().jobId(j.getId()).count() > 0) {
        management.executeJob(j.getId());
      }
    });
    assertThat(BrowserSuite.node(SCRIPT, "results", base, "tangpu")).contains("RESULTS");
  }
}
