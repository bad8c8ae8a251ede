package cn.yishi.adapter.process.deliberation;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.application.deliberation.MeetingScheduling;
import cn.yishi.domain.calendar.WorkingDayCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 暂停: the chair paused the meeting; it is rescheduled with the reason, and the pause is cleared. */
@Component("rescheduleMeetingDelegate")
public class RescheduleMeetingDelegate implements JavaDelegate {
  private final MeetingScheduling deliberation;
  private final WorkingDayCalendar calendar;

  public RescheduleMeetingDelegate(MeetingScheduling deliberation, WorkingDayCalendar calendar) {
    this.deliberation = deliberation;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long meetingId = Deliberation.Var.MEETING_ID.required(execution);
    java.time.LocalDate due = EngineVariables.refusingBadInput(() -> deliberation.reschedule(
        meetingId, Deliberation.Var.PAUSE_REASON.from(execution), EngineVariables.actor(execution)));
    Deliberation.Var.MEETING_DUE.on(execution, due.atTime(calendar.endOfDay()).atZone(calendar.zone()).toOffsetDateTime());
    Deliberation.Var.PAUSED.on(execution, false);
  }
}
