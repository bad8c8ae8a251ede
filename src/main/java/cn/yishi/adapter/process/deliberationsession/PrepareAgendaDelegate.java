package cn.yishi.adapter.process.deliberationsession;

import cn.yishi.application.deliberation.DeliberationSessions;
import cn.yishi.application.port.Sessions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 议程截止: the session takes no more topics; the agenda and one row per topic for the convener's form. */
@Component("prepareAgendaDelegate")
public class PrepareAgendaDelegate implements JavaDelegate {
  private final DeliberationSessions sessions;

  public PrepareAgendaDelegate(DeliberationSessions sessions) {
    this.sessions = sessions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = DeliberationSession.Var.SESSION_ID.required(execution);
    sessions.stopJoining(id);
    DeliberationSessions.Facts f = sessions.facts(id);
    DeliberationSession.Var.SESSION_AGENDA.on(execution, f.agenda());
    List<Map<String, Object>> rows = sessions.topics(id).stream().map(PrepareAgendaDelegate::row).toList();
    execution.setVariable(DeliberationSession.Var.AGENDA_TOPICS.name(), SessionJson.list(rows));
    execution.setVariable(DeliberationSession.Var.TALENT_OPTIONS.name(), SessionJson.list(sessions.experts(id).stream()
        .map(e -> Map.<String, Object>of("label", e.label(), "value", String.valueOf(e.id()))).toList()));
  }

  private static Map<String, Object> row(Sessions.Topic t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("topic", t.meetingId());
    m.put("caseNo", t.caseNo() == null ? "" : t.caseNo());
    m.put("title", t.title());
    m.put("problemList", t.problemList() == null ? "" : t.problemList());
    m.put("inviteReporter", false);
    return m;
  }
}
