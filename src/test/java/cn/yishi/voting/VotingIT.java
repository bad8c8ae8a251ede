package cn.yishi.voting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.application.ResidentVoteService;
import cn.yishi.support.BrowserSuite;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
 * 一户一票 in a real browser (src/test/e2e/voting.js): a household votes on its 390-px phone page with the confirmation
 * step and gets the receipt; the used and the unknown token's pages; the community's staff print the ballot sheets
 * from the 录入纸质选票 task's tab 选票 and correct the register in Tasklist (住户名册); the public count on the
 * community's page. Screenshots in target/screenshots/vote-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:yishi-voting-journey;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "yishi.mail.outbox.poll-interval=PT1H"
})
class VotingIT {
  private static final Path SCRIPT = Path.of("src/test/e2e/voting.js");

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcClient jdbc;
  @Autowired ResidentVoteService votes;

  @BeforeAll
  static void browserIsThere() {
    BrowserSuite.requireBrowser();
  }

  @Test
  void aHouseholdVotesOnItsPhoneAndTheStaffPrintTheBallotSheetsAndCorrectTheRegister() throws Exception {
    String base = "http://localhost:" + port;
    var key = new GeneratedKeyHolder();
    jdbc.sql("insert into yishi_meeting (community, title, due_date, created_at) values ('hualin', '1栋加装电梯', ?, ?)")
        .param(java.sql.Date.valueOf(LocalDate.now())).param(OffsetDateTime.now()).update(key, "id");
    long meetingId = key.getKeyAs(Number.class).longValue();
    ProcessInstance vote = runtime.startProcessInstanceByKey("residentVote", Map.of("meetingId", meetingId,
        "roomGroup", "hualin-room", "voteType", "ELEVATOR_RETROFIT", "voteCompound", "hualin-yuyuan/1",
        "voteQuestion", "是否同意1栋加装电梯"));
    long voteId = ((Number) runtime.getVariable(vote.getId(), "voteId")).longValue();
    List<String> tokens = votes.sheets(voteId, List.of("hualin-room")).sheets().stream().map(s -> s.token()).toList();
    assertThat(tokens).hasSize(6);

    String ballot = BrowserSuite.node(SCRIPT, "ballot", base, tokens.get(0), tokens.get(1));
    assertThat(ballot).contains("BALLOT_OK");
    assertThat(jdbc.sql("select choice || '/' || channel from yishi_ballot where token = ?").param(tokens.get(0))
        .query(String.class).single()).isEqualTo("YES/ONLINE");
    assertThat(jdbc.sql("select count(*) from yishi_ballot where vote_id = ? and choice is not null").param(voteId)
        .query(Long.class).single()).isEqualTo(1);

    Task paper = tasks.createTaskQuery().processInstanceId(vote.getId()).taskDefinitionKey("userTask_enterPaperBallots")
        .singleResult();
    assertThat(BrowserSuite.node(SCRIPT, "sheets", base, paper.getId())).contains("SHEETS_OK");

    long binjiang = jdbc.sql("select count(*) from yishi_household where compound = 'hualin-binjiang'").query(Long.class).single();
    assertThat(BrowserSuite.node(SCRIPT, "register", base)).contains("REGISTER_OK");
    assertThat(binjiang).isEqualTo(6);
    assertThat(jdbc.sql("select count(*) from yishi_household where compound = 'hualin-binjiang'").query(Long.class).single())
        .isEqualTo(5);

    assertThat(BrowserSuite.node(SCRIPT, "count", base)).contains("COUNT_OK").contains("已有 1 户投票");

    // a paper ballot typed into the dynamic list of 录入纸质选票 and completed with 完成 in Tasklist
    assertThat(BrowserSuite.node(SCRIPT, "paper", base, paper.getId(), tokens.get(5))).contains("PAPER_OK");
    assertThat(jdbc.sql("select choice || '/' || channel from yishi_ballot where token = ?").param(tokens.get(5))
        .query(String.class).single()).isEqualTo("YES/PAPER");
    assertThat(tasks.createTaskQuery().processInstanceId(vote.getId()).taskDefinitionKey("userTask_enterPaperBallots")
        .singleResult().getId()).as("a new 录入纸质选票 for the next sheets").isNotEqualTo(paper.getId());
    for (String shot : List.of("05-paper-required", "06-paper-filled")) {
      assertThat(Path.of("target/screenshots", "dynlist-" + shot + ".png")).isNotEmptyFile();
    }

    // closed and counted: the totals per option by headcount and by area on the household's page
    for (int i = 1; i < 5; i++) {
      votes.castOnline(tokens.get(i), i == 4 ? "NO" : "YES");
    }
    assertThat(votes.tally(voteId).outcome()).isEqualTo("PASSED");
    assertThat(BrowserSuite.node(SCRIPT, "result", base, tokens.get(5))).contains("RESULT_OK").contains("表决结果：通过");

    for (String shot : List.of("01-ballot", "02-ballot-chosen", "03-confirm", "04-receipt", "05-used", "06-unknown",
        "07-tasklist-ballot-tab", "08-ballot-sheet", "09-register", "10-register-refused", "11-register-imported",
        "12-public-count", "13-result")) {
      assertThat(Path.of("target/screenshots", "vote-" + shot + ".png")).isNotEmptyFile();
    }
  }
}
