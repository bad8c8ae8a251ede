package cn.yishi.lifecycle;

import cn.yishi.support.PostgresTestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole lifecycle on a real PostgreSQL server with the production profile. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
class LifecyclePostgresIT extends LifecycleScenarios {
  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    String url = PostgresTestDatabase.fresh("yishi_it_lifecycle");
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> PostgresTestDatabase.USER);
    registry.add("spring.datasource.password", () -> PostgresTestDatabase.PASSWORD);
    registry.add("yishi.admin.id", () -> "it.admin");
    registry.add("yishi.admin.password", () -> "It-Admin-2026!x");
    registry.add("yishi.demo-users.enabled", () -> "true");
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> "3025");
    registry.add("yishi.mail.outbox.poll-interval", () -> "PT1H");
    registry.add("camunda.bpm.job-execution.enabled", () -> "false");
  }
}
