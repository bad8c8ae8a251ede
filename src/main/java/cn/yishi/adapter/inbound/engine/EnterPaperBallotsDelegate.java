package cn.yishi.adapter.inbound.engine;

import cn.yishi.application.ResidentVoteService;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Paper ballots entered by staff: the token printed on each and its choice; all or nothing. */
@Component("enterPaperBallotsDelegate")
public class EnterPaperBallotsDelegate implements JavaDelegate {
  private final ResidentVoteService votes;
  private final ObjectMapper json = new ObjectMapper();

  public EnterPaperBallotsDelegate(ResidentVoteService votes) {
    this.votes = votes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long voteId = ((Number) execution.getVariable(ResidentVote.Var.VOTE_ID)).longValue();
    List<String[]> ballots = ballots(execution.getVariable(ResidentVote.Var.PAPER_BALLOTS));
    EngineVariables.refusingBadInput(() -> votes.enterPaper(voteId, ballots, EngineVariables.actor(execution)));
    execution.removeVariable(ResidentVote.Var.PAPER_BALLOTS);
  }

  private List<String[]> ballots(Object value) {
    List<String[]> out = new ArrayList<>();
    if (value == null) {
      return out;
    }
    try {
      for (JsonNode n : json.readTree(value.toString())) {
        out.add(new String[] {n.path("token").asText(null), n.path("choice").asText(null)});
      }
    } catch (Exception e) {
      throw EngineVariables.badInput(new ValidationException(
          List.of(new FieldError(ResidentVote.Var.PAPER_BALLOTS, "invalid", "纸质选票格式不正确"))));
    }
    return out;
  }
}
