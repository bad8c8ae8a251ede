package cn.yishi.adapter.outbound.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The points ledger is append-only: no statement of the application updates or deletes a ledger entry or a
 * redemption (a mistake is corrected by a counter-entry), and only the two conditional updates change a balance
 * or a stock. A scan of the main sources and migrations after V18.
 */
class PointsLedgerAppendOnlyTest {
  @Test
  void noStatementChangesOrRemovesALedgerEntry() throws Exception {
    try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")), Files.walk(Path.of("src/main/resources/db")))) {
      files.filter(Files::isRegularFile).forEach(f -> {
        String text;
        try {
          text = Files.readString(f).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        for (String table : new String[] {"yishi_points_entry", "yishi_points_redemption"}) {
          assertThat(text).as(f.toString()).doesNotContain("update " + table).doesNotContain("delete from " + table);
        }
      });
    }
    String store = Files.readString(Path.of("src/main/java/cn/yishi/adapter/outbound/db/JdbcPointsStore.java"));
    assertThat(store).contains("set balance = balance + ? where id = ? and balance + ? >= 0")
        .contains("set stock = stock - ? where id = ? and active = true and stock >= ?")
        .contains("for update");
  }
}
