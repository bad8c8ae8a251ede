package cn.yishi.application;

import cn.yishi.application.port.CaseRepository;
import cn.yishi.application.port.CoUnits;
import cn.yishi.application.port.Timeline;
import cn.yishi.domain.calendar.WorkingDayCalendar;
import cn.yishi.domain.casefile.CaseFile;
import cn.yishi.domain.casefile.CaseStatus;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.Reporter;
import cn.yishi.domain.casefile.TimelineAction;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.CaseReadPolicy;
import cn.yishi.domain.directory.Directory;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read models of a case: the public view (no personal data, nothing finer than the compound) and
 * the staff view (the full record and its timeline; the reporter only for those allowed to see it).
 */
@Service
public class CaseQueries {
  public static final int PUBLIC_PAGE_MAX = 200;

  private final CaseRepository repository;
  private final Timeline timeline;
  private final Catalogue catalogue;
  private final Directory directory;
  private final WorkingDayCalendar calendar;
  private final Clock clock;
  private final CaseReadPolicy policy;
  private final CoUnits coUnits;

  public CaseQueries(CaseRepository repository, Timeline timeline, Catalogue catalogue, Directory directory,
      WorkingDayCalendar calendar, Clock clock, CoUnits coUnits) {
    this.coUnits = coUnits;
    this.repository = repository;
    this.timeline = timeline;
    this.catalogue = catalogue;
    this.directory = directory;
    this.calendar = calendar;
    this.clock = clock;
    this.policy = new CaseReadPolicy(directory);
  }

  public record PublicNote(OffsetDateTime at, String action, String note) {}

  public record PublicCase(String caseNo, String category, String categoryName, String title, String community,
      String communityName, String compound, String status, String statusName, String disposal, String disposalName,
      String urgency, String tier, String responsibleUnit, String responsibleUnitName, OffsetDateTime deadline,
      String result, Integer satisfaction, int supportingReports, OffsetDateTime reportedAt, OffsetDateTime updatedAt,
      List<PublicNote> timeline) {}

  public record StaffEntry(OffsetDateTime at, String actor, String action, String actionName, String note, boolean publicNote) {}

  /**
   * The staff view. {@code deadlineNote}: {@value TaskFacts#CALENDAR_PENDING} while the deadline runs into a year
   * whose public holidays are not loaded (it counted weekends only), else null.
   */
  public record StaffCase(PublicCase record, String channel, String description, Integer householdsAffected,
      String declineReason, String processInstanceId, int overdueCount, int reworkCount, List<String> attachments,
      Reporter reporter, double[] position, List<StaffEntry> timeline, boolean deadlineProvisional, String deadlineNote) {}

  /** The public view; registered but not yet reviewed cases are not public. */
  @Transactional(readOnly = true)
  public Optional<PublicCase> publicCase(String caseNo) {
    return repository.findByCaseNo(caseNo)
        .filter(c -> c.status() != CaseStatus.REGISTERED)
        .map(c -> toPublic(c, true));
  }

  /** The record's facts without timeline or attachments, whatever its status (for staff decisions). */
  @Transactional(readOnly = true)
  public Optional<PublicCase> summary(String caseNo) {
    return repository.findByCaseNo(caseNo).map(c -> toPublic(c, false));
  }

  @Transactional(readOnly = true)
  public List<PublicCase> publicCases(String community, String status, String month) {
    List<FieldError> errors = new ArrayList<>();
    if (community != null && directory.community(community).isEmpty()) {
      errors.add(new FieldError("community", "unknown", "未知的社区：" + community));
    }
    if (status != null) {
      try {
        if (CaseStatus.valueOf(status) == CaseStatus.REGISTERED) {
          errors.add(new FieldError("status", "invalid", "待审核的诉求不公开"));
        }
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("status", "invalid", "未知的状态：" + status));
      }
    }
    if (month != null) {
      try {
        YearMonth.parse(month);
      } catch (DateTimeParseException e) {
        errors.add(new FieldError("month", "invalid", "月份格式应为 yyyy-MM"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return repository.findForPublic(community, status, month, PUBLIC_PAGE_MAX).stream()
        .map(c -> toPublic(c, false)).toList();
  }

  /**
   * What a task form shows of a case (see {@link TaskFacts}): its deadline and its last {@code entries}
   * timeline entries, notes only where public. One query; empty when there is no such case.
   */
  @Transactional(readOnly = true)
  public Optional<TaskFacts> taskFacts(String caseNo, int entries) {
    return timeline.recent(caseNo, entries).map(r -> new TaskFacts(r.deadline(), r.entries().stream()
        .map(e -> new TaskFacts.Line(e.at(), e.action().label(), e.publicNote() ? e.note() : null))
        .toList(), provisional(r.deadline())));
  }

  /**
   * Whether a deadline runs into a year (between today and the deadline) whose public holidays are not loaded, so
   * that it counted weekends only.
   */
  public boolean provisional(OffsetDateTime deadline) {
    return deadline != null && !calendar.uncoveredYears(LocalDate.now(clock.withZone(calendar.zone())),
        deadline.atZoneSameInstant(calendar.zone()).toLocalDate()).isEmpty();
  }

  /** The staff view; the reporter's details only when {@code withReporter}. */
  @Transactional(readOnly = true)
  public Optional<StaffCase> staffCase(String caseNo, boolean withReporter) {
    return repository.findByCaseNo(caseNo).map(c -> staffCase(c, withReporter, true));
  }

  /**
   * The staff view as a member of {@code groups} may read it ({@link CaseReadPolicy}): without the reporter's
   * contact or the internal notes where the role may not read them.
   *
   * @throws CaseReadDenied when the role may read nothing of this case
   */
  @Transactional(readOnly = true)
  public Optional<StaffCase> staffCaseFor(String caseNo, Collection<String> groups) {
    return repository.findByCaseNo(caseNo).map(c -> {
      Set<CaseReadPolicy.Part> parts = policy.readable(groups, facts(c));
      if (!parts.contains(CaseReadPolicy.Part.RECORD)) {
        throw new CaseReadDenied(caseNo);
      }
      return staffCase(c, parts.contains(CaseReadPolicy.Part.REPORTER_CONTACT),
          parts.contains(CaseReadPolicy.Part.INTERNAL_NOTES));
    });
  }

  private CaseReadPolicy.CaseFacts facts(CaseFile c) {
    boolean putToExperts = timeline.entries(c.id()).stream().anyMatch(e -> e.action() == TimelineAction.EXPERT_REVIEW_REQUESTED
        || e.action() == TimelineAction.EXPERT_REVIEWED);
    Set<String> co = coUnits.of(c.id()).stream().map(CoUnits.CoUnit::unit).collect(java.util.stream.Collectors.toSet());
    return new CaseReadPolicy.CaseFacts(c.community(), c.tier(), c.responsibleUnit(), putToExperts, co, c.compound(),
        c.reviewGroup());
  }

  private StaffCase staffCase(CaseFile c, boolean withReporter, boolean withInternalNotes) {
    boolean provisional = c.status().isOpen() && provisional(c.deadline());
    return new StaffCase(
        toPublic(c, false),
        c.channel().name(),
        c.description(),
        c.householdsAffected(),
        c.declineReason(),
        c.processInstanceId(),
        c.overdueCount(),
        c.reworkCount(),
        repository.attachments(c.id()),
        withReporter ? repository.findReporter(c.id()).orElse(null) : null,
        withReporter ? repository.findPosition(c.id()).orElse(null) : null,
        timeline.entries(c.id()).stream()
            .filter(e -> withInternalNotes || e.publicNote())
            .map(e -> new StaffEntry(e.at(), e.actor(), e.action().name(), e.action().label(), e.note(), e.publicNote()))
            .toList(),
        provisional,
        provisional ? TaskFacts.CALENDAR_PENDING : null);
  }

  private PublicCase toPublic(CaseFile c, boolean withTimeline) {
    List<PublicNote> notes = withTimeline
        ? timeline.entries(c.id()).stream().filter(Timeline.Entry::publicNote)
            .map(e -> new PublicNote(e.at(), e.action().label(), e.note())).toList()
        : List.of();
    return new PublicCase(
        c.caseNo(),
        c.category(),
        catalogue.find(c.category()).map(Catalogue.Category::name).orElse(c.category()),
        c.title(),
        c.community(),
        directory.community(c.community()).map(Directory.Community::name).orElse(c.community()),
        directory.compoundName(c.community(), c.compound()),
        c.status().name(),
        c.status().label(),
        c.disposal() == null ? null : c.disposal().name(),
        c.disposal() == null ? null : c.disposal().label(),
        c.urgency() == null ? null : c.urgency().name(),
        c.tier() == null ? null : c.tier().name(),
        c.responsibleUnit(),
        c.responsibleUnit() == null ? null : directory.unit(c.responsibleUnit()).map(Directory.Unit::name).orElse(null),
        c.deadline(),
        c.status() == CaseStatus.DECLINED ? c.declineReason() : c.resultNote(),
        c.satisfaction(),
        c.supportingCount(),
        c.createdAt(),
        c.updatedAt(),
        notes);
  }
}
