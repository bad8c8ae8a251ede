package cn.yishi.supervision;

import cn.yishi.support.PostgresTestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** 旬跟进 on a real PostgreSQL server with the production profile, two concurrent sweeps included. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
class SupervisionPostgresIT extends SupervisionScenarios {
  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    String url = PostgresTestDatabase.fresh("yishi_it_supervision");
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> PostgresTestDatabase.USER);
    registry.add("spring.datasource.password", () -> PostgresTestDatabase.PASSWORD);
    registry.add("yishi.admin.id", () -> "it.admin");
    registry.add("yishi.admin.password", () -> "It-Admin-2026!x");
    registry.add("yishi.demo-users.enabled", () -> "true");
    registry.add("yishi.directory.location", () -> "classpath:directory/supervision-test.yaml");
    registry.add("yishi.mail.outbox.poll-interval", () -> "PT1H");
    registry.add("camunda.bpm.job-execution.enabled", () -> "false");
  }

  @Override
  String admin() {
    return "it.admin";
  }

  @Override
  String adminPassword() {
    return "It-Admin-2026!x";
  }
}
