package cn.yishi.adapter.process.deliberationsession;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.adapter.process.deliberation.Deliberation;
import cn.yishi.application.deliberation.DeliberationSessions;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 议事会记录 (六步): the session's record, each topic's part and the ratings of the previous session's items, or
 * the pause of the whole session. Each topic resolved is handed to its deliberation process (message
 * deliberation.topicResolved, with its checked routing facts); a topic paused waits for the next session, which
 * starts its process when created. The dynamic lists are parsed here and never kept as variables.
 */
@Component("recordSessionDelegate")
public class RecordSessionDelegate implements JavaDelegate {
  private final DeliberationSessions sessions;

  public RecordSessionDelegate(DeliberationSessions sessions) {
    this.sessions = sessions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = DeliberationSession.Var.SESSION_ID.required(execution);
    boolean paused = Boolean.TRUE.equals(DeliberationSession.Var.SESSION_PAUSED.from(execution));
    DeliberationSessions.SessionMinutes minutes = new DeliberationSessions.SessionMinutes(paused,
        DeliberationSession.Var.SESSION_PAUSE_REASON.from(execution),
        DeliberationSession.Var.ON_SITE.from(execution),
        DeliberationSession.Var.ATTENDEES.from(execution),
        DeliberationSession.Var.PARTICIPANTS.from(execution),
        DeliberationSession.Var.GROUND_RULES.from(execution),
        paused ? java.util.List.of() : SessionJson.rows(DeliberationSession.Var.TOPICS.from(execution),
                DeliberationSession.Var.TOPICS.name(), "议题记录格式不正确").stream()
            .map(n -> new DeliberationSessions.TopicMinutes(SessionJson.id(n, "topic"), SessionJson.flag(n, "paused"),
                SessionJson.text(n, "pauseReason"), SessionJson.text(n, "statement"), SessionJson.text(n, "discussion"),
                SessionJson.text(n, "responsibilities"), SessionJson.flag(n, "expertReview"),
                SessionJson.flag(n, "residentVote"), SessionJson.text(n, "voteType"), SessionJson.text(n, "voteCompound"),
                SessionJson.text(n, "voteQuestion")))
            .toList(),
        paused ? java.util.List.of() : SessionJson.rows(DeliberationSession.Var.RESOLUTION_ITEMS.from(execution),
                DeliberationSession.Var.RESOLUTION_ITEMS.name(), "决议清单格式不正确").stream()
            .map(n -> new DeliberationSessions.ItemInput(SessionJson.id(n, "topic"), SessionJson.text(n, "unit"),
                SessionJson.text(n, "measure"), SessionJson.text(n, "deadline")))
            .toList(),
        paused ? java.util.List.of() : SessionJson.rows(DeliberationSession.Var.FOLLOW_UPS.from(execution),
                DeliberationSession.Var.FOLLOW_UPS.name(), "决议事项跟进格式不正确").stream()
            .map(n -> new DeliberationSessions.FollowUpInput(SessionJson.id(n, "item"), SessionJson.text(n, "questions"),
                SessionJson.whole(n, "rating")))
            .toList());
    DeliberationSessions.Recorded r = EngineVariables.refusingBadInput(() -> sessions.record(id, minutes,
        EngineVariables.actor(execution)));
    DeliberationSession.Var.SESSION_PAUSED.on(execution, r.paused());
    if (r.paused()) {
      return;
    }
    DeliberationSession.Var.RESOLUTION_ITEMS.removeFrom(execution);
    for (DeliberationSessions.Resolved t : r.resolved()) {
      Map<String, Object> facts = new HashMap<>();
      facts.put(Deliberation.Var.EXPERT_REVIEW.name(), t.expertReview());
      facts.put(Deliberation.Var.RESIDENT_VOTE.name(), t.residentVote());
      facts.put(Deliberation.Var.VOTE_TYPE.name(), t.voteType());
      facts.put(Deliberation.Var.VOTE_COMPOUND.name(), t.voteCompound());
      facts.put(Deliberation.Var.VOTE_QUESTION.name(), t.voteQuestion());
      var correlated = execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation(Deliberation.MESSAGE_TOPIC_RESOLVED)
          .processInstanceVariableEquals(Deliberation.Var.MEETING_ID.name(), t.meetingId())
          .setVariables(facts).correlateAllWithResult();
      if (correlated.isEmpty()) {
        throw new IllegalStateException("topic " + t.meetingId() + " has no deliberation waiting for its session");
      }
    }
    r.newSessions().forEach(s -> DeliberationSession.start(execution.getProcessEngineServices(), s));
  }
}
