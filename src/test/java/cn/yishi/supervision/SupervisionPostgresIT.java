package cn.yishi.supervision;

import cn.yishi.support.PostgresSuite;
import cn.yishi.support.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** 旬跟进 on a real PostgreSQL server with the production profile, two concurrent sweeps included. */
@PostgresSuite
class SupervisionPostgresIT extends SupervisionScenarios {
  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry, "yishi_it_supervision");
    registry.add("yishi.directory.location", () -> "classpath:directory/supervision-test.yaml");
    registry.add("yishi.deliberation.register-files", () -> "");
    registry.add("yishi.mail.outbox.poll-interval", () -> "PT1H");
    registry.add("camunda.bpm.job-execution.enabled", () -> "false");
  }

  @Override
  String admin() {
    return PostgresTestDatabase.ADMIN;
  }

  @Override
  String adminPassword() {
    return PostgresTestDatabase.ADMIN_PASSWORD;
  }
}
