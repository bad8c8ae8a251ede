package cn.yishi.platform;

import cn.yishi.support.PostgresSuite;
import cn.yishi.support.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link MicroGridScenarios} on PostgreSQL with the production profile: the row lock that serialises two replacements,
 * the sequence of new 院坝 codes and the insert that skips a seeded 院坝 are PostgreSQL's own statements here.
 */
@PostgresSuite
class MicroGridPostgresIT extends MicroGridScenarios {
  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry, "yishi_it_microgrid_grids");
    registry.add("yishi.mail.outbox.poll-interval", () -> "PT1H");
    registry.add("camunda.bpm.job-execution.enabled", () -> "false");
  }
}
