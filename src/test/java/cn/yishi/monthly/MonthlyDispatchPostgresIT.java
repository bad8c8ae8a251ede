package cn.yishi.monthly;

import cn.yishi.support.PostgresTestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** 月调度 on a real PostgreSQL server with the production profile: the report's SQL on both databases. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
class MonthlyDispatchPostgresIT extends MonthlyDispatchScenarios {
  private static final String ADMIN = "it.admin";
  private static final String ADMIN_PASSWORD = "It-Admin-2026!x";

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    String url = PostgresTestDatabase.fresh("yishi_it_monthly");
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> PostgresTestDatabase.USER);
    registry.add("spring.datasource.password", () -> PostgresTestDatabase.PASSWORD);
    registry.add("yishi.admin.id", () -> ADMIN);
    registry.add("yishi.admin.password", () -> ADMIN_PASSWORD);
    registry.add("yishi.demo-users.enabled", () -> "true");
    registry.add("yishi.mail.outbox.poll-interval", () -> "PT1H");
    registry.add("yishi.board.version-ttl", () -> "PT0S");
    registry.add("camunda.bpm.job-execution.enabled", () -> "false");
  }

  @Override
  String admin() {
    return ADMIN;
  }

  @Override
  String adminPassword() {
    return ADMIN_PASSWORD;
  }
}
