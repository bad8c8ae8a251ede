package cn.yishi.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.support.BrowserSuite;
import cn.yishi.support.TestHttp.Reply;
import cn.yishi.support.TestHttp;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Tasklist tab 进展与回访 in a real browser (src/test/e2e/task-panels.js): the handler records a public and an
 * internal progress note without completing the task; the grid worker sees the reporter's name and phone on the open
 * 回访 task; a user of another community sees no contact. A grid worker transcribes a 12345 work order with its number in
 * the start form. Screenshots in target/screenshots/task-panels-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:yishi-task-panels-journey;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "yishi.mail.outbox.poll-interval=PT1H"
})
class TaskPanelsIT {
  private static final Path SCRIPT = Path.of("src/test/e2e/task-panels.js");

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired JdbcClient jdbc;

  @BeforeAll
  static void browserIsThere() {
    BrowserSuite.requireBrowser();
  }

  private Reply call(String method, String path, String user, String body) throws Exception {
    return new TestHttp(port, true).call(method, path, user, "demo", body);
  }

  /** A case without a compound: the community's 两委 reviews it and its room handles it (三级前置把关). */
  private String acceptedCase(String title) throws Exception {
    String body = """
        {"channel":"HOTLINE_12345", "category":"corridor-clutter", "title":"%s", "description":"居民反映：%s。",
         "community":"hualin", "location":{"address":"御苑小区3栋2单元501 %s"},
         "reporter":{"name":"钱多多","phone":"13900007777"}}""".formatted(title, title, UUID.randomUUID().toString().substring(0, 6));
    Reply created = call("POST", "/api/cases", "channel.12345", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String caseNo = created.json().path("caseNo").asText();
    assertThat(call("POST", "/engine-rest/task/" + task(caseNo, "userTask_review").getId() + "/submit-form",
        "community.hualin", "{\"variables\":{}}").status()).isEqualTo(204);
    return caseNo;
  }

  private Task task(String caseNo, String key) {
    return tasks.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey(key).singleResult();
  }

  private List<String> notes(String caseNo) {
    return jdbc.sql("""
            select e.note || '/' || e.public_note from yishi_case_event e join yishi_case c on c.id = e.case_id
            where c.case_no = ? and e.action = 'PROGRESS' order by e.id""").param(caseNo).query(String.class).list();
  }

  @Test
  void aGridWorkerTranscribesA12345WorkOrderWithItsNumber() throws Exception {
    String base = "http://localhost:" + port;
    String title = "路面破损" + UUID.randomUUID().toString().substring(0, 4);
    assertThat(BrowserSuite.node(SCRIPT, "hotline", base, title, "GD20261206-0042")).contains("HOTLINE_OK");
    assertThat(jdbc.sql("select channel || '/' || external_id || '/' || created_by from yishi_case where title = ?")
        .param(title).query(String.class).single()).isEqualTo("HOTLINE_12345/GD20261206-0042/grid.hualin");
    for (String shot : List.of("06-intake-channels", "07-intake-12345-work-order")) {
      assertThat(Path.of("target/screenshots", "task-panels-" + shot + ".png")).isNotEmptyFile();
    }
  }

  @Test
  void progressNotesAndTheVisitContactInTasklist() throws Exception {
    String base = "http://localhost:" + port;
    String handled = acceptedCase("楼道堆放杂物");
    assertThat(BrowserSuite.node(SCRIPT, "progress", base, handled)).contains("PROGRESS_OK");
    assertThat(notes(handled)).containsExactly("已联系物业，约定周五上门清理楼道/TRUE", "三楼住户不配合，需社区出面协调/FALSE");
    assertThat(task(handled, "userTask_handle")).isNotNull();

    String visited = acceptedCase("宠物扰民");
    assertThat(call("POST", "/engine-rest/task/" + task(visited, "userTask_handle").getId() + "/submit-form", "room.hualin",
        "{\"variables\":{\"outcome\":{\"value\":\"RESOLVED\"},\"resultNote\":{\"value\":\"已劝导\"}}}").status()).isEqualTo(204);
    assertThat(BrowserSuite.node(SCRIPT, "visit", base, visited)).contains("VISIT_OK");
    assertThat(BrowserSuite.node(SCRIPT, "outsider", base, task(visited, "userTask_followUpVisit").getId()))
        .contains("OUTSIDER_OK");

    for (String shot : List.of("01-progress-tab", "02-progress-public-recorded", "03-progress-internal-recorded",
        "04-visit-contact", "05-outsider-no-contact")) {
      assertThat(Path.of("target/screenshots", "task-panels-" + shot + ".png")).isNotEmptyFile();
    }
  }
}
