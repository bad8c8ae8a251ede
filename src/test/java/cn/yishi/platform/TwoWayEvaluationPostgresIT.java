package cn.yishi.platform;

import cn.yishi.support.PostgresSuite;
import cn.yishi.support.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link TwoWayEvaluationScenarios} on PostgreSQL: the conditional update that lets one of two simultaneous submissions
 * of a token through, and the round's row lock, are PostgreSQL's own here.
 */
@PostgresSuite
class TwoWayEvaluationPostgresIT extends TwoWayEvaluationScenarios {
  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry, "yishi_it_two_way_evaluation");
    registry.add("yishi.mail.outbox.poll-interval", () -> "PT1H");
    registry.add("camunda.bpm.job-execution.enabled", () -> "false");
  }
}
