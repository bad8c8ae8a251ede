package cn.yishi.adapter.process.deliberationsession;

import cn.yishi.application.deliberation.DeliberationSessions;
import java.util.List;
import org.springframework.stereotype.Component;

/** Read by deliberationSession.bpmn's 会前沟通: the parties of a session (standing 五方/4+N of its topics, plus the N). */
@Component("sessionParties")
public class SessionPartiesGlue {
  private final DeliberationSessions sessions;

  public SessionPartiesGlue(DeliberationSessions sessions) {
    this.sessions = sessions;
  }

  public List<String> of(Number sessionId) {
    return sessions.parties(sessionId.longValue());
  }
}
