package cn.yishi.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Warns the operator at start when PostgreSQL runs without autovacuum. Without it the statistics of the engine's
 * tables stay those of the day they were last analysed, and PostgreSQL plans the engine's queries as for nearly empty
 * tables: on the city-scale benchmark a task's variables were read by scanning every variable of every execution
 * (394 ms instead of 0.1 ms) and process starts fell from 58/s to 23/s (README, "City scale").
 */
@Component
class DatabaseMaintenanceCheck {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseMaintenanceCheck.class);
  private final DataSource dataSource;

  DatabaseMaintenanceCheck(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @EventListener(ApplicationReadyEvent.class)
  void warnWithoutAutovacuum() {
    if (autovacuum().filter(on -> !on).isPresent()) {
      LOG.warn("PostgreSQL 的 autovacuum 已关闭：表的统计信息不再随数据增长更新，流程引擎的查询会按空表规划而越来越慢。"
          + "请在数据库服务器上开启 autovacuum（默认开启），或定期执行 VACUUM ANALYZE（见 README“城市规模”）。");
    }
  }

  /** PostgreSQL's autovacuum setting (true: on); empty on another database or when it cannot be read. */
  Optional<Boolean> autovacuum() {
    try (Connection c = dataSource.getConnection()) {
      if (!"PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
        return Optional.empty();
      }
      try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("show autovacuum")) {
        return r.next() ? Optional.of("on".equalsIgnoreCase(r.getString(1))) : Optional.empty();
      }
    } catch (SQLException e) {
      LOG.warn("无法读取 PostgreSQL 的 autovacuum 设置：{}", e.getMessage());
      return Optional.empty();
    }
  }
}
