package cn.yishi.tasks;

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
 * 组团 (co-handling) in a real browser (src/test/e2e/co-handling.js): the dispatch centre dispatches a 12345 case in
 * Tasklist to 县住建局 with 华林社区物业 as co-unit (naming the lead as a co-unit too is refused); the lead's 已办结 is
 * refused while the co-unit works; the co-unit writes a progress note in 进展与回访 and reports its result; the lead
 * sees it in its form and reports the joint result. The database is checked between the steps. Screenshots in
 * target/screenshots/cohandle-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:yishi-co-handling-it;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "yishi.mail.outbox.poll-interval=PT1H"
})
class CoHandlingIT {
  private static final Path SCRIPT = Path.of("src/test/e2e/co-handling.js");

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

  private List<Task> open(String caseNo, String key) {
    return tasks.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey(key).list();
  }

  private String status(String caseNo) {
    return jdbc.sql("select status from yishi_case where case_no = ?").param(caseNo).query(String.class).single();
  }

  private List<String> events(String caseNo) {
    return jdbc.sql("""
            select e.action from yishi_case_event e join yishi_case c on c.id = e.case_id where c.case_no = ? order by e.id""")
        .param(caseNo).query(String.class).list();
  }

  private List<String> coUnits(String caseNo) {
    return jdbc.sql("""
            select u.unit || ':' || u.status from yishi_case_co_unit u join yishi_case c on c.id = u.case_id where c.case_no = ?""")
        .param(caseNo).query(String.class).list();
  }

  @Test
  void aLeadAndACoUnitHandleACaseTogetherInTasklist() throws Exception {
    String base = "http://localhost:" + port;
    TestHttp.Reply created = call("POST", "/api/cases", "channel.12345", """
        {"channel":"HOTLINE_12345", "category":"corridor-clutter", "title":"楼道堆物堵塞消防通道", "community":"hualin",
         "description":"御苑小区3栋楼道堆放杂物，电动车停放占用消防通道。",
         "location":{"compound":"御苑小区"}, "householdsAffected": 24, "reporter":{"name":"李四","phone":"13800138000"}}""");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String caseNo = created.json().path("caseNo").asText();
    // 三级前置把关: a case of 御苑小区 at the station's tier is reviewed by the compound's station
    TestHttp.Reply reviewed = call("POST", "/engine-rest/task/" + open(caseNo, "userTask_review").get(0).getId() + "/submit-form",
        "station.hualin", """
        {"variables":{"admissible":{"value":true},"disposal":{"value":"COMMITTED"},"overrideReason":{"value":"需县住建局牵头、物业配合"}}}""");
    assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(204);
    assertThat(open(caseNo, "userTask_dispatch")).hasSize(1);

    assertThat(node("dispatch", base, caseNo)).contains("DISPATCH_OK");
    assertThat(coUnits(caseNo)).containsExactly("property-hualin:OPEN");
    assertThat(open(caseNo, "userTask_handle")).hasSize(1);
    assertThat(open(caseNo, "userTask_coHandle")).hasSize(1);

    assertThat(node("early", base, caseNo)).contains("EARLY_REFUSED");
    assertThat(status(caseNo)).isEqualTo("IN_PROGRESS");
    assertThat(open(caseNo, "userTask_handle")).hasSize(1);

    assertThat(node("cowork", base, caseNo)).contains("COWORK_OK");
    assertThat(coUnits(caseNo)).containsExactly("property-hualin:FINISHED");
    assertThat(open(caseNo, "userTask_coHandle")).isEmpty();

    assertThat(node("lead", base, caseNo)).contains("LEAD_OK");
    assertThat(status(caseNo)).isEqualTo("RESOLVED");
    assertThat(events(caseNo)).containsSubsequence("ASSIGNED", "CO_UNITS_ASSIGNED", "PROGRESS", "CO_HANDLED", "RESOLVED");
    assertThat(open(caseNo, "userTask_reviewResult")).hasSize(1);

    for (String shot : List.of("01-dispatch-lead-as-co-unit-refused", "02-dispatch-form", "03-lead-refused-while-co-unit-works",
        "04-co-unit-task", "05-co-unit-progress", "06-co-unit-result", "07-lead-joint-result", "08-lead-done")) {
      assertThat(Path.of("target/screenshots", "cohandle-" + shot + ".png")).isNotEmptyFile();
    }
  }
}
