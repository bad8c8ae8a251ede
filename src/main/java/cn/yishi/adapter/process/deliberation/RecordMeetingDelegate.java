package cn.yishi.adapter.process.deliberation;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.application.ResidentVoteService;
import cn.yishi.application.deliberation.MeetingRecords;
import cn.yishi.domain.deliberation.MeetingMinutes;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the meeting (六步) and its resolution list, or its pause; checks a proposed resident
 * vote (a ballot vote needs a household register). Tasklist submits the dynamic list as a Json
 * variable; it is parsed here and stored as resolution items, never kept as a variable blob. Writes
 * the routing facts paused, expertReview and residentVote.
 */
@Component("recordMeetingDelegate")
public class RecordMeetingDelegate implements JavaDelegate {
  static final String UNIT = "unit";
  static final String MEASURE = "measure";
  static final String DEADLINE = "deadline";

  private final MeetingRecords deliberation;
  private final ResidentVoteService votes;

  public RecordMeetingDelegate(MeetingRecords deliberation, ResidentVoteService votes) {
    this.deliberation = deliberation;
    this.votes = votes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean paused = Boolean.TRUE.equals(Deliberation.Var.PAUSED.from(execution));
    boolean expertReview = Boolean.TRUE.equals(Deliberation.Var.EXPERT_REVIEW.from(execution));
    boolean residentVote = Boolean.TRUE.equals(Deliberation.Var.RESIDENT_VOTE.from(execution));
    List<MeetingMinutes.Item> items = paused ? List.of() : items(Deliberation.Var.RESOLUTION_ITEMS.from(execution));
    long meetingId = Deliberation.Var.MEETING_ID.required(execution);
    if (!paused && residentVote) {
      EngineVariables.refusingBadInput(() -> votes.plan(
          Deliberation.Var.VOTE_TYPE.from(execution),
          Deliberation.Var.VOTE_COMPOUND.from(execution),
          Deliberation.Var.VOTE_QUESTION.from(execution)));
    }
    MeetingMinutes input = new MeetingMinutes(
        paused,
        Deliberation.Var.PAUSE_REASON.from(execution),
        Deliberation.Var.ON_SITE.from(execution),
        Deliberation.Var.ATTENDEES.from(execution),
        Deliberation.Var.PARTICIPANTS.from(execution),
        Deliberation.Var.GROUND_RULES.from(execution),
        Deliberation.Var.TOPIC.from(execution),
        Deliberation.Var.SUMMARY.from(execution),
        items,
        Deliberation.Var.RESPONSIBILITIES.from(execution));
    EngineVariables.refusingBadInput(() -> deliberation.record(meetingId, input, EngineVariables.actor(execution)));
    if (!paused && expertReview) {
      deliberation.putToExperts(meetingId, EngineVariables.actor(execution));
    }
    Deliberation.Var.RESOLUTION_ITEMS.removeFrom(execution);
    Deliberation.Var.PAUSED.on(execution, paused);
    Deliberation.Var.EXPERT_REVIEW.on(execution, !paused && expertReview);
    Deliberation.Var.RESIDENT_VOTE.on(execution, !paused && residentVote);
  }

  private static List<MeetingMinutes.Item> items(Object value) {
    return EngineVariables.jsonObjects(value, Deliberation.Var.RESOLUTION_ITEMS.name(), "决议清单格式不正确").stream()
        .map(n -> new MeetingMinutes.Item(text(n, UNIT), text(n, MEASURE), text(n, DEADLINE)))
        .toList();
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
