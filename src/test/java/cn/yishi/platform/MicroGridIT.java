package cn.yishi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.support.BrowserSuite;
import java.nio.file.Path;
import cn.yishi.adapter.process.twowayevaluation.TwoWayEvaluation;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 院坝管理 in a real browser (src/test/e2e/microgrid.js): the township replaces the 院坝长 of 水桶湾院坝 in Tasklist after
 * a failed evaluation, a wrong phone number refused in Chinese first; it opens a 双向评价 round there, whose task 录入纸质评价表
 * offers the sheets in its tab 评价表; a grid worker does not see the page.
 * Screenshots target/screenshots/yuanba-NN-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:yishi-microgrid-it;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "yishi.mail.outbox.poll-interval=PT1H"
})
class MicroGridIT {
  private static final Path SCRIPT = Path.of("src/test/e2e/microgrid.js");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;

  @BeforeAll
  static void browserIsThere() {
    BrowserSuite.requireBrowser();
  }

  @Test
  void theTownshipReplacesAHeadOnTheStaffPage() throws Exception {
    String base = "http://localhost:" + port;
    assertThat(BrowserSuite.node(SCRIPT, "replace", base)).contains("REPLACE_OK");
    assertThat(jdbc.sql("""
            select person_name || '/' || start_reason || '/' || recorded_by from yishi_yuanba_role
            where yuanba = 'tangpu-shuitongwan' and role = 'HEAD' and to_date is null""").query(String.class).single())
        .isEqualTo("雷雷洋/FAILED_EVALUATION/street.fengchuan");
    assertThat(identity.createUserQuery().userId("yb.lei").memberOfGroup("yuanba-tangpu-shuitongwan-head").count()).isOne();
    assertThat(BrowserSuite.node(SCRIPT, "evaluate", base)).contains("EVALUATE_OK");
    String paperTask = tasks.createTaskQuery().taskDefinitionKey(TwoWayEvaluation.USER_TASK_PAPER).singleResult().getId();
    assertThat(BrowserSuite.node(SCRIPT, "sheets", base, paperTask)).contains("SHEETS_OK");
    assertThat(BrowserSuite.node(SCRIPT, "outsider", base)).contains("OUTSIDER_OK");
  }
}
