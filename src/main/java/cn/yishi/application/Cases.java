package cn.yishi.application;

import cn.yishi.application.port.CaseRepository;
import cn.yishi.application.port.Timeline;
import cn.yishi.domain.calendar.WorkingDayCalendar;
import cn.yishi.domain.casefile.CaseFile;
import cn.yishi.domain.casefile.TimelineAction;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.directory.TierRouting;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * What every use case shares: loading a case, changing it, saving it with a timeline entry, and
 * routing it. One place, so the services stay short.
 */
@Component
public class Cases {
  private final CaseRepository repository;
  private final Timeline timeline;
  private final Clock clock;
  private final WorkingDayCalendar calendar;
  private final TierRouting routing;

  public Cases(CaseRepository repository, Timeline timeline, Clock clock, WorkingDayCalendar calendar, Directory directory) {
    this.repository = repository;
    this.timeline = timeline;
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
    change.accept(c);
    OffsetDateTime now = now();
    repository.save(c, now);
    timeline.append(c.id(), now, actor, action, note, publicNote);
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
        routing.handlerGroups(c.community(), c.tier(), c.responsibleUnit(), escalated),
        routing.supervisorGroups(c.community(), c.tier()),
        c.deadline(),
        c.urgency() == null ? 50 : c.urgency().taskPriority(),
        c.tier() == null ? null : c.tier().name(),
        c.disposal() == null ? null : c.disposal().name(),
        c.responsibleUnit());
  }
}
