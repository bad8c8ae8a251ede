package cn.yishi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.application.IntakeService;
import cn.yishi.domain.casefile.Channel;
import cn.yishi.domain.casefile.NewCase;
import cn.yishi.domain.casefile.Reporter;
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
 * Refusals in Tasklist read in Chinese only, in a real browser (src/test/e2e/webapp-chinese.js): form-js's own
 * validation messages in a start form, and the service's refusal of a 12345 work order already registered —
 * without the engine REST layer's "Cannot instantiate process definition …:" and without field codes. Nothing of the
 * refused start is stored. Cockpit lists the process definitions by name, without the column 键. Screenshots in target/screenshots/chinese-NN-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:yishi-webapp-chinese;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "yishi.mail.outbox.poll-interval=PT1H"
})
class WebappChineseIT {
  private static final Path SCRIPT = Path.of("src/test/e2e/webapp-chinese.js");

  @LocalServerPort int port;
  @Autowired IntakeService intake;
  @Autowired JdbcClient jdbc;

  @BeforeAll
  static void browserIsThere() {
    BrowserSuite.requireBrowser();
  }

  @Test
  void formValidationAndAServiceRefusalReadInChinese() throws Exception {
    String workOrder = "2026" + (System.nanoTime() % 1_000_000);
    String first = intake.submit(new NewCase(Channel.HOTLINE_12345, workOrder, "streetlight", "御苑小区路灯不亮",
        "御苑小区3栋门口路灯不亮", "hualin", null, 3, Reporter.ANONYMOUS, List.of()), "channel.12345").caseNo();
    String title = "重复登记的工单" + (System.nanoTime() % 100000);

    String out = BrowserSuite.node(SCRIPT, "refusals", "http://localhost:" + port, workOrder, title);

    assertThat(out).contains("REFUSALS_OK").contains("工单号 " + workOrder + " 已登记为办件 " + first + "，请勿重复登记");
    assertThat(jdbc.sql("select count(*) from yishi_case where title = ?").param(title).query(Long.class).single()).isZero();
  }

  @Test
  void cockpitListsTheProcessesByNameWithoutTheirKeys() throws Exception {
    assertThat(BrowserSuite.node(SCRIPT, "cockpit", "http://localhost:" + port)).contains("COCKPIT_OK");
  }
}
