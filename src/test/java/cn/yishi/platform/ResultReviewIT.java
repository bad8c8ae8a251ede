package cn.yishi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.support.BrowserSuite;
import cn.yishi.support.TestHttp;
import java.io.IOException;
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
 * 督办纠偏 in a real browser (src/test/e2e/result-review.js): a 12345 case is accepted for 县住建局 and reported resolved;
 * the dispatch centre rejects the result as false in Tasklist; the case is back with the unit, with a supervision
 * order (source REJECTED) and its 督办 task; resolved again, the dispatch centre confirms it and the evaluation
 * follows. The steps between the browser's run through the engine's REST API as Tasklist would send them.
 * Screenshots in target/screenshots/supervise-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:yishi-result-review;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "yishi.mail.outbox.poll-interval=PT1H"
})
class ResultReviewIT {
  private static final Path SCRIPT = Path.of("src/test/e2e/result-review.js");

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired JdbcClient jdbc;

  @BeforeAll
  static void browserIsThere() {
    BrowserSuite.requireBrowser();
  }

  private String node(String... args) throws IOException, InterruptedException {
    return BrowserSuite.node(SCRIPT, args);
  }

  private TestHttp.Reply call(String method, String path, String user, String body) throws Exception {
    return new TestHttp(port, true).call(method, path, user, "demo", body);
  }

  private Task task(String caseNo, String key) {
    return tasks.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey(key).singleResult();
  }

  private void complete(String caseNo, String key, String user, String variables) throws Exception {
    TestHttp.Reply r = call("POST", "/engine-rest/task/" + task(caseNo, key).getId() + "/submit-form", user,
        "{\"variables\":" + variables + "}");
    assertThat(r.status()).as(key + ": " + r.body()).isEqualTo(204);
  }

  private String status(String caseNo) {
    return jdbc.sql("select status from yishi_case where case_no = ?").param(caseNo).query(String.class).single();
  }

  @Test
  void theDispatchCentreRejectsAFalseResultThenConfirmsTheNextOne() throws Exception {
    String base = "http://localhost:" + port;
    TestHttp.Reply created = call("POST", "/api/cases", "channel.12345", """
        {"channel":"HOTLINE_12345", "category":"road-repair", "title":"东门道路塌陷", "community":"hualin",
         "description":"御苑小区东门道路塌陷约两平方米，雨天积水。",
         "location":{"compound":"御苑小区"}, "householdsAffected": 12, "reporter":{"name":"李四","phone":"13800138000"}}""");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String caseNo = created.json().path("caseNo").asText();
    complete(caseNo, "userTask_review", "community.hualin",
        "{\"admissible\":{\"value\":true},\"disposal\":{\"value\":\"COMMITTED\"},\"responsibleUnit\":{\"value\":\"housing\"}}");
    String resolved = "{\"outcome\":{\"value\":\"RESOLVED\"},\"resultNote\":{\"value\":\"已对塌陷路面开挖回填并重新硬化，积水已排除。\"}}";
    complete(caseNo, "userTask_handle", "unit.housing", resolved);
    assertThat(status(caseNo)).isEqualTo("RESOLVED");
    assertThat(task(caseNo, "userTask_reviewResult")).isNotNull();

    assertThat(node("reject", base, caseNo)).contains("REJECT_OK");
    assertThat(status(caseNo)).isEqualTo("IN_PROGRESS");
    assertThat(jdbc.sql("""
            select o.source from yishi_supervision_order o join yishi_case c on c.id = o.case_id where c.case_no = ?""")
        .param(caseNo).query(String.class).list()).containsExactly("REJECTED");
    assertThat(task(caseNo, "userTask_handle")).isNotNull();
    assertThat(task(caseNo, "userTask_supervise")).isNotNull();
    assertThat(task(caseNo, "userTask_reviewResult")).isNull();

    assertThat(node("supervise", base, caseNo)).contains("SUPERVISE_OK");
    assertThat(node("rehandle", base, caseNo)).contains("REHANDLE_OK");
    complete(caseNo, "userTask_handle", "unit.housing", resolved);
    assertThat(node("confirm", base, caseNo)).contains("CONFIRM_OK");
    assertThat(status(caseNo)).isEqualTo("RESOLVED");
    assertThat(task(caseNo, "userTask_reviewResult")).isNull();
    assertThat(jdbc.sql("""
            select e.action from yishi_case_event e join yishi_case c on c.id = e.case_id where c.case_no = ? order by e.id""")
        .param(caseNo).query(String.class).list()).contains("RESULT_REJECTED", "RESULT_CONFIRMED");

    for (String shot : List.of("01-review-task", "02-review-rejected-form", "03-review-rejected-done", "04-supervision-task",
        "05-handle-again", "06-review-confirmed-form")) {
      assertThat(Path.of("target/screenshots", "supervise-" + shot + ".png")).isNotEmptyFile();
    }
  }
}
