package cn.yishi.adapter.process.deliberationsession;

import cn.yishi.application.deliberation.DeliberationSessions;
import cn.yishi.domain.calendar.WorkingDayCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A session was created: its body's group, its title and date, and when its agenda closes. */
@Component("openSessionDelegate")
public class OpenSessionDelegate implements JavaDelegate {
  private final DeliberationSessions sessions;
  private final WorkingDayCalendar calendar;

  public OpenSessionDelegate(DeliberationSessions sessions, WorkingDayCalendar calendar) {
    this.sessions = sessions;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = DeliberationSession.Var.SESSION_ID.required(execution);
    DeliberationSessions.Facts f = sessions.facts(id);
    DeliberationSession.Var.BODY_GROUP.on(execution, f.bodyGroup());
    DeliberationSession.Var.TITLE.on(execution, f.title());
    DeliberationSession.Var.COMMUNITY.on(execution, f.community());
    DeliberationSession.Var.SESSION_DUE.on(execution, f.date().atTime(calendar.endOfDay()).atZone(calendar.zone()).toOffsetDateTime());
    DeliberationSession.Var.AGENDA_CLOSES_AT.on(execution, sessions.agendaClosesAt(id));
  }
}
