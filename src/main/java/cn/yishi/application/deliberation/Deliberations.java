package cn.yishi.application.deliberation;

import cn.yishi.application.Cases;
import cn.yishi.application.port.Meetings;
import cn.yishi.domain.calendar.WorkingDayCalendar;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.TimelineAction;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.deliberation.MeetingRules;
import cn.yishi.domain.directory.Directory;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What every deliberation use case shares, as {@link Cases} does for cases: the meeting or a refusal, the
 * rules of each step, today in the calendar's zone, a note on the timeline of the meeting's case (a
 * community matter has none), the names of units and of the items' states.
 */
@Component
public class Deliberations {
  private final Meetings meetings;
  private final Cases cases;
  private final Directory directory;
  private final WorkingDayCalendar calendar;
  private final MeetingRules rules;

  public Deliberations(Meetings meetings, Cases cases, Directory directory, WorkingDayCalendar calendar) {
    this.meetings = meetings;
    this.cases = cases;
    this.directory = directory;
    this.calendar = calendar;
    this.rules = MeetingRules.of(directory);
  }

  /** The meeting, or the refusal {@code meetingId unknown}. */
  @Transactional(readOnly = true)
  public Meetings.Meeting meeting(long meetingId) {
    return meetings.findMeeting(meetingId).orElseThrow(() -> new ValidationException(
        List.of(new FieldError("meetingId", "unknown", "会议不存在"))));
  }

  public MeetingRules rules() {
    return rules;
  }

  public OffsetDateTime now() {
    return cases.now();
  }

  public LocalDate today() {
    return dateOf(cases.now());
  }

  /** The day of an instant in the calendar's zone. */
  public LocalDate dateOf(OffsetDateTime t) {
    return t.atZoneSameInstant(calendar.zone()).toLocalDate();
  }

  /** A public timeline entry on the case the meeting deliberates; nothing for a community matter (caseId null). */
  public void noteOnCase(Long caseId, String actor, TimelineAction action, String note) {
    if (caseId != null) {
      cases.note(cases.loadById(caseId), actor, action, note, true);
    }
  }

  public String unitName(String code) {
    return directory.unit(code).map(Directory.Unit::name).orElse(code);
  }

  public String communityName(String code) {
    return directory.community(code).map(Directory.Community::name).orElse(code);
  }

  /** The Chinese name of a resolution item's state. */
  public static String statusLabel(String status) {
    return switch (status) {
      case "OPEN" -> "落实中";
      case "DONE" -> "已落实";
      case "PROPOSED" -> "待生效";
      default -> status;
    };
  }
}
