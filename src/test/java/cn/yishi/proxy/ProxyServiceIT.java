package cn.yishi.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.support.BrowserSuite;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 代办 in a real browser (src/test/e2e/proxy.js): a resident asks on the 390-px phone page (refused without consent
 * first); the 代办员 proxy.hualin works it in Tasklist (材料核对 refused with a document unticked, then 递交与答复 and
 * 办结); the resident opens the link and rates it. The database is checked between the steps. Screenshots in
 * target/screenshots/proxy-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:yishi-proxy-it;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "yishi.mail.outbox.poll-interval=PT1H"
})
class ProxyServiceIT {
  private static final Path SCRIPT = Path.of("src/test/e2e/proxy.js");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @BeforeAll
  static void browserIsThere() {
    BrowserSuite.requireBrowser();
  }

  private String status(String requestNo) {
    return jdbc.sql("select status from yishi_proxy_request where request_no = ?").param(requestNo).query(String.class).single();
  }

  private static String value(String output, String key) {
    Matcher m = Pattern.compile(key + "=(\\S+)").matcher(output);
    assertThat(m.find()).as(output).isTrue();
    return m.group(1);
  }

  @Test
  void aResidentAsksOnThePhoneTheProxyOfficerWorksItInTasklistAndTheResidentRatesIt() throws Exception {
    String base = "http://localhost:" + port;

    String sent = BrowserSuite.node(SCRIPT, "phone", base);
    String requestNo = value(sent, "REQUEST_NO");
    String statusPath = value(sent, "STATUS_PATH");
    assertThat(status(requestNo)).isEqualTo("REQUESTED");
    assertThat(jdbc.sql("select count(*) from yishi_proxy_request").query(Long.class).single()).as("the refused attempt stored nothing").isEqualTo(1);

    assertThat(BrowserSuite.node(SCRIPT, "officer", base, requestNo)).contains("OFFICER_OK");
    assertThat(status(requestNo)).isEqualTo("CLOSED");
    assertThat(jdbc.sql("select proxy_mode from yishi_proxy_request where request_no = ?").param(requestNo).query(String.class).single())
        .isEqualTo("FULL");
    assertThat(jdbc.sql("select s.kind from yishi_proxy_step s join yishi_proxy_request r on r.id = s.request_id where r.request_no = ? order by s.id")
        .param(requestNo).query(String.class).list()).as("the refused check stored nothing").containsExactly("DOCUMENTS", "HAND_OVER");

    assertThat(BrowserSuite.node(SCRIPT, "rate", base, statusPath)).contains("RATED_OK");
    assertThat(status(requestNo)).isEqualTo("DONE");
    assertThat(jdbc.sql("select g.rating from yishi_proxy_rating g join yishi_proxy_request r on r.id = g.request_id where r.request_no = ?")
        .param(requestNo).query(Integer.class).list()).containsExactly(5);
  }
}
