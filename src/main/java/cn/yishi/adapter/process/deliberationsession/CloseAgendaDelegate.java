package cn.yishi.adapter.process.deliberationsession;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.application.deliberation.DeliberationSessions;
import cn.yishi.application.port.Sessions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 确定议程: problem lists matched to the resource list, moves with their reasons, the N parties; then the rows of
 * the record form (each topic, the previous session's items to rate). A session created by a move starts its
 * process.
 */
@Component("closeAgendaDelegate")
public class CloseAgendaDelegate implements JavaDelegate {
  private final DeliberationSessions sessions;

  public CloseAgendaDelegate(DeliberationSessions sessions) {
    this.sessions = sessions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = DeliberationSession.Var.SESSION_ID.required(execution);
    List<DeliberationSessions.AgendaDecision> decisions = SessionJson.rows(
            DeliberationSession.Var.AGENDA_TOPICS.from(execution), DeliberationSession.Var.AGENDA_TOPICS.name(), "议程格式不正确")
        .stream().map(n -> new DeliberationSessions.AgendaDecision(SessionJson.id(n, "topic"), SessionJson.text(n, "problemList"),
            SessionJson.text(n, "moveToDate"), SessionJson.text(n, "moveReason"), SessionJson.flag(n, "inviteReporter")))
        .toList();
    List<String> extra = SessionJson.strings(DeliberationSession.Var.EXTRA_PARTIES.from(execution));
    List<Long> experts = SessionJson.strings(DeliberationSession.Var.INVITED_EXPERTS.from(execution)).stream()
        .map(CloseAgendaDelegate::expertId).toList();
    DeliberationSessions.AgendaClosed closed = EngineVariables.refusingBadInput(() -> sessions.closeAgenda(id, decisions, extra,
        experts, EngineVariables.actor(execution)));
    closed.newSessions().forEach(s -> DeliberationSession.start(execution.getProcessEngineServices(), s));
    DeliberationSession.Var.AGENDA_TOPICS.removeFrom(execution);
    DeliberationSession.Var.TALENT_OPTIONS.removeFrom(execution);
    DeliberationSession.Var.HAS_TOPICS.on(execution, closed.topics() > 0);
    DeliberationSession.Var.SESSION_AGENDA.on(execution, sessions.facts(id).agenda());
    execution.setVariable(DeliberationSession.Var.TOPICS.name(), SessionJson.list(
        sessions.topics(id).stream().map(CloseAgendaDelegate::topicRow).toList()));
    execution.setVariable(DeliberationSession.Var.FOLLOW_UPS.name(), SessionJson.list(
        sessions.followUpItems(id).stream().map(i -> followUpRow(sessions, i)).toList()));
  }

  /** A chosen expert's resource id; anything else is an id no expert has (refused as unknown). */
  private static Long expertId(String value) {
    try {
      return Long.valueOf(value.strip());
    } catch (NumberFormatException e) {
      return -1L;
    }
  }

  static Map<String, Object> topicRow(Sessions.Topic t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("topic", t.meetingId());
    m.put("caseNo", t.caseNo() == null ? "" : t.caseNo());
    m.put("title", t.title());
    m.put("resourceMatches", t.resourceMatches() == null ? "" : t.resourceMatches());
    m.put("paused", false);
    return m;
  }

  private static Map<String, Object> followUpRow(DeliberationSessions sessions, Sessions.FollowUp i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("item", i.itemId());
    m.put("unitName", sessions.unitName(i.unit()));
    m.put("measure", i.measure());
    return m;
  }

}
