package cn.yishi.resources;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.support.BrowserSuite;
import cn.yishi.support.TestHttp;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 资源清单 and 前置把关 in a real browser (src/test/e2e/resource-list.js): a community secretary adds, edits and retires
 * an entry in Tasklist's 资源清单 (a refused entry changes nothing); the review form shows the suggested 不议 with its
 * reason and referral; the reviewer overrides it to 超出社区权限, which asks for the department: the case is declined,
 * the department gets a 转办通知, and the phone page shows the transfer in public words. Screenshots in target/screenshots/resources-NN-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:yishi-resource-list-it;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "yishi.mail.outbox.poll-interval=PT1H"
})
class ResourceListIT {
  private static final Path SCRIPT = Path.of("src/test/e2e/resource-list.js");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @BeforeAll
  static void browserIsThere() {
    BrowserSuite.requireBrowser();
  }

  private String node(String... args) throws IOException, InterruptedException {
    return BrowserSuite.node(420, SCRIPT, args);
  }

  @Test
  void aSecretaryMaintainsTheListAndTheReviewShowsTheReferral() throws Exception {
    String base = "http://localhost:" + port;
    String name = "华林社区调解员" + (System.nanoTime() % 10000);

    assertThat(node("resources", base, name)).contains("RESOURCES_OK");
    assertThat(jdbc.sql("select active from yishi_resource where name = ?").param(name + "（周师傅）").query(Boolean.class).single())
        .isFalse();
    assertThat(jdbc.sql("""
            select count(*) from yishi_resource_change c join yishi_resource r on r.id = c.resource_id
            where r.name = ? and c.changed_by = 'community.hualin'""").param(name + "（周师傅）").query(Integer.class).single())
        .isEqualTo(3);

    TestHttp.Reply created = new TestHttp(port, true).call("POST", "/api/cases", "channel.12345", "demo", """
        {"channel":"HOTLINE_12345","externalId":"rl-%d","category":"neighbour-dispute","title":"楼上装修与邻居起纠纷",
         "description":"两户之间因装修时间发生争执。","community":"hualin",
         "householdsAffected":2}""".formatted(System.nanoTime()));
    assertThat(created.status()).as(created.body()).isBetween(200, 202);
    String caseNo = created.json().path("caseNo").asText();

    assertThat(node("review", base, caseNo)).contains("REVIEW_OK");
    assertThat(jdbc.sql("select status from yishi_case where case_no = ?").param(caseNo).query(String.class).single())
        .isEqualTo("DECLINED");
    assertThat(jdbc.sql("select decline_reason from yishi_case where case_no = ?").param(caseNo).query(String.class).single())
        .endsWith("（已转交县住建局办理）");
    assertThat(jdbc.sql("select count(*) from yishi_mail_outbox where recipient = 'housing@fengxin.example'")
        .query(Integer.class).single()).as("the 转办通知 to the department").isEqualTo(1);
    assertThat(node("public", base, caseNo)).contains("PUBLIC_OK");
  }
}
