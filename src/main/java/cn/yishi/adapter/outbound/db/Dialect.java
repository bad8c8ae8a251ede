package cn.yishi.adapter.outbound.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/** The few statements that differ between PostgreSQL (production) and H2 (the embedded default). */
@Component
class Dialect {
  private final boolean h2;

  Dialect(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      this.h2 = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the database product name", e);
    }
  }

  String nextValue(String sequence) {
    return h2 ? "select next value for " + sequence : "select nextval('" + sequence + "')";
  }

  /**
   * An insert that does nothing when the row's unique key exists, without an error: on PostgreSQL a
   * failed insert would abort the caller's whole transaction.
   */
  String insertIfAbsent(String table, String columns, String values, String uniqueColumn, String uniqueParam) {
    return h2
        ? "insert into " + table + " (" + columns + ") select " + values
            + " where not exists (select 1 from " + table + " where " + uniqueColumn + " = " + uniqueParam + ")"
        : "insert into " + table + " (" + columns + ") values (" + values + ") on conflict (" + uniqueColumn + ") do nothing";
  }

  /** {@link #insertIfAbsent} for a unique key of several columns; {@code keyParams} in the same order. */
  String insertIfAbsent(String table, String columns, String values, java.util.List<String> keyColumns,
      java.util.List<String> keyParams) {
    if (h2) {
      StringBuilder where = new StringBuilder();
      for (int i = 0; i < keyColumns.size(); i++) {
        where.append(i == 0 ? "" : " and ").append(keyColumns.get(i)).append(" = ").append(keyParams.get(i));
      }
      return "insert into " + table + " (" + columns + ") select " + values
          + " where not exists (select 1 from " + table + " where " + where + ")";
    }
    return "insert into " + table + " (" + columns + ") values (" + values + ") on conflict ("
        + String.join(", ", keyColumns) + ") do nothing";
  }
}
