package cn.yishi.photos;

import cn.yishi.support.PostgresSuite;
import cn.yishi.support.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link CasePhotosScenarios} on a real PostgreSQL server (bytea, the case row locked while photos are counted). */
@PostgresSuite
class CasePhotosPostgresIT extends CasePhotosScenarios {
  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry, "yishi_it_photos_cases");
    registry.add("yishi.mail.outbox.poll-interval", () -> "PT1H");
    registry.add("camunda.bpm.job-execution.enabled", () -> "false");
    registry.add("yishi.public-report.max-per-window", () -> "1000");
    registry.add("yishi.photos.max-bytes", () -> "200000");
    registry.add("yishi.photos.max-per-case", () -> "3");
    registry.add("yishi.photos.max-request-bytes", () -> "700000");
  }
}
