package cn.yishi.adapter.process.deliberationsession;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.application.deliberation.DeliberationSessions;
import cn.yishi.domain.calendar.WorkingDayCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 整场暂停: the session is rescheduled with the reason (the next fixed day; extraordinary: the next working day). */
@Component("rescheduleSessionDelegate")
public class RescheduleSessionDelegate implements JavaDelegate {
  private final DeliberationSessions sessions;
  private final WorkingDayCalendar calendar;

  public RescheduleSessionDelegate(DeliberationSessions sessions, WorkingDayCalendar calendar) {
    this.sessions = sessions;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = DeliberationSession.Var.SESSION_ID.required(execution);
    java.time.LocalDate date = EngineVariables.refusingBadInput(() -> sessions.reschedule(id,
        DeliberationSession.Var.SESSION_PAUSE_REASON.from(execution), EngineVariables.actor(execution)));
    DeliberationSession.Var.SESSION_DUE.on(execution, date.atTime(calendar.endOfDay()).atZone(calendar.zone()).toOffsetDateTime());
    DeliberationSession.Var.TITLE.on(execution, sessions.facts(id).title());
    DeliberationSession.Var.SESSION_PAUSED.on(execution, false);
  }
}
