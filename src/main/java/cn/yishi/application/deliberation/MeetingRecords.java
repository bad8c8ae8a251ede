package cn.yishi.application.deliberation;

import cn.yishi.application.port.Meetings;
import cn.yishi.domain.calendar.WorkingDayCalendar;
import cn.yishi.domain.casefile.TimelineAction;
import cn.yishi.domain.deliberation.MeetingMinutes;
import cn.yishi.domain.deliberation.ResolutionItem;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The meeting itself, after 奉新's 六步法: its record and resolution list (决议清单), whose items stay
 * PROPOSED until the resolution is adopted; and the review of the plan by the experts (通辽's 评审团).
 */
@Service
public class MeetingRecords {
  private final Meetings meetings;
  private final Deliberations deliberations;
  private final WorkingDayCalendar calendar;

  public MeetingRecords(Meetings meetings, Deliberations deliberations, WorkingDayCalendar calendar) {
    this.meetings = meetings;
    this.deliberations = deliberations;
    this.calendar = calendar;
  }

  /**
   * Records the meeting (六步) and its resolution list, replacing the items a previous sitting proposed; or,
   * when paused, only checks the reason (the pause itself is {@link MeetingScheduling#reschedule}).
   * Returns the ids of the proposed items.
   */
  @Transactional
  public List<Long> record(long meetingId, MeetingMinutes in, String actor) {
    Meetings.Meeting m = deliberations.meeting(meetingId);
    if (in.paused()) {
      deliberations.rules().pauseReason(in.pauseReason());
      return List.of();
    }
    List<ResolutionItem> items = deliberations.rules().resolutionList(in, deliberations.today());
    OffsetDateTime now = deliberations.now();
    meetings.withdrawProposedItems(meetingId);
    meetings.recordMeeting(meetingId, new Meetings.Record(now, Boolean.TRUE.equals(in.onSite()), in.attendees().strip(),
        in.participants(), in.groundRules().strip(), in.topic().strip(), in.summary().strip(), in.responsibilities().strip(),
        actor));
    List<Long> ids = new ArrayList<>();
    for (ResolutionItem item : items) {
      OffsetDateTime deadline = calendar.deadline(item.deadline().atStartOfDay(calendar.zone()).toOffsetDateTime(), 0);
      ids.add(meetings.insertItem(meetingId, m.caseId(), item.unit(), item.measure(), deadline, "PROPOSED"));
    }
    deliberations.noteOnCase(m.caseId(), actor, TimelineAction.MEETING_HELD,
        (Boolean.TRUE.equals(in.onSite()) ? "现场议事，" : "") + "参会 " + in.participants() + " 人，形成决议 " + items.size()
            + " 项：" + in.summary().strip());
    return ids;
  }

  /** The meeting puts its plan to the experts (评审团), who may read the case from now on. */
  @Transactional
  public void putToExperts(long meetingId, String actor) {
    Meetings.Meeting m = deliberations.meeting(meetingId);
    deliberations.noteOnCase(m.caseId(), actor, TimelineAction.EXPERT_REVIEW_REQUESTED, "议事会决定提请评审团审查方案");
  }

  /** 评审团: legality and reasonableness of the plan; a rejection needs the reasons. */
  @Transactional
  public void recordExpertReview(long meetingId, Boolean approved, String opinion, String actor) {
    Meetings.Meeting m = deliberations.meeting(meetingId);
    String o = deliberations.rules().expertOpinion(approved, opinion);
    deliberations.noteOnCase(m.caseId(), actor, TimelineAction.EXPERT_REVIEWED,
        (approved ? "评审通过：" : "评审未通过，退回议事会：") + o);
  }
}
