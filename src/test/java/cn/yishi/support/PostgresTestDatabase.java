package cn.yishi.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server of the integration suite. Connects to 127.0.0.1:5432 as postgres by
 * default (override with YISHI_IT_DB_HOST, YISHI_IT_DB_PORT, YISHI_IT_DB_USER, YISHI_IT_DB_PASSWORD),
 * and creates a fresh database for each suite. When CI=true and the server cannot be reached, the
 * suite fails loudly; elsewhere it is skipped with a visible reason.
 */
public final class PostgresTestDatabase {
  private static final String HOST = env("YISHI_IT_DB_HOST", "127.0.0.1");
  private static final String PORT = env("YISHI_IT_DB_PORT", "5432");
  public static final String USER = env("YISHI_IT_DB_USER", "postgres");
  public static final String PASSWORD = env("YISHI_IT_DB_PASSWORD", "");
  /** The operator of the suites (the postgres profile refuses the demo admin). */
  public static final String ADMIN = "it.admin";
  public static final String ADMIN_PASSWORD = "It-Admin-2026!x";

  private PostgresTestDatabase() {}

  /**
   * A fresh database {@code name} for a suite on the postgres profile, with the suite's operator and
   * the demo users (password "demo") switched on explicitly.
   */
  public static void register(org.springframework.test.context.DynamicPropertyRegistry registry, String name) {
    String url = fresh(name);
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> USER);
    registry.add("spring.datasource.password", () -> PASSWORD);
    registry.add("yishi.admin.id", () -> ADMIN);
    registry.add("yishi.admin.password", () -> ADMIN_PASSWORD);
    registry.add("yishi.demo-users.enabled", () -> "true");
  }

  /** Drops and creates {@code name}, returning its JDBC URL. */
  public static String fresh(String name) {
    String admin = "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres";
    try (Connection c = DriverManager.getConnection(admin, USER, PASSWORD); Statement s = c.createStatement()) {
      s.execute("drop database if exists " + name + " with (force)");
      s.execute("create database " + name + " encoding 'UTF8'");
    } catch (SQLException e) {
      String why = "PostgreSQL is not reachable at " + HOST + ":" + PORT + " as " + USER + ": " + e.getMessage();
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException("CI=true and the PostgreSQL integration suite cannot run. " + why, e);
      }
      System.err.println("SKIPPING the PostgreSQL integration suite: " + why);
      Assumptions.abort(why);
    }
    return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name;
  }

  private static String env(String key, String fallback) {
    String v = System.getenv(key);
    return v == null || v.isBlank() ? fallback : v;
  }
}
