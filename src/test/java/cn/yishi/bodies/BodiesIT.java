package cn.yishi.bodies;

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
 * 议事机构 in a real browser (src/test/e2e/bodies.js): the community's secretary lists the community's stations and
 * room, is refused a fixed day out of range under the field (nothing stored), and sets the room's fixed days, place
 * and party model; a grid worker reads the Chinese refusal. Screenshots in target/screenshots/bodies-NN-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:yishi-bodies-it;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "yishi.mail.outbox.poll-interval=PT1H"
})
class BodiesIT {
  private static final Path SCRIPT = Path.of("src/test/e2e/bodies.js");

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
  void aSecretarySetsTheRoomsFixedDaysPlaceAndPartyModel() throws Exception {
    String base = "http://localhost:" + port;

    assertThat(node("bodies", base)).contains("BODIES_OK");
    assertThat(jdbc.sql("select fixed_days || '|' || party_model || '|' || place || '|' || version from yishi_body_settings where body_key = 'ROOM:hualin'")
        .query(String.class).single()).isEqualTo("5,20|URBAN_5N|华林社区二楼议事厅|1");
    assertThat(jdbc.sql("select count(*) from yishi_body_settings_change where body_key = 'ROOM:hualin' and changed_by = 'community.hualin'")
        .query(Integer.class).single()).as("one change: the refused edit stored nothing").isEqualTo(1);

    assertThat(node("refused", base)).contains("REFUSED_OK");
  }
}
