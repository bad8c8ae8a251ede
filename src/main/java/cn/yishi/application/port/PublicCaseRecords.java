package cn.yishi.application.port;

import cn.yishi.domain.casefile.CaseStatus;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The public part of the case record, read-only: the public columns of a case (never the reporter, the
 * description, the attachments or the position) and its public timeline entries. A case awaiting review
 * (REGISTERED) is not public: no method but {@link #exists} ever returns or counts one.
 */
public interface PublicCaseRecords {
  /** Every status but REGISTERED (awaiting review). */
  Set<CaseStatus> PUBLIC_STATUSES = Set.copyOf(EnumSet.complementOf(EnumSet.of(CaseStatus.REGISTERED)));

  /** The public columns of one case; codes as stored. */
  record Case(long id, String caseNo, String channel, String category, String title, String community, String compound,
      String status, String urgency, String tier, String disposal, String responsibleUnit, OffsetDateTime deadline,
      OffsetDateTime createdAt, OffsetDateTime updatedAt) {}

  /** A public timeline entry: when, the action's code and its note (null when none). */
  record Entry(OffsetDateTime at, String action, String note) {}

  /** A case with its public timeline, oldest entry first. */
  record Found(Case record, List<Entry> timeline) {}

  /**
   * Which cases to list. With case numbers, only they (and the community) count; otherwise the statuses
   * (public ones only; none matches nothing), the creation time between {@code from} and {@code to}
   * (inclusive), and the community and categories when given (null or empty: any).
   */
  record Criteria(List<String> caseNos, String community, List<String> categories, Set<CaseStatus> statuses,
      OffsetDateTime from, OffsetDateTime to, int limit, long offset) {
    public Criteria {
      caseNos = List.copyOf(caseNos);
      categories = List.copyOf(categories);
      statuses = Set.copyOf(statuses);
    }
  }

  /** A page of public cases, newest first (by creation time, then id), each with its public timeline. */
  List<Found> find(Criteria criteria);

  /** One public case with its public timeline. */
  Optional<Found> find(String caseNo);

  /** Whether a case of that number exists at all, whatever its status. */
  boolean exists(String caseNo);
}
