package cn.yishi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.support.PostgresSuite;
import cn.yishi.support.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same scenarios as {@link PlatformH2Test}, on a real PostgreSQL server with the production
 * profile: the admin comes from configuration, demo users are switched on explicitly.
 */
@PostgresSuite
class PlatformPostgresIT extends PlatformScenarios {
  static final String ADMIN = PostgresTestDatabase.ADMIN;
  static final String ADMIN_PASSWORD = PostgresTestDatabase.ADMIN_PASSWORD;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry, "yishi_it_platform");
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> "3025");
    registry.add("yishi.mail.outbox.poll-interval", () -> "PT1H");
  }

  @Override
  String adminUser() {
    return ADMIN;
  }

  @Override
  String adminPassword() {
    return ADMIN_PASSWORD;
  }

  @Autowired DatabaseMaintenanceCheck maintenance;

  @Test
  void readsWhetherThePostgresServerRunsAutovacuum() {
    // the operator is warned at start when it is off (this machine's CI server runs without it)
    String setting = jdbc.sql("select setting from pg_settings where name = 'autovacuum'").query(String.class).single();
    assertThat(maintenance.autovacuum()).contains("on".equals(setting));
  }
}
