package cn.yishi.adapter.process.deliberationsession;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.application.deliberation.DeliberationSessions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 会前沟通, one task per party and session: on create, one row per topic on the agenda (on the party's execution); on complete,
 * the party's position on each topic is stored with the session (not kept as a variable).
 */
@Component("sessionOpinionTaskListener")
public class SessionOpinionTaskListener implements TaskListener {
  private final DeliberationSessions sessions;

  public SessionOpinionTaskListener(DeliberationSessions sessions) {
    this.sessions = sessions;
  }

  @Override
  public void notify(DelegateTask task) {
    long id = DeliberationSession.Var.SESSION_ID.required(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      List<Map<String, Object>> rows = sessions.topics(id).stream().map(t -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("topic", t.meetingId());
        m.put("title", (t.caseNo() == null ? "" : t.caseNo() + " ") + t.title());
        m.put("position", "");
        return m;
      }).toList();
      // on the party's own execution (one per party): a submitted form and TaskService.complete both land there
      task.getExecution().setVariableLocal(DeliberationSession.Var.POSITIONS.name(), SessionJson.list(rows));
      return;
    }
    List<DeliberationSessions.TopicPosition> positions = SessionJson.rows(DeliberationSession.Var.POSITIONS.from(task),
            DeliberationSession.Var.POSITIONS.name(), "各议题意见格式不正确").stream()
        .map(n -> new DeliberationSessions.TopicPosition(SessionJson.id(n, "topic"), SessionJson.text(n, "position")))
        .toList();
    EngineVariables.refusingBadInput(() -> sessions.recordPositions(id, DeliberationSession.Var.PARTY_GROUP.from(task),
        positions, EngineVariables.actor(task)));
    DeliberationSession.Var.POSITIONS.removeFrom(task);
  }
}
