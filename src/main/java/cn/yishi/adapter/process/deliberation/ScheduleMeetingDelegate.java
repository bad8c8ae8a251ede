package cn.yishi.adapter.process.deliberation;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.adapter.process.deliberationsession.DeliberationSession;
import cn.yishi.adapter.process.issuelifecycle.IssueLifecycle;
import cn.yishi.application.deliberation.MeetingScheduling;
import cn.yishi.domain.calendar.WorkingDayCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The topic joins the next session of the body at its tier: RED an extraordinary session within one working day,
 * YELLOW and GREEN the body's next fixed deliberation day. For a case, or (no caseNo) for a community matter with
 * its community, title and urgency. A session created for it starts its deliberationSession process.
 */
@Component("scheduleMeetingDelegate")
public class ScheduleMeetingDelegate implements JavaDelegate {
  private final MeetingScheduling deliberation;
  private final WorkingDayCalendar calendar;

  public ScheduleMeetingDelegate(MeetingScheduling deliberation, WorkingDayCalendar calendar) {
    this.deliberation = deliberation;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    MeetingScheduling.Scheduled s = EngineVariables.refusingBadInput(() -> deliberation.schedule(
        IssueLifecycle.Var.CASE_NO.from(execution),
        Deliberation.Var.COMMUNITY.from(execution),
        Deliberation.Var.TITLE.from(execution),
        Deliberation.Var.URGENCY.from(execution)));
    if (!execution.hasVariable(IssueLifecycle.Var.CASE_NO.name())) {
      // a community matter without a case: task names read ${caseNo}
      IssueLifecycle.Var.CASE_NO.on(execution, null);
    }
    Deliberation.Var.MEETING_ID.on(execution, s.meetingId());
    Deliberation.Var.SESSION_ID.on(execution, s.sessionId());
    Deliberation.Var.ROOM_GROUP.on(execution, s.bodyGroup());
    Deliberation.Var.AGENDA_FOLLOW_UP.on(execution, s.agendaFollowUp());
    Deliberation.Var.MEETING_DUE.on(execution, s.dueDate().atTime(calendar.endOfDay()).atZone(calendar.zone()).toOffsetDateTime());
    if (s.newSession()) {
      DeliberationSession.start(execution.getProcessEngineServices(), s.sessionId());
    }
  }
}
