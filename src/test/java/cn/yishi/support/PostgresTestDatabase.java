package cn.yishi.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server of the integration suite. Connects to 127.0.0.1:5432 as postgres by
 * default (override with YISHI_IT_DB_HOST, YISHI_IT_DB_PORT, YISHI_IT_DB_USER, YISHI_IT_DB_PASSWORD),
 * and creates a fresh database for each suite (named {@code yishi_it_*}). When CI=true and the server
 * cannot be reached, the suite fails loudly; elsewhere it is skipped with a visible reason.
 *
 * <p>The suite shares its server with other programs: each application context gets a pool of
 * {@value #POOL_SIZE} connections, each test class closes its context ({@link PostgresSuite}), and
 * {@link ConnectionBudget} fails a class whose connections peak above the suite's budget.
 */
public final class PostgresTestDatabase {
  private static final String HOST = env("YISHI_IT_DB_HOST", "127.0.0.1");
  private static final String PORT = env("YISHI_IT_DB_PORT", "5432");
  public static final String USER = env("YISHI_IT_DB_USER", "postgres");
  public static final String PASSWORD = env("YISHI_IT_DB_PASSWORD", "");
  /** The operator of the suites (the postgres profile refuses the demo admin). */
  public static final String ADMIN = "it.admin";
  public static final String ADMIN_PASSWORD = "It-Admin-2026!x";
  /** The connection pool of one application context in the suite. */
  public static final int POOL_SIZE = 8;
  /** application_name of the suite's own connections outside the pools (creating databases, sampling). */
  static final String APPLICATION_NAME = "yishi-it";

  private PostgresTestDatabase() {}

  /**
   * A fresh database {@code name} for a suite on the postgres profile, with the suite's operator and
   * the demo users (password "demo") switched on explicitly.
   */
  public static void register(org.springframework.test.context.DynamicPropertyRegistry registry, String name) {
    properties(fresh(name)).forEach((key, value) -> registry.add(key, () -> value));
  }

  /**
   * {@link #register} for a suite that drives time itself: the job executor off (timers are executed by the test) and
   * the mail outbox polled only hourly.
   */
  public static void registerWithoutJobs(org.springframework.test.context.DynamicPropertyRegistry registry, String name) {
    register(registry, name);
    registry.add("yishi.mail.outbox.poll-interval", () -> "PT1H");
    registry.add("camunda.bpm.job-execution.enabled", () -> "false");
  }

  /**
   * The properties of an application on the database at {@code url}: the connection with the suite's
   * pool size, the suite's operator and the demo users.
   */
  public static Map<String, Object> properties(String url) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("spring.datasource.url", url);
    p.put("spring.datasource.username", USER);
    p.put("spring.datasource.password", PASSWORD);
    p.put("spring.datasource.hikari.maximum-pool-size", POOL_SIZE);
    p.put("yishi.admin.id", ADMIN);
    p.put("yishi.admin.password", ADMIN_PASSWORD);
    p.put("yishi.demo-users.enabled", "true");
    return p;
  }

  /** Drops and creates {@code name}, returning its JDBC URL. */
  public static String fresh(String name) {
    try (Connection c = connectToServer(); Statement s = c.createStatement()) {
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

  /** A connection to the server's postgres database, named {@value #APPLICATION_NAME} in pg_stat_activity. */
  static Connection connectToServer() throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", USER);
    p.setProperty("password", PASSWORD);
    p.setProperty("ApplicationName", APPLICATION_NAME);
    return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", p);
  }

  private static String env(String key, String fallback) {
    String v = System.getenv(key);
    return v == null || v.isBlank() ? fallback : v;
  }
}
