package cn.yishi.adapter.process.residentvote;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.application.ResidentVoteService;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Paper ballots entered by staff: the token printed on each and its choice; all or nothing. */
@Component("enterPaperBallotsDelegate")
public class EnterPaperBallotsDelegate implements JavaDelegate {
  private final ResidentVoteService votes;

  public EnterPaperBallotsDelegate(ResidentVoteService votes) {
    this.votes = votes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long voteId = ResidentVote.Var.VOTE_ID.required(execution);
    List<String[]> ballots = ballots(ResidentVote.Var.PAPER_BALLOTS.from(execution));
    EngineVariables.refusingBadInput(() -> votes.enterPaper(voteId, ballots, EngineVariables.actor(execution)));
    ResidentVote.Var.PAPER_BALLOTS.removeFrom(execution);
  }

  private static List<String[]> ballots(Object value) {
    return EngineVariables.jsonObjects(value, ResidentVote.Var.PAPER_BALLOTS.name(), "纸质选票格式不正确").stream()
        .map(n -> new String[] {n.path("token").asText(null), n.path("choice").asText(null)})
        .toList();
  }
}
