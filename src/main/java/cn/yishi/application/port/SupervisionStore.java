package cn.yishi.application.port;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Supervision on a calendar: sweep runs, supervision orders (督办单) and listed supervision (挂牌督办),
 * read from the project's own indexed tables, never from process variables.
 */
public interface SupervisionStore {
  /** CASE and ITEM (决议事项) belong to a case; PROXY is a proxy request (代办, no case: case_id is null). */
  enum ItemType { CASE, ITEM, PROXY }

  /**
   * An open item with a responsible unit and a deadline: a case, or a deliberation's resolution item
   * (决议事项) of a case.
   */
  record OpenItem(ItemType type, long id, long caseId, String caseNo, String title, String community, String tier,
      String unit, String measure, OffsetDateTime deadline, String processInstanceId, OffsetDateTime listedAt) {
    /** The item's key in orders and mails, e.g. CASE:42. */
    public String key() {
      return type + ":" + id;
    }
  }

  /** {@code caseId} null for a proxy request. */
  record NewOrder(ItemType type, long itemId, Long caseId, String period, String source, Long runId, String unit,
      OffsetDateTime deadline, OffsetDateTime dueAt, boolean listed, boolean contactMissing, OffsetDateTime now) {}

  record Run(long id, String kind, LocalDate asOf, String period, String triggeredBy, OffsetDateTime startedAt,
      OffsetDateTime finishedAt, int checked, int overdue, int ordered, int reminded, int listed, int withoutContact,
      String processInstanceId) {}

  record Counts(int checked, int overdue, int ordered, int reminded, int listed, int withoutContact) {}

  long startRun(String kind, LocalDate asOf, String period, String triggeredBy, String processInstanceId,
      OffsetDateTime now);

  void finishRun(long runId, Counts counts, OffsetDateTime now);

  Optional<Run> run(long id);

  Optional<Run> runOfProcess(String processInstanceId);

  /** Newest first; kind null for all kinds. */
  List<Run> runs(String kind, int limit);

  /** How many open items with a unit and a deadline there are. */
  int countOpenItems();

  /** Open items whose deadline is before {@code cutoff}, in a stable order (cases, then items, by id). */
  List<OpenItem> overdueItems(OffsetDateTime cutoff);

  /**
   * Open items not yet overdue at {@code cutoff} without a progress note (nor acceptance) since
   * {@code quietSince}: they get a reminder.
   */
  List<OpenItem> quietItems(OffsetDateTime cutoff, OffsetDateTime quietSince);

  /** Keys (see {@link OpenItem#key()}) of the items that had a sweep order in {@code period}. */
  Set<String> orderedIn(String period);

  /** Inserts the order unless the item already has one for the period; returns its id when inserted. */
  Optional<Long> insertOrder(NewOrder order);

  /** Marks an item as listed (挂牌督办) unless it already is. */
  void markListed(ItemType type, long id, OffsetDateTime now);

  /** The supervisor's answer to an order; false if it was already answered. */
  boolean completeOrder(long orderId, String actor, String comment, OffsetDateTime now);

  /** The progress note of a case moves its last-progress time (the reminder looks at it). */
  void touchCaseProgress(long caseId, OffsetDateTime now);
}
