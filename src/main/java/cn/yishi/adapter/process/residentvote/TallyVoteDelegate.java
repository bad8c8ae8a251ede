package cn.yishi.adapter.process.residentvote;

import cn.yishi.application.ResidentVoteService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The vote has closed: the count with the quorum and majority of voteRule.dmn (公开计票). */
@Component("tallyVoteDelegate")
public class TallyVoteDelegate implements JavaDelegate {
  private final ResidentVoteService votes;

  public TallyVoteDelegate(ResidentVoteService votes) {
    this.votes = votes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ResidentVoteService.Tally t = votes.tally(ResidentVote.Var.VOTE_ID.required(execution));
    ResidentVote.Var.VOTE_PASSED.on(execution, t.passed());
    ResidentVote.Var.VOTE_OUTCOME.on(execution, t.outcome());
  }
}
