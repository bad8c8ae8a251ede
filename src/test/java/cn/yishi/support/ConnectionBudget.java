package cn.yishi.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The integration suite's share of a PostgreSQL server that other programs use too. While a test class
 * runs, a sampler counts the suite's connections every {@value #INTERVAL_MS} ms: those to its databases
 * ({@code yishi_it_*}) and its own ones outside the pools (creating databases, this sampler). After the
 * class it prints the peak, appends it to {@code target/it-connections.txt}, and fails the class when
 * the peak exceeded the budget: {@value #DEFAULT_BUDGET} connections, or the system property
 * {@code yishi.it.max-connections}. A class that leaves connections open shows up in the next class's
 * count. Without a reachable server it does nothing ({@link PostgresTestDatabase} skips or fails).
 */
public final class ConnectionBudget implements BeforeAllCallback, AfterAllCallback {
  static final int DEFAULT_BUDGET = 30;
  static final int INTERVAL_MS = 100;
  private static final String COUNT = "select count(*) from pg_stat_activity where datname like 'yishi\\_it\\_%'"
      + " or application_name = '" + PostgresTestDatabase.APPLICATION_NAME + "'";
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(ConnectionBudget.class);

  /** One class's sampler. */
  static final class Sampler implements ExtensionContext.Store.CloseableResource {
    private final Connection connection;
    private final Thread thread;
    private final AtomicInteger peak = new AtomicInteger();
    private volatile boolean running = true;

    Sampler(Connection connection, String name) {
      this.connection = connection;
      this.thread = new Thread(this::sample, "connection-budget-" + name);
      this.thread.setDaemon(true);
      this.thread.start();
    }

    private void sample() {
      try (Statement s = connection.createStatement()) {
        while (running) {
          try (ResultSet rs = s.executeQuery(COUNT)) {
            rs.next();
            peak.accumulateAndGet(rs.getInt(1), Math::max);
          }
          Thread.sleep(INTERVAL_MS);
        }
      } catch (SQLException | InterruptedException e) {
        running = false;
      }
    }

    int stop() throws InterruptedException {
      running = false;
      thread.join(5000);
      return peak.get();
    }

    @Override
    public void close() throws SQLException {
      running = false;
      connection.close();
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    Connection c;
    try {
      c = PostgresTestDatabase.connectToServer();
    } catch (SQLException unreachable) {
      return;
    }
    context.getStore(NS).put(Sampler.class, new Sampler(c, context.getRequiredTestClass().getSimpleName()));
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    Sampler sampler = context.getStore(NS).remove(Sampler.class, Sampler.class);
    if (sampler == null) {
      return;
    }
    int peak;
    try {
      peak = sampler.stop();
    } finally {
      sampler.close();
    }
    int budget = Integer.getInteger("yishi.it.max-connections", DEFAULT_BUDGET);
    String line = "PostgreSQL connections of the suite during " + context.getRequiredTestClass().getSimpleName()
        + ": peak " + peak + " (budget " + budget + ")";
    System.out.println(line);
    record(line);
    assertThat(peak).as(line).isLessThanOrEqualTo(budget);
  }

  private static void record(String line) {
    try {
      Path file = Path.of("target", "it-connections.txt");
      Files.createDirectories(file.getParent());
      Files.writeString(file, java.time.Instant.now() + " " + line + System.lineSeparator(), StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      System.err.println("Cannot write target/it-connections.txt: " + e.getMessage());
    }
  }
}
