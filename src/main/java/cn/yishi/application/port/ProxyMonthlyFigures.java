package cn.yishi.application.port;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * 月调度's figures of 代办 per service and township (street): computed from the proxy requests of a month, and stored
 * with the month's report (V26, yishi_monthly_proxy_row).
 */
public interface ProxyMonthlyFigures {
  /**
   * One service in one township in month M: {@code received} requests made in M; {@code doneInTime} closed (办结) in M
   * no later than their time limit; {@code overdue} whose time limit passed in M before they were closed (counted
   * once, in that month); {@code rated} ratings given in M and their sum.
   */
  record Row(String serviceCode, String serviceName, String street, int received, int doneInTime, int overdue, int rated,
      int ratingSum) {
    public Double averageRating() {
      return rated == 0 ? null : (double) ratingSum / rated;
    }
  }

  /** The month [from, to) as of {@code cutoff} (the end of the month, or now for the running month). */
  List<Row> compute(OffsetDateTime from, OffsetDateTime to, OffsetDateTime cutoff);

  /** Replaces the report's rows. */
  void save(long reportId, List<Row> rows);

  List<Row> stored(long reportId);
}
