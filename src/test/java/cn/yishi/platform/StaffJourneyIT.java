package cn.yishi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.support.BrowserSuite;
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
 * The staff's journey in a real browser, in Chinese: Debian's chromium driven by playwright-core
 * (src/test/e2e/staff-journey.js) through Tasklist and Cockpit. A grid worker starts 登记群众诉求; a user of another
 * community can neither see, open, claim nor complete the review task, and the dashboard API refuses them; the
 * community's staff claim it in 本组待办 and accept it as a 承诺件 for 县住建局; the unit resolves it; the dispatch
 * centre sees it counted on the Cockpit dashboard 督办看板. Screenshots of every step in target/screenshots/.
 * The demo users (password demo) exist with the embedded H2 database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:yishi-staff-journey;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "yishi.mail.outbox.poll-interval=PT1H"
})
class StaffJourneyIT {
  private static final Path SCRIPT = Path.of("src/test/e2e/staff-journey.js");

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

  private String status(String caseNo) {
    return jdbc.sql("select status from yishi_case where case_no = ?").param(caseNo).query(String.class).single();
  }

  private Task openTask(String caseNo) {
    return tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
  }

  @Test
  void gridWorkerCommunityUnitAndDispatchCentreInChinese() throws Exception {
    String base = "http://localhost:" + port;
    String title = "东门道路塌陷" + (System.nanoTime() % 100000);

    assertThat(node("intake", base, title)).contains("INTAKE_OK");
    String caseNo = jdbc.sql("select case_no from yishi_case where title = ?").param(title).query(String.class).single();
    assertThat(jdbc.sql("select created_by || '/' || community || '/' || category || '/' || channel from yishi_case where case_no = ?")
        .param(caseNo).query(String.class).single()).isEqualTo("grid.hualin/hualin/road-repair/GRID_VISIT");
    Task review = openTask(caseNo);
    assertThat(review.getTaskDefinitionKey()).isEqualTo("userTask_review");
    assertThat(review.getName()).isEqualTo("前置把关 " + caseNo + " " + title);

    assertThat(node("outsider", base, caseNo, review.getId())).contains("OUTSIDER_REFUSED");
    Task untouched = openTask(caseNo);
    assertThat(untouched.getId()).isEqualTo(review.getId());
    assertThat(untouched.getAssignee()).isNull();
    assertThat(status(caseNo)).isEqualTo("REGISTERED");

    assertThat(node("review", base, caseNo)).contains("REVIEW_OK");
    assertThat(jdbc.sql("select status || '/' || disposal || '/' || responsible_unit from yishi_case where case_no = ?")
        .param(caseNo).query(String.class).single()).isEqualTo("IN_PROGRESS/COMMITTED/housing");
    assertThat(openTask(caseNo).getTaskDefinitionKey()).isEqualTo("userTask_handle");

    assertThat(node("handle", base, caseNo)).contains("HANDLE_OK");
    assertThat(status(caseNo)).isEqualTo("RESOLVED");
    assertThat(jdbc.sql("select result_note from yishi_case where case_no = ?").param(caseNo).query(String.class).single())
        .contains("重新硬化");

    assertThat(node("dashboard", base, caseNo)).contains("DASHBOARD_OK");

    for (String shot : List.of("01-tasklist-grid-worker", "02-intake-form", "03-intake-started", "04-outsider-group-tasks",
        "05-review-group-tasks", "06-review-form", "07-review-done", "08-handle-form", "09-handle-done",
        "10-cockpit-start-page", "11-cockpit-dashboard", "12-cockpit-dashboard-board-trend")) {
      assertThat(Path.of("target/screenshots", shot + ".png")).isNotEmptyFile();
    }
  }
}
