package cn.yishi.application.deliberation;

import cn.yishi.application.DeliberationProperties;
import cn.yishi.application.port.Meetings;
import cn.yishi.domain.calendar.WorkingDayCalendar;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.TimelineAction;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.deliberation.MeetingRules;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 张榜公示: the plan goes onto the public board behind an unguessable token for a feedback window of working
 * days; residents object without login; afterwards the chair reconvenes the meeting or confirms the
 * resolution, with a reason.
 */
@Service
public class ResolutionPublicity {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Meetings meetings;
  private final Deliberations deliberations;
  private final DeliberationProperties properties;
  private final WorkingDayCalendar calendar;

  public ResolutionPublicity(Meetings meetings, Deliberations deliberations, DeliberationProperties properties,
      WorkingDayCalendar calendar) {
    this.meetings = meetings;
    this.deliberations = deliberations;
    this.properties = properties;
    this.calendar = calendar;
  }

  public record Publicity(String token, OffsetDateTime endsAt) {}

  /** 张榜公示: the plan goes onto the public board with a feedback window of working days. */
  @Transactional
  public Publicity startPublicity(long meetingId) {
    Meetings.Meeting m = deliberations.meeting(meetingId);
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    LocalDate last = calendar.plusWorkingDays(deliberations.today(), properties.publicityDays());
    OffsetDateTime endsAt = last.atTime(calendar.endOfDay()).atZone(calendar.zone()).toOffsetDateTime();
    meetings.startPublicity(meetingId, token, deliberations.now(), endsAt);
    deliberations.noteOnCase(m.caseId(), "system", TimelineAction.PUBLICITY_STARTED,
        "议事决议张榜公示，" + properties.publicityDays() + " 个工作日内（至 " + last + "）可提出意见");
    return new Publicity(token, endsAt);
  }

  /** An objection from a resident during the publicity window (no login, no personal data asked). */
  @Transactional
  public void object(String token, String content) {
    Meetings.Meeting m = meetings.findByPublicityToken(token == null ? "" : token)
        .orElseThrow(() -> new ValidationException(List.of(new FieldError("token", "unknown", "公示不存在"))));
    String c = deliberations.rules().objection(m.publicityEndsAt(), deliberations.now(), content);
    meetings.insertObjection(m.id(), c, deliberations.now());
  }

  /** The objections' texts for the chair (staff only: residents may have written about themselves). */
  @Transactional(readOnly = true)
  public List<Meetings.Objection> objectionTexts(long meetingId) {
    deliberations.meeting(meetingId);
    return meetings.objections(meetingId);
  }

  /** How many objections the latest publicity received. */
  @Transactional(readOnly = true)
  public int objections(long meetingId) {
    return meetings.countObjections(meetingId);
  }

  /** With objections the chair reconvenes or confirms, with a reason; returns true to reconvene. */
  @Transactional
  public boolean decideObjections(long meetingId, String decision, String reason, String actor) {
    Meetings.Meeting m = deliberations.meeting(meetingId);
    MeetingRules.ObjectionDecision d = deliberations.rules().objectionDecision(decision, reason);
    deliberations.noteOnCase(m.caseId(), actor, TimelineAction.OBJECTIONS_DECIDED, "公示期收到异议 "
        + meetings.countObjections(meetingId) + " 条，" + (d.reconvene() ? "重新议事：" : "维持决议：") + d.reason());
    return d.reconvene();
  }
}
