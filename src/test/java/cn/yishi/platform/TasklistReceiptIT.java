package cn.yishi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.support.BrowserSuite;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The receipt at intake and the quiet, Chinese webapps in a real browser (src/test/e2e/tasklist-receipt.js): a grid
 * worker registers a case in Tasklist, sees its number, prints the 回执 and finds it in 我登记的诉求; the community's
 * card shows names, not codes, sorted by due date; the dispatch centre's Cockpit opens with 督办看板; Admin is
 * branded. No page shows English, codes or the vendor's migration banner. Screenshots in target/screenshots/
 * (tasklist-receipt-NN-*.png).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:yishi-tasklist-receipt;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "yishi.mail.outbox.poll-interval=PT1H"
})
class TasklistReceiptIT {
  private static final Path SCRIPT = Path.of("src/test/e2e/tasklist-receipt.js");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @BeforeAll
  static void browserIsThere() {
    BrowserSuite.requireBrowser();
  }

  private String node(String... args) throws IOException, InterruptedException {
    return BrowserSuite.node(SCRIPT, args);
  }

  @Test
  void receiptMyCasesCardsCockpitAndAdminInChinese() throws Exception {
    String base = "http://localhost:" + port;
    String title = "御苑小区路灯不亮" + (System.nanoTime() % 100000);

    String receipt = node("receipt", base, title);
    assertThat(receipt).contains("RECEIPT_OK");
    String caseNo = jdbc.sql("select case_no from yishi_case where title = ?").param(title).query(String.class).single();
    assertThat(receipt).contains("RECEIPT_OK " + caseNo);
    assertThat(jdbc.sql("select created_by from yishi_case where case_no = ?").param(caseNo).query(String.class).single())
        .isEqualTo("grid.hualin");

    assertThat(node("cards", base, caseNo)).contains("CARDS_OK");
    assertThat(node("cockpit", base)).contains("COCKPIT_OK");
    assertThat(node("admin", base, "demo")).contains("ADMIN_OK");
  }
}
