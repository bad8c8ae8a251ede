package cn.yishi.adapter.process.deliberation;

import cn.yishi.adapter.process.issuelifecycle.IssueLifecycle;
import cn.yishi.adapter.process.EngineVariables;

import cn.yishi.application.deliberation.MeetingScheduling;
import cn.yishi.domain.calendar.WorkingDayCalendar;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * RED convenes within one working day; YELLOW and GREEN on the next fixed deliberation day. For a
 * case, or (no caseNo) for a community matter with its community, title and urgency.
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
        EngineVariables.string(execution, IssueLifecycle.Var.CASE_NO),
        EngineVariables.string(execution, Deliberation.Var.COMMUNITY),
        EngineVariables.string(execution, Deliberation.Var.TITLE),
        EngineVariables.string(execution, Deliberation.Var.URGENCY)));
    if (!execution.hasVariable(IssueLifecycle.Var.CASE_NO)) {
      // a community matter without a case: task names read ${caseNo}
      execution.setVariable(IssueLifecycle.Var.CASE_NO, null);
    }
    execution.setVariable(Deliberation.Var.MEETING_ID, s.meetingId());
    execution.setVariable(Deliberation.Var.ROOM_GROUP, s.roomGroup());
    execution.setVariable(Deliberation.Var.AGENDA_FOLLOW_UP, s.agendaFollowUp());
    execution.setVariable(Deliberation.Var.MEETING_DUE,
        Date.from(s.dueDate().atTime(calendar.endOfDay()).atZone(calendar.zone()).toInstant()));
  }
}
