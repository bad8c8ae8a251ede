package cn.yishi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.support.BrowserSuite;
import cn.yishi.support.TestHttp.Reply;
import cn.yishi.support.TestHttp;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The claim pool (揭榜) in Tasklist, in a real browser (src/test/e2e/privacy.js): a 华林 case published to the pool
 * is not listed, opened or claimed by another community's property company, whose /api read is refused; 华林's
 * property company finds it in 待认领 and claims it. Screenshots in target/screenshots/privacy-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:yishi-privacy-journey;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "yishi.mail.outbox.poll-interval=PT1H"
})
class PrivacyJourneyIT {
  private static final Path SCRIPT = Path.of("src/test/e2e/privacy.js");

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired JdbcClient jdbc;

  @BeforeAll
  static void browserIsThere() {
    BrowserSuite.requireBrowser();
  }

  private Reply call(TestHttp http, String method, String path, String user, String body) throws Exception {
    return http.call(method, path, user, "demo", body);
  }

  private Task openTask(String caseNo) {
    return tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
  }

  @Test
  void onlyTheUnitsServingTheCommunitySeeAndClaimThePooledCase() throws Exception {
    TestHttp http = new TestHttp(port, false);
    Reply started = call(http, "POST", "/engine-rest/process-definition/key/issueLifecycle/submit-form", "grid.hualin", """
        {"variables":{
          "channel":{"value":"GRID_VISIT"},"category":{"value":"streetlight"},
          "community":{"value":"hualin"},"compound":{"value":"hualin-yuyuan"},"title":{"value":"御苑小区路灯不亮"},
          "description":{"value":"3栋门口路灯已坏一周"},"householdsAffected":{"value":30,"type":"Long"},
          "reporterName":{"value":"李四"},"reporterPhone":{"value":"13800138000"}}}""");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String caseNo = jdbc.sql("select case_no from yishi_case where process_instance_id = ?")
        .param(started.json().path("id").asText()).query(String.class).single();
    // 三级前置把关: the compound's station reviews its streetlight case
    Reply accepted = call(http, "POST", "/engine-rest/task/" + openTask(caseNo).getId() + "/submit-form", "station.hualin", """
        {"variables":{"admissible":{"value":true},"disposal":{"value":"COMMITTED"},"overrideReason":{"value":"需由责任单位承办"}}}""");
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(204);
    Reply pooled = call(http, "POST", "/engine-rest/task/" + openTask(caseNo).getId() + "/submit-form", "dispatch",
        "{\"variables\":{\"assignMode\":{\"value\":\"POOL\"}}}");
    assertThat(pooled.status()).as(pooled.body()).isEqualTo(204);
    Task claim = openTask(caseNo);
    assertThat(claim.getTaskDefinitionKey()).isEqualTo("userTask_claim");

    String out = BrowserSuite.node(SCRIPT, "pool", "http://localhost:" + port, caseNo, claim.getId());
    assertThat(out).contains("FOREIGN_REFUSED", "POOL_CLAIMED");

    assertThat(jdbc.sql("select responsible_unit from yishi_case where case_no = ?").param(caseNo).query(String.class).single())
        .isEqualTo("property-hualin");
    assertThat(openTask(caseNo).getTaskDefinitionKey()).isEqualTo("userTask_handle");
    for (String shot : List.of("01-foreign-claim-pool", "02-claim-pool", "03-claim-form", "04-claimed")) {
      assertThat(Path.of("target/screenshots", "privacy-" + shot + ".png")).isNotEmptyFile();
    }
  }
}
