package cn.yishi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The whole application on an in-memory H2 database, as the embedded profile runs it. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:yishi-platform-test;DB_CLOSE_DELAY=-1",
      "spring.mail.host=127.0.0.1",
      "spring.mail.port=3025",
      "yishi.mail.outbox.poll-interval=PT1H"
    })
class PlatformH2Test extends PlatformScenarios {
  @Override
  String adminUser() {
    return "demo";
  }

  @Override
  String adminPassword() {
    return "demo";
  }

  @Autowired DatabaseMaintenanceCheck maintenance;

  @Test
  void hasNoAutovacuumToCheckOnH2() {
    assertThat(maintenance.autovacuum()).isEmpty();
  }
}
