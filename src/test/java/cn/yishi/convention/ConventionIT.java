package cn.yishi.convention;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.support.BrowserSuite;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A convention (公约) in a real browser, in Chinese (src/test/e2e/convention.js): community staff start it in
 * Tasklist's start form; a resident comments on the public draft page on a 390-px phone (a comment over the limit is
 * refused, nothing stored); the staff revise it with the handling of the comment, approve it (党组织审核) and record
 * the residents' (representatives') meeting; the register on the phone lists it in force. Screenshots
 * target/screenshots/convention-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:yishi-convention-it;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "yishi.mail.outbox.poll-interval=PT1H"
})
class ConventionIT {
  private static final Path SCRIPT = Path.of("src/test/e2e/convention.js");

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired JdbcClient jdbc;

  @BeforeAll
  static void browserIsThere() {
    BrowserSuite.requireBrowser();
  }

  private String node(String... args) throws IOException, InterruptedException {
    return BrowserSuite.node(SCRIPT, args);
  }

  private void runJob(String pid, String activityId) {
    Job job = management.createJobQuery().processInstanceId(pid).activityId(activityId).singleResult();
    assertThat(job).as("job at " + activityId).isNotNull();
    management.executeJob(job.getId());
  }

  private String status(String title) {
    return jdbc.sql("select status from yishi_convention_version where title = ?").param(title).query(String.class).single();
  }

  @Test
  void staffStartAResidentCommentsOnAPhoneStaffReviseApproveAdoptAndTheRegisterShowsIt() throws Exception {
    String base = "http://localhost:" + port;
    String title = "御苑小区院落文明公约" + (System.nanoTime() % 1000);

    assertThat(node("start", base, title)).contains("START_OK");
    ProcessInstance pi = runtime.createProcessInstanceQuery().processDefinitionKey("convention").singleResult();
    assertThat(status(title)).isEqualTo("PUBLICITY");
    assertThat(runtime.getVariable(pi.getId(), "initiator")).isEqualTo("community.hualin");
    String draftUrl = ((String) runtime.getVariable(pi.getId(), "draftUrl")).replaceFirst("^https?://[^/]+", base);

    assertThat(node("comment", base, draftUrl)).contains("COMMENT_OK");
    assertThat(jdbc.sql("select content || '|' || signature from yishi_convention_comment").query(String.class).list())
        .containsExactly("第二条建议写明：小区内遛狗须牵绳，绳长不超过1.5米。|3栋居民");

    runJob(pi.getId(), "timer_commentWindow");
    assertThat(node("revise", base, title)).contains("REVISE_OK");
    assertThat(jdbc.sql("select handling from yishi_convention_comment").query(String.class).single())
        .isEqualTo("采纳，第二条增加“绳长不超过1.5米”");
    assertThat(status(title)).isEqualTo("REVIEW");

    assertThat(node("approve", base, title)).contains("APPROVE_OK");
    assertThat(status(title)).isEqualTo("ADOPTION");
    assertThat(node("adopt", base, title)).contains("ADOPT_OK");
    runJob(pi.getId(), "serviceTask_publishConvention");
    assertThat(status(title)).isEqualTo("IN_FORCE");
    assertThat(jdbc.sql("select body from yishi_convention_version where title = ?").param(title).query(String.class).single())
        .contains("出门牵绳，绳长不超过1.5米");

    assertThat(node("register", base, title)).contains("REGISTER_OK");
    for (String shot : List.of("01-start-form", "02-started", "03-draft-phone", "04-comment-refused", "05-comment-received",
        "06-revise-form", "07-review-form", "08-assembly-form", "09-register-phone", "10-handling-phone")) {
      assertThat(Path.of("target/screenshots", "convention-" + shot + ".png")).isNotEmptyFile();
    }
  }
}
