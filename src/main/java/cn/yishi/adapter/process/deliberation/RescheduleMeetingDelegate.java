package cn.yishi.adapter.process.deliberation;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.application.DeliberationService;
import cn.yishi.domain.calendar.WorkingDayCalendar;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 暂停: the chair paused the meeting; it is rescheduled with the reason, and the pause is cleared. */
@Component("rescheduleMeetingDelegate")
public class RescheduleMeetingDelegate implements JavaDelegate {
  private final DeliberationService deliberation;
  private final WorkingDayCalendar calendar;

  public RescheduleMeetingDelegate(DeliberationService deliberation, WorkingDayCalendar calendar) {
    this.deliberation = deliberation;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long meetingId = EngineVariables.id(execution, Deliberation.Var.MEETING_ID);
    java.time.LocalDate due = EngineVariables.refusingBadInput(() -> deliberation.reschedule(
        meetingId, EngineVariables.string(execution, Deliberation.Var.PAUSE_REASON), EngineVariables.actor(execution)));
    execution.setVariable(Deliberation.Var.MEETING_DUE, Date.from(due.atTime(calendar.endOfDay()).atZone(calendar.zone()).toInstant()));
    execution.setVariable(Deliberation.Var.PAUSED, false);
  }
}
