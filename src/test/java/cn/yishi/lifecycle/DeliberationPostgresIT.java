package cn.yishi.lifecycle;

import cn.yishi.support.PostgresSuite;
import cn.yishi.support.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Full deliberation (elevator retrofit, 50 parallel ballots) on a real PostgreSQL server with the production profile. */
@PostgresSuite
class DeliberationPostgresIT extends DeliberationScenarios {
  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry, "yishi_it_deliberation");
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> "3026");
    registry.add("yishi.mail.outbox.poll-interval", () -> "PT1H");
    registry.add("camunda.bpm.job-execution.enabled", () -> "false");
  }
}
