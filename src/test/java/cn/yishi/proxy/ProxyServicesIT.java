package cn.yishi.proxy;

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
 * 代办事项清单 in a real browser (src/test/e2e/proxy-services.js): the dispatch centre is refused field by field, adds a
 * service with a new office, edits and retires it; a street's staff see the list read-only. Screenshots in
 * target/screenshots/proxy-services-NN-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:yishi-proxy-services-it;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "yishi.mail.outbox.poll-interval=PT1H"
})
class ProxyServicesIT {
  private static final Path SCRIPT = Path.of("src/test/e2e/proxy-services.js");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @BeforeAll
  static void browserIsThere() {
    BrowserSuite.requireBrowser();
  }

  private String node(String... args) throws IOException, InterruptedException {
    return BrowserSuite.node(420, SCRIPT, args);
  }

  @Test
  void theDispatchCentreMaintainsTheListAndAStreetReadsIt() throws Exception {
    String base = "http://localhost:" + port;
    assertThat(node("maintain", base, "独生子女奖励扶助")).contains("MAINTAIN_OK");
    assertThat(jdbc.sql("select active from yishi_proxy_service where code = 'one-child-award'").query(Boolean.class).single())
        .isFalse();
    assertThat(jdbc.sql("select time_limit_days from yishi_proxy_service where code = 'one-child-award'")
        .query(Integer.class).single()).isEqualTo(15);
    assertThat(jdbc.sql("select count(*) from yishi_proxy_service_change where service_code = 'one-child-award' and changed_by = 'dispatch'")
        .query(Integer.class).single()).isEqualTo(3);
    assertThat(node("read", base)).contains("READ_OK");
  }
}
