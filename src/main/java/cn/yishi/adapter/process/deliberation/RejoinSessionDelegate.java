package cn.yishi.adapter.process.deliberation;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.adapter.process.deliberationsession.DeliberationSession;
import cn.yishi.application.deliberation.DeliberationSessions;
import cn.yishi.domain.calendar.WorkingDayCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 重新议事: the experts returned the plan, the vote failed or the chair reconvened after objections; the topic joins
 * its body's next session (a session created for it starts its process).
 */
@Component("rejoinSessionDelegate")
public class RejoinSessionDelegate implements JavaDelegate {
  private final DeliberationSessions sessions;
  private final WorkingDayCalendar calendar;

  public RejoinSessionDelegate(DeliberationSessions sessions, WorkingDayCalendar calendar) {
    this.sessions = sessions;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long meetingId = Deliberation.Var.MEETING_ID.required(execution);
    DeliberationSessions.Joined j = EngineVariables.refusingBadInput(() -> sessions.rejoin(meetingId));
    Deliberation.Var.SESSION_ID.on(execution, j.sessionId());
    Deliberation.Var.MEETING_DUE.on(execution, j.date().atTime(calendar.endOfDay()).atZone(calendar.zone()).toOffsetDateTime());
    if (j.newSession()) {
      DeliberationSession.start(execution.getProcessEngineServices(), j.sessionId());
    }
  }
}
