package cn.yishi.adapter.process.deliberation;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.application.DeliberationService;
import cn.yishi.application.ResidentVoteService;
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

  private final DeliberationService deliberation;
  private final ResidentVoteService votes;

  public RecordMeetingDelegate(DeliberationService deliberation, ResidentVoteService votes) {
    this.deliberation = deliberation;
    this.votes = votes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean paused = Boolean.TRUE.equals(EngineVariables.bool(execution, Deliberation.Var.PAUSED));
    boolean expertReview = Boolean.TRUE.equals(EngineVariables.bool(execution, Deliberation.Var.EXPERT_REVIEW));
    boolean residentVote = Boolean.TRUE.equals(EngineVariables.bool(execution, Deliberation.Var.RESIDENT_VOTE));
    List<DeliberationService.ItemInput> items = paused ? List.of() : items(execution.getVariable(Deliberation.Var.RESOLUTION_ITEMS));
    long meetingId = EngineVariables.id(execution, Deliberation.Var.MEETING_ID);
    if (!paused && residentVote) {
      EngineVariables.refusingBadInput(() -> votes.plan(
          EngineVariables.string(execution, Deliberation.Var.VOTE_TYPE),
          EngineVariables.string(execution, Deliberation.Var.VOTE_COMPOUND),
          EngineVariables.string(execution, Deliberation.Var.VOTE_QUESTION)));
    }
    DeliberationService.MeetingInput input = new DeliberationService.MeetingInput(
        paused,
        EngineVariables.string(execution, Deliberation.Var.PAUSE_REASON),
        EngineVariables.bool(execution, Deliberation.Var.ON_SITE),
        EngineVariables.string(execution, Deliberation.Var.ATTENDEES),
        EngineVariables.integer(execution, Deliberation.Var.PARTICIPANTS),
        EngineVariables.string(execution, Deliberation.Var.GROUND_RULES),
        EngineVariables.string(execution, Deliberation.Var.TOPIC),
        EngineVariables.string(execution, Deliberation.Var.SUMMARY),
        items,
        EngineVariables.string(execution, Deliberation.Var.RESPONSIBILITIES));
    EngineVariables.refusingBadInput(() -> deliberation.record(meetingId, input, EngineVariables.actor(execution)));
    execution.removeVariable(Deliberation.Var.RESOLUTION_ITEMS);
    execution.setVariable(Deliberation.Var.PAUSED, paused);
    execution.setVariable(Deliberation.Var.EXPERT_REVIEW, !paused && expertReview);
    execution.setVariable(Deliberation.Var.RESIDENT_VOTE, !paused && residentVote);
  }

  private static List<DeliberationService.ItemInput> items(Object value) {
    return EngineVariables.jsonObjects(value, Deliberation.Var.RESOLUTION_ITEMS, "决议清单格式不正确").stream()
        .map(n -> new DeliberationService.ItemInput(text(n, UNIT), text(n, MEASURE), text(n, DEADLINE)))
        .toList();
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
