package cn.yishi.application;

import cn.yishi.application.port.PublicCaseRecords;
import cn.yishi.domain.casefile.CaseStatus;
import cn.yishi.domain.casefile.TimelineAction;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases as service requests for other systems (Open311 GeoReport v2): public cases only, each either
 * open or closed, with its public timeline in words. Cases awaiting review are never returned.
 */
@Service
public class ServiceRequestQueries {
  /** Closed: declined or 销号. */
  static final Set<CaseStatus> CLOSED_STATUSES = Set.copyOf(EnumSet.of(CaseStatus.DECLINED, CaseStatus.CLOSED));
  /** Open: every other public status. */
  static final Set<CaseStatus> OPEN_STATUSES = PublicCaseRecords.PUBLIC_STATUSES.stream()
      .filter(s -> !CLOSED_STATUSES.contains(s)).collect(Collectors.toUnmodifiableSet());

  private final PublicCaseRecords records;

  public ServiceRequestQueries(PublicCaseRecords records) {
    this.records = records;
  }

  /** Open or closed, as other systems see a case. */
  public enum State {
    OPEN, CLOSED;

    static State of(String status) {
      return CLOSED_STATUSES.stream().anyMatch(s -> s.name().equals(status)) ? CLOSED : OPEN;
    }

    Set<CaseStatus> statuses() {
      return this == CLOSED ? CLOSED_STATUSES : OPEN_STATUSES;
    }
  }

  /** A public timeline entry: when, and what the public reads (the action in words and its note). */
  public record Note(OffsetDateTime at, String description) {}

  /**
   * A public case, its state and its public timeline, oldest first. A request awaiting review ({@code pending}) has
   * only its number, the state open and the note {@value CaseTracking#PENDING_NAME}: {@code record} is null.
   */
  public record Request(PublicCaseRecords.Case record, State state, List<Note> notes, boolean pending, String caseNo) {
    Request(PublicCaseRecords.Case record, State state, List<Note> notes) {
      this(record, state, notes, false, record.caseNo());
    }

    static Request awaitingReview(String caseNo) {
      return new Request(null, State.OPEN, List.of(new Note(null, CaseTracking.PENDING_NAME)), true, caseNo);
    }
  }

  /**
   * Which requests to list: with case numbers, only they (and the community) count; otherwise the states
   * (none: nothing), the creation time between {@code from} and {@code to}, and the community and
   * categories when given.
   */
  public record Search(List<String> caseNos, String community, List<String> categories, Set<State> states,
      OffsetDateTime from, OffsetDateTime to, int limit, long offset) {}

  /** A page of public cases, newest first. */
  @Transactional(readOnly = true)
  public List<Request> find(Search s) {
    Set<CaseStatus> statuses = EnumSet.noneOf(CaseStatus.class);
    s.states().forEach(state -> statuses.addAll(state.statuses()));
    return records.find(new PublicCaseRecords.Criteria(s.caseNos(), s.community(), s.categories(), statuses,
        s.from(), s.to(), s.limit(), s.offset())).stream().map(ServiceRequestQueries::request).toList();
  }

  /**
   * One case by its number: a public one with its public fields, one awaiting review as {@link Request#awaitingReview}
   * (so that the system that just sent it can read it back, and nobody reads its content before review).
   */
  @Transactional(readOnly = true)
  public Optional<Request> one(String caseNo) {
    Optional<Request> found = records.find(caseNo).map(ServiceRequestQueries::request);
    if (found.isEmpty() && records.exists(caseNo)) {
      return Optional.of(Request.awaitingReview(caseNo));
    }
    return found;
  }

  /** Whether a case exists at all (for tokens, which only name the case their holder created). */
  @Transactional(readOnly = true)
  public boolean exists(String caseNo) {
    return records.exists(caseNo);
  }

  private static Request request(PublicCaseRecords.Found f) {
    return new Request(f.record(), State.of(f.record().status()),
        f.timeline().stream().map(e -> new Note(e.at(), describe(e.action(), e.note()))).toList());
  }

  /** The action's Chinese name (its code when unknown), and the note after it when there is one. */
  static String describe(String action, String note) {
    String label;
    try {
      label = TimelineAction.valueOf(action).label();
    } catch (IllegalArgumentException e) {
      label = action;
    }
    if (note == null || note.isBlank()) {
      return label;
    }
    return label + (label.contains("：") ? "，" : "：") + note;
  }
}
