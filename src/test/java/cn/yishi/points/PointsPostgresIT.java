package cn.yishi.points;

import cn.yishi.support.PostgresSuite;
import cn.yishi.support.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link PointsScenarios} on PostgreSQL with the production profile (database yishi_it_points): awards and their
 * approval, redemptions, corrections, and the concurrency of 50 redemptions on row locks and conditional updates.
 */
@PostgresSuite
class PointsPostgresIT extends PointsScenarios {
  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry, "yishi_it_points");
    registry.add("yishi.mail.outbox.poll-interval", () -> "PT1H");
  }
}
