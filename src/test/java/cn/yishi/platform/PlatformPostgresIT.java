package cn.yishi.platform;

import cn.yishi.support.PostgresTestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same scenarios as {@link PlatformH2Test}, on a real PostgreSQL server with the production
 * profile: the admin comes from configuration, demo users are switched on explicitly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
class PlatformPostgresIT extends PlatformScenarios {
  static final String ADMIN = "it.admin";
  static final String ADMIN_PASSWORD = "It-Admin-2026!x";

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    String url = PostgresTestDatabase.fresh("yishi_it_platform");
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> PostgresTestDatabase.USER);
    registry.add("spring.datasource.password", () -> PostgresTestDatabase.PASSWORD);
    registry.add("yishi.admin.id", () -> ADMIN);
    registry.add("yishi.admin.password", () -> ADMIN_PASSWORD);
    registry.add("yishi.demo-users.enabled", () -> "true");
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
}
