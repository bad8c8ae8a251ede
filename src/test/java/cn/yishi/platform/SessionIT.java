package cn.yishi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.support.BrowserSuite;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A session (议事会) in a real browser (src/test/e2e/session.js): two reports of hualin join one session of its room;
 * the room confirms the agenda in Tasklist (a problem list per topic) and the community's party organisation gives its
 * positions in one 会前沟通 task for the whole agenda, both with 完成 in Tasklist (the forms' dynamic lists, see
 * yishi-dynamic-lists.js); a required 本方意见 left empty keeps 完成 disabled with 必填项; the room opens the 议事会记录,
 * where typing into the list 议题 leaves 完成 enabled (the record itself goes through REST); the public notice on a 390-px
 * phone lists the upcoming session with both topics and, once the record is in, the held session with its
 * resolutions. Screenshots in target/screenshots/session-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:yishi-session-it;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "yishi.mail.outbox.poll-interval=PT1H"
})
class SessionIT {
  private static final Path SCRIPT = Path.of("src/test/e2e/session.js");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @BeforeAll
  static void browserIsThere() {
    BrowserSuite.requireBrowser();
  }

  @Test
  void aSessionOfTwoTopicsFromAgendaToThePublicNotice() throws Exception {
    assertThat(BrowserSuite.node(SCRIPT, "http://localhost:" + port)).contains("session journey ok");

    assertThat(jdbc.sql("select count(*) from yishi_session where status = 'HELD'").query(Long.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from yishi_meeting where problem_list like '%费用分摊%'").query(Long.class).single())
        .as("the problem lists typed into the dynamic list and completed with 完成 in Tasklist").isEqualTo(2);
    assertThat(jdbc.sql("select count(*) from yishi_session_position where position like '%优先增设充电桩%'").query(Long.class)
        .single()).as("the positions typed into the dynamic list and completed with 完成 in Tasklist").isEqualTo(2);
    long session = jdbc.sql("select id from yishi_session where status = 'HELD'").query(Long.class).single();
    assertThat(jdbc.sql("select count(*) from yishi_session_topic where session_id = ? and outcome = 'RESOLVED'").param(session)
        .query(Long.class).single()).isEqualTo(2);
    long parties = jdbc.sql("select count(distinct party) from yishi_session_position where session_id = ?").param(session)
        .query(Long.class).single();
    assertThat(jdbc.sql("select count(*) from yishi_session_position where session_id = ?").param(session).query(Long.class)
        .single()).as("a position per party and topic").isEqualTo(parties * 2);
    assertThat(jdbc.sql("select count(*) from yishi_resolution_item where session_id = ?").param(session).query(Long.class)
        .single()).isEqualTo(2);
    assertThat(jdbc.sql("select kind || case when mailed then ':mailed' else '' end from yishi_session_invitee where session_id = ? order by 1")
        .param(session).query(String.class).list()).as("the reporters of both topics and one expert of the talent pool")
        .containsExactly("REPORTER", "REPORTER:mailed", "TALENT");
    assertThat(jdbc.sql("select count(*) from yishi_mail_outbox where recipient = 'wangwu@example.cn' and subject like '%列席%'")
        .query(Long.class).single()).as("one invitation to the reporter who left an address").isEqualTo(1);
    for (String shot : List.of("01-public-upcoming", "02-agenda", "03-opinion", "04-record", "05-public-held")) {
      assertThat(Path.of("target/screenshots", "session-" + shot + ".png")).isNotEmptyFile();
    }
    for (String shot : List.of("01-agenda", "02-opinion-required", "03-opinion", "04-record")) {
      assertThat(Path.of("target/screenshots", "dynlist-" + shot + ".png")).isNotEmptyFile();
    }
  }
}
