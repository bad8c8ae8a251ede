package cn.yishi.application.supervision;

import cn.yishi.application.port.MonthlyReports;
import cn.yishi.domain.supervision.BoardRules;
import cn.yishi.domain.supervision.MonthlyFigures;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A monthly dispatch report as the staff API and the Cockpit dashboard read it: stored (DRAFT or APPROVED)
 * or computed on the fly for the running month (LIVE). The counts are defined on {@link MonthlyFigures}; {@code proxy}
 * holds the month's 代办 figures per service and township.
 */
public record MonthlyReportView(String month, String status, Integer revision, OffsetDateTime from, OffsetDateTime to,
    OffsetDateTime computedAt, String computedBy, FigureRow total, List<FigureRow> units, List<FigureRow> communities,
    List<BoardPlace> red, List<BoardPlace> black, List<ReviewEntry> reviews, String approvedBy, OffsetDateTime approvedAt,
    List<ProxyLine> proxy) {

  public static final String LIVE = "LIVE";

  /** One row of figures with its rates (null without a denominator). */
  public record FigureRow(String code, String name, int received, int respondedOnTime, int accepted, int resolved,
      int resolvedOnTime, int pending, int overdue, int reworks, int evaluations, int satisfied, int listedItems,
      int overdueItems, int rejectedResults, Double averageSatisfaction, Double responseRate, Double resolutionRate, Double satisfactionRate,
      int itemsEvaluated, Double averageItemRating, int itemsSentBack) {

    public static FigureRow of(String code, String name, MonthlyFigures f) {
      return new FigureRow(code, name, f.received(), f.respondedOnTime(), f.accepted(), f.resolved(), f.resolvedOnTime(),
          f.pending(), f.overdue(), f.reworks(), f.evaluations(), f.satisfied(), f.listedItems(), f.overdueItems(),
          f.rejectedResults(), f.averageSatisfaction(), f.responseRate(), f.resolutionRate(), f.satisfactionRate(),
          f.itemsEvaluated(), f.averageItemRating(), f.itemsSentBack());
    }
  }

  /**
   * 代办 in the month, per service and township: received, done in time, overdue, ratings and their average (1–5, null
   * without ratings); see {@link cn.yishi.application.port.ProxyMonthlyFigures.Row}.
   */
  public record ProxyLine(String serviceCode, String serviceName, String street, String streetName, int received,
      int doneInTime, int overdue, int rated, Double averageRating) {}

  public record BoardPlace(int rank, String unit, String unitName, String reason) {
    static BoardPlace of(BoardRules.Entry e) {
      return new BoardPlace(e.rank(), e.unit(), e.unitName(), e.reason());
    }
  }

  public record ReviewEntry(int revision, boolean approved, String comment, String reviewedBy, OffsetDateTime reviewedAt) {
    static ReviewEntry of(MonthlyReports.Review r) {
      return new ReviewEntry(r.revision(), r.approved(), r.comment(), r.reviewedBy(), r.reviewedAt());
    }
  }
}
