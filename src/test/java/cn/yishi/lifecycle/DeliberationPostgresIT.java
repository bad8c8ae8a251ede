package cn.yishi.lifecycle;

import cn.yishi.support.PostgresSuite;
import cn.yishi.support.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Full deliberation on a real PostgreSQL server with the production profile: the elevator retrofit at the street's hall,
 * a month of one community (one fixed-day session, resolutions, the next session's follow-up with ratings), 50 parallel
 * ballots. The database name can be changed with {@code -Dyishi.it.deliberation-database=...}.
 */
@PostgresSuite
class DeliberationPostgresIT extends DeliberationScenarios {
  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry, System.getProperty("yishi.it.deliberation-database", "yishi_it_deliberation"));
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> "3026");
    registry.add("yishi.mail.outbox.poll-interval", () -> "PT1H");
    registry.add("camunda.bpm.job-execution.enabled", () -> "false");
  }
}
