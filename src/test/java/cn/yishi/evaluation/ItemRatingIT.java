package cn.yishi.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.application.port.ItemEvaluationStore;
import cn.yishi.support.BrowserSuite;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * 民事民评 in a real browser (src/test/e2e/item-rating.js): a resolution item of a held session is reported done, the
 * committee opens the evaluation for the session's parties and one unit of households; a party rates the item on its
 * 390-px phone page (a submission without a rating refused, the confirmation, the receipt, the used and unknown
 * pages); the committee prints the rating sheets from the tab 评价单; the window's timer closes the round and the
 * result is on the session's part of /public/meetings. Screenshots in target/screenshots/item-rating-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:yishi-item-rating;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "yishi.mail.outbox.poll-interval=PT1H"
})
class ItemRatingIT {
  private static final Path SCRIPT = Path.of("src/test/e2e/item-rating.js");

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired JdbcClient jdbc;
  @Autowired ItemEvaluationStore store;

  @BeforeAll
  static void browserIsThere() {
    BrowserSuite.requireBrowser();
  }

  private long insert(String sql, Object... params) {
    var key = new GeneratedKeyHolder();
    var spec = jdbc.sql(sql);
    for (Object p : params) {
      spec = spec.param(p);
    }
    spec.update(key, "id");
    return key.getKeyAs(Number.class).longValue();
  }

  @Test
  void aParticipantRatesAResolutionItemOnItsPhone() throws Exception {
    String base = "http://localhost:" + port;
    long session = insert("""
        insert into yishi_session (body_kind, body_code, session_date, status, extra_parties, created_at)
        values ('ROOM', 'hualin', ?, 'HELD', 'hualin-owners,unit-housing', ?)""",
        java.sql.Date.valueOf(LocalDate.now().minusDays(20)), OffsetDateTime.now());
    long meeting = insert("insert into yishi_meeting (community, title, due_date, created_at) values ('hualin', '楼道改造', ?, ?)",
        java.sql.Date.valueOf(LocalDate.now().minusDays(20)), OffsetDateTime.now());
    long item = insert("""
        insert into yishi_resolution_item (meeting_id, session_id, unit, measure, deadline, status, note, completed_at)
        values (?, ?, 'housing', '楼道照明改造', ?, 'DONE', '灯具已全部更换，声控开关已调试', ?)""",
        meeting, session, OffsetDateTime.now().plusDays(5), OffsetDateTime.now());

    ProcessInstance pi = runtime.startProcessInstanceByKey("itemEvaluation", "item-" + item, Map.of("itemId", item));
    Task organize = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("userTask_organizeEvaluation")
        .singleResult();
    assertThat(organize.getName()).isEqualTo("组织民事民评 楼道改造");
    tasks.complete(organize.getId(), Map.of("evaluationParticipants", true, "evaluationElectorate", "hualin-yuyuan/1/1",
        "evaluationWindowDays", 5L));
    long evaluationId = ((Number) runtime.getVariable(pi.getId(), "evaluationId")).longValue();
    List<ItemEvaluationStore.Token> tokens = store.tokens(evaluationId);
    assertThat(tokens).extracting(ItemEvaluationStore.Token::raterKind).contains("PARTICIPANT", "HOUSEHOLD");
    String participant = tokens.stream().filter(t -> t.rater().equals("hualin-owners")).findFirst().orElseThrow().token();
    String household = tokens.stream().filter(t -> t.raterKind().equals("HOUSEHOLD")).findFirst().orElseThrow().token();

    assertThat(BrowserSuite.node(SCRIPT, "rate", base, participant, household)).contains("RATE_OK");
    assertThat(jdbc.sql("select rating || '/' || comment from yishi_item_rating where token = ?").param(participant)
        .query(String.class).single()).isEqualTo("4/灯亮了，楼道安全多了");
    assertThat(jdbc.sql("select count(*) from yishi_item_rating where evaluation_id = ? and rating is not null")
        .param(evaluationId).query(Long.class).single()).isEqualTo(1);

    Task distribute = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("userTask_distributeSheets")
        .singleResult();
    assertThat(BrowserSuite.node(SCRIPT, "sheets", base, distribute.getId())).contains("SHEETS_OK");

    // the window's timer fires (jobs are run by hand here): the round is counted
    Job timer = management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    management.executeJob(timer.getId());
    Job close = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
    management.executeJob(close.getId());
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(jdbc.sql("select status || '/' || ratings from yishi_item_evaluation where id = ?").param(evaluationId)
        .query(String.class).single()).isEqualTo("PASSED/1");

    assertThat(BrowserSuite.node(SCRIPT, "result", base)).contains("RESULT_OK").contains("1人评价，平均4.00分");
    for (String shot : List.of("01-page", "02-refused", "03-confirm", "04-receipt", "05-used", "06-unknown",
        "07-tasklist-tab", "08-sheet", "09-public-result")) {
      assertThat(Path.of("target/screenshots", "item-rating-" + shot + ".png")).isNotEmptyFile();
    }
  }
}
