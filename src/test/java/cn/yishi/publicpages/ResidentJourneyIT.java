package cn.yishi.publicpages;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.adapter.outbound.mail.OutboxSender;
import cn.yishi.support.BrowserSuite;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A resident's journey in a real browser on a 390-px phone: Debian's chromium driven by playwright-core
 * (src/test/e2e/resident-journey.js). The resident reports on the phone page and follows the confirmation to the
 * case page (awaiting review); the staff accept it; the resident follows it from its page to the board and back; the
 * staff resolve it; the resident rates it through the mailed link and sees the rating on the case page. Screenshots:
 * target/screenshots/resident-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:yishi-resident-journey;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "spring.mail.host=127.0.0.1",
    "spring.mail.port=3025",
    "yishi.mail.outbox.poll-interval=PT1H"
})
class ResidentJourneyIT {
  private static final Path SCRIPT = Path.of("src/test/e2e/resident-journey.js");

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired JdbcClient jdbc;
  @Autowired OutboxSender outbox;

  @BeforeAll
  static void browserIsThere() {
    BrowserSuite.requireBrowser();
  }

  private String node(String... args) throws IOException, InterruptedException {
    return BrowserSuite.node(SCRIPT, args);
  }

  @Test
  void reportOnThePhoneFollowTheCaseOnItsPageAndTheBoardAndRateIt() throws Exception {
    String base = "http://localhost:" + port;
    String email = "resident." + System.nanoTime() + "@example.org";
    String title = "<script>alert(1)</script>路灯不亮";

    // the report, its confirmation, and the case page awaiting review
    String reported = node("report", base, "jiaoyuyuan", email);
    Matcher m = Pattern.compile("CASE_NO=(FX-\\d{4}-\\d{6})").matcher(reported);
    assertThat(m.find()).as(reported).isTrue();
    String caseNo = m.group(1);

    // the staff: 前置把关 accepts as suggested; the resident follows it on its page, the board and back
    tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult().getId());
    assertThat(node("follow", base, caseNo, title)).contains("FOLLOWED");

    // the station resolves it: the page shows the result and that the evaluation link is out
    tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult().getId(),
        Map.of("outcome", "RESOLVED", "resultNote", "已更换路灯灯泡"));
    assertThat(node("case", base, caseNo, "评价链接已发送给反映人", "6-case-resolved")).contains("CASE_OK");

    outbox.drain();
    String link = null;
    for (MimeMessage mail : smtp.getReceivedMessages()) {
      Matcher l = Pattern.compile("(http://\\S+/public/evaluations/[A-Za-z0-9_-]{43})").matcher(mail.getContent().toString());
      if (l.find() && mail.getAllRecipients()[0].toString().equals(email)) {
        link = l.group(1).replace("http://localhost:8080", base);
      }
    }
    assertThat(link).as("an evaluation link mailed to the resident").isNotNull();
    assertThat(node("evaluate", link, base, caseNo)).contains("EVALUATED");

    assertThat(jdbc.sql("select status from yishi_case where case_no = ?").param(caseNo).query(String.class).single())
        .isEqualTo("CLOSED");
  }
}
