package cn.yishi.observers;

import cn.yishi.support.PostgresSuite;
import cn.yishi.support.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ObserversScenarios} on a real PostgreSQL server (V22, the reporter's position, the engine's variable tables). */
@PostgresSuite
class ObserversPostgresIT extends ObserversScenarios {
  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry, "yishi_it_observers");
    registry.add("yishi.mail.outbox.poll-interval", () -> "PT1H");
    registry.add("camunda.bpm.job-execution.enabled", () -> "false");
    registry.add("yishi.public-report.max-per-window", () -> "3");
    registry.add("yishi.photos.max-bytes", () -> "200000");
    registry.add("yishi.photos.max-request-bytes", () -> "700000");
  }
}
