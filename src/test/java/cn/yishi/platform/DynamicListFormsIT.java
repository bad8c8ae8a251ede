package cn.yishi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.adapter.process.scheduledlistening.ScheduledListening;
import cn.yishi.support.BrowserSuite;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A Camunda Form with a dynamic list completed with 完成 in Tasklist (src/test/e2e/dynamic-lists.js): Tasklist 7.24
 * counts form-js's empty error list of every field typed into inside a dynamic list and keeps 完成 disabled;
 * yishi-dynamic-lists.js removes those empty lists. community.hualin fills 定期听接待 (one row of 听到的诉求), an emptied
 * required field of the row shows 必填项 and blocks 完成, and 完成 then completes the task: the issue becomes a
 * LISTENING_DAY case. The session forms (SessionIT) and 录入纸质选票 (VotingIT) are completed the same way.
 * Screenshots in target/screenshots/dynlist-07-*.png and dynlist-08-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:yishi-dynlist-it;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "yishi.mail.outbox.poll-interval=PT1H"
})
class DynamicListFormsIT {
  private static final Path SCRIPT = Path.of("src/test/e2e/dynamic-lists.js");
  /** Tuesday 15 December 2026, 09:00 in Asia/Shanghai: a listening day and a working day. */
  private static final Instant LISTENING_DAY = Instant.parse("2026-12-15T01:00:00Z");

  @LocalServerPort int port;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcClient jdbc;

  @BeforeAll
  static void browserIsThere() {
    BrowserSuite.requireBrowser();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theListeningReceptionWithARowOfIssuesIsCompletedWithTheButton() throws Exception {
    ClockUtil.setCurrentTime(Date.from(LISTENING_DAY));
    Job timer = management.createJobQuery().processDefinitionKey(ScheduledListening.PROCESS_KEY).timers().singleResult();
    management.executeJob(timer.getId());
    Task reception = tasks.createTaskQuery().taskDefinitionKey(ScheduledListening.USER_TASK_RECEPTION)
        .taskCandidateGroup("hualin-community").singleResult();
    String title = "楼道堆放杂物" + UUID.randomUUID().toString().substring(0, 6);

    assertThat(BrowserSuite.node(SCRIPT, "http://localhost:" + port, reception.getId(), title)).contains("RECEPTION_OK");

    assertThat(tasks.createTaskQuery().taskId(reception.getId()).count()).as("completed").isZero();
    assertThat(jdbc.sql("select count(*) from yishi_case where title = ? and community = 'hualin'").param(title)
        .query(Long.class).single()).as("the row typed into the dynamic list became a case").isEqualTo(1);
    for (String shot : List.of("07-reception-required", "08-reception-filled")) {
      assertThat(Path.of("target/screenshots", "dynlist-" + shot + ".png")).isNotEmptyFile();
    }
  }
}
