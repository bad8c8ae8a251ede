package cn.yishi.adapter.inbound.engine;

import cn.yishi.application.DeliberationService;
import java.time.LocalTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** RED convenes within one working day; YELLOW and GREEN on the next fixed deliberation day. */
@Component("scheduleMeetingDelegate")
public class ScheduleMeetingDelegate implements JavaDelegate {
  private final DeliberationService deliberation;
  private final cn.yishi.domain.calendar.WorkingDayCalendar calendar;

  public ScheduleMeetingDelegate(DeliberationService deliberation, cn.yishi.domain.calendar.WorkingDayCalendar calendar) {
    this.deliberation = deliberation;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DeliberationService.Scheduled s = deliberation.schedule(
        EngineVariables.string(execution, IssueLifecycle.Var.CASE_NO));
    execution.setVariable(Deliberation.Var.MEETING_ID, s.meetingId());
    execution.setVariable(Deliberation.Var.ROOM_GROUP, s.roomGroup());
    execution.setVariable(Deliberation.Var.MEETING_DUE,
        Date.from(s.dueDate().atTime(calendar.endOfDay()).atZone(calendar.zone()).toInstant()));
  }
}
