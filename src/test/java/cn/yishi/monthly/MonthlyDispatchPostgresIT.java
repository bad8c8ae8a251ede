package cn.yishi.monthly;

import cn.yishi.support.PostgresSuite;
import cn.yishi.support.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** 月调度 on a real PostgreSQL server with the production profile: the report's SQL on both databases. */
@PostgresSuite
class MonthlyDispatchPostgresIT extends MonthlyDispatchScenarios {
  private static final String ADMIN = PostgresTestDatabase.ADMIN;
  private static final String ADMIN_PASSWORD = PostgresTestDatabase.ADMIN_PASSWORD;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry, "yishi_it_monthly");
    // the running month is shared for a minute in production; these tests change the data between calls
    registry.add("yishi.monthly.current-ttl", () -> "PT0S");
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
