package cn.yishi.application;

import cn.yishi.application.port.CaseRepository;
import cn.yishi.application.port.Deadlines;
import cn.yishi.application.port.Timeline;
import cn.yishi.domain.calendar.WorkingDayCalendar;
import cn.yishi.domain.casefile.CaseFile;
import cn.yishi.domain.casefile.TimelineAction;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.directory.TierRouting;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What every use case shares: loading a case, changing it, saving it with a timeline entry, and
 * routing it. One place, so the services stay short.
 *
 * <p>Every new deadline of a case is set through {@link #change}, which records when it was counted from (so that
 * it can be counted anew when a year's public holidays are loaded) and, when it runs into a year whose holidays
 * are not loaded yet, says so in the timeline (节假日安排未发布，按周末计算).
 */
@Component
public class Cases {
  private final CaseRepository repository;
  private final Timeline timeline;
  private final Clock clock;
  private final WorkingDayCalendar calendar;
  private final TierRouting routing;
  private final Deadlines deadlines;

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINA);

  public Cases(CaseRepository repository, Timeline timeline, Clock clock, WorkingDayCalendar calendar, Directory directory,
      Deadlines deadlines) {
    this.repository = repository;
    this.timeline = timeline;
    this.deadlines = deadlines;
    this.clock = clock;
    this.calendar = calendar;
    this.routing = new TierRouting(directory);
  }

  public CaseFile load(String caseNo) {
    return repository.findByCaseNo(caseNo).orElseThrow(() -> new CaseNotFound(caseNo));
  }

  public CaseFile loadById(long id) {
    return repository.findById(id).orElseThrow(() -> new CaseNotFound("#" + id));
  }

  public OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  /** A deadline {@code days} working days from now, at the end of that working day. */
  public OffsetDateTime deadlineIn(int days) {
    return deadlineAt(now(), days);
  }

  /** A deadline {@code days} working days after {@code from}, at the end of that working day. */
  public OffsetDateTime deadlineAt(OffsetDateTime from, int days) {
    return calendar.deadline(from, days);
  }

  /** Applies a change, saves the case and appends one timeline entry, in the caller's transaction. */
  public CaseFile change(String caseNo, String actor, TimelineAction action, String note, boolean publicNote, Consumer<CaseFile> change) {
    CaseFile c = load(caseNo);
    OffsetDateTime before = c.deadline();
    change.accept(c);
    OffsetDateTime now = now();
    repository.save(c, now);
    timeline.append(c.id(), now, actor, action, note, publicNote);
    if (c.deadline() != null && !c.deadline().equals(before)) {
      deadlineCounted(c, actor, now);
    }
    return c;
  }

  /** A new deadline was counted from now: remember from when, and flag it when it counted weekends only. */
  private void deadlineCounted(CaseFile c, String actor, OffsetDateTime now) {
    deadlines.counted(c.id(), now);
    LocalDate due = c.deadline().atZoneSameInstant(calendar.zone()).toLocalDate();
    List<Integer> missing = calendar.uncoveredYears(now.atZoneSameInstant(calendar.zone()).toLocalDate(), due);
    if (!missing.isEmpty()) {
      String years = missing.stream().map(String::valueOf).collect(Collectors.joining("、"));
      timeline.append(c.id(), now, actor, TimelineAction.CALENDAR_PENDING, "办理期限" + DAY.format(due) + "跨入" + years
          + "年，该年的节假日安排（国务院办公厅通知）尚未录入，暂按周末计算，不含法定节假日和调休；录入后将自动重新计算。", false);
    }
  }

  /**
   * The working-day calendar changed: the case's deadline counted anew, with a public timeline entry saying so (also
   * when the deadline stays). The deadline keeps the moment it was counted from.
   */
  public CaseFile recountDeadline(long caseId, OffsetDateTime recounted, String actor, String note) {
    CaseFile c = loadById(caseId);
    c.recountDeadline(recounted);
    OffsetDateTime now = now();
    repository.save(c, now);
    timeline.append(c.id(), now, actor, TimelineAction.DEADLINE_RECOUNTED, note, true);
    return c;
  }

  public void note(CaseFile c, String actor, TimelineAction action, String note, boolean publicNote) {
    note(c.id(), actor, action, note, publicNote);
  }

  public void note(long caseId, String actor, TimelineAction action, String note, boolean publicNote) {
    timeline.append(caseId, now(), actor, action, note, publicNote);
  }

  /** Handler and supervisor groups, deadline and task priority of the case as it stands. */
  public Routing routing(CaseFile c, boolean escalated) {
    return new Routing(
        routing.handlerGroups(c.community(), c.tier(), c.compound(), c.responsibleUnit(), escalated),
        routing.supervisorGroups(c.community(), c.tier()),
        c.deadline(),
        c.urgency() == null ? 50 : c.urgency().taskPriority(),
        c.tier() == null ? null : c.tier().name(),
        c.disposal() == null ? null : c.disposal().name(),
        c.responsibleUnit());
  }
}
