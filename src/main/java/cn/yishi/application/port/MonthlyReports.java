package cn.yishi.application.port;

import cn.yishi.domain.supervision.BoardRules;
import cn.yishi.domain.supervision.MonthlyFigures;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Stored monthly dispatch reports (月调度): one per month, DRAFT until approved, with their figures, red and
 * black board, reviews and, once approved, the monthly publication (一月一公示).
 */
public interface MonthlyReports {
  String DRAFT = "DRAFT";
  String APPROVED = "APPROVED";

  record Header(long id, String period, String status, int revision, LocalDate asOf, OffsetDateTime from,
      OffsetDateTime to, OffsetDateTime computedAt, String computedBy, String processInstanceId, String reviewComment,
      String reviewedBy, OffsetDateTime reviewedAt, String approvedBy, OffsetDateTime approvedAt) {}

  /** One row of figures: scope UNIT, COMMUNITY or TOTAL and the code ('-': no unit, '*': the total). */
  record Row(String scope, String code, MonthlyFigures figures) {}

  record Review(int revision, boolean approved, String comment, String reviewedBy, OffsetDateTime reviewedAt) {}

  record Draft(String period, LocalDate asOf, OffsetDateTime from, OffsetDateTime to, OffsetDateTime computedAt,
      String computedBy, String processInstanceId, List<Row> rows, List<BoardRules.Entry> boards) {}

  /**
   * A run record (yishi_supervision_run) of kind MONTHLY: {@code checked} is the month's caseload (resolved +
   * pending), {@code overdue} the overdue cases, {@code listed} the listed items, {@code withoutContact} the units
   * without an e-mail address (they get no report).
   */
  record Run(LocalDate asOf, String period, String triggeredBy, OffsetDateTime startedAt, OffsetDateTime finishedAt,
      int checked, int overdue, int listed, int withoutContact, String processInstanceId) {}

  /** The month's report header, locked for the rest of the transaction, if there is one. */
  Optional<Header> lock(String period);

  Optional<Header> header(String period);

  List<Row> rows(long reportId);

  List<BoardRules.Entry> boards(long reportId);

  List<Review> reviews(long reportId);

  /** Stores a new DRAFT, or replaces the month's DRAFT (its figures and boards) with the next revision. */
  Header saveDraft(Draft draft);

  /** Records a review and keeps its comment on the header. */
  void recordReview(long reportId, int revision, boolean approved, String comment, String actor, OffsetDateTime now);

  /** DRAFT → APPROVED; false when the report was approved already. */
  boolean approve(long reportId, String approvedBy, OffsetDateTime now);

  void insertPublication(long reportId, List<MonthlyStatistics.PublicationCase> cases);

  /** The publication of a report, of one community or (null) all, oldest first. */
  List<MonthlyStatistics.PublicationCase> publication(long reportId, String community);

  /** The approved report of the latest month. */
  Optional<Header> latestApproved();

  void recordRun(Run run);
}
