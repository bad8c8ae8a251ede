package cn.yishi.adapter.process.residentvote;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.application.ResidentVoteService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Opens the vote: one ballot token per household of the compound's register, or (a matter the law
 * reserves for it) routes to the residents' (representatives') meeting. Without a register the
 * meeting task that asked for the vote does not complete.
 */
@Component("openVoteDelegate")
public class OpenVoteDelegate implements JavaDelegate {
  private final ResidentVoteService votes;

  public OpenVoteDelegate(ResidentVoteService votes) {
    this.votes = votes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String type = EngineVariables.string(execution, ResidentVote.Var.VOTE_TYPE);
    String compound = EngineVariables.string(execution, ResidentVote.Var.VOTE_COMPOUND);
    String question = EngineVariables.string(execution, ResidentVote.Var.VOTE_QUESTION);
    ResidentVoteService.Plan plan = EngineVariables.refusingBadInput(() -> votes.plan(type, compound, question));
    execution.setVariable(ResidentVote.Var.ASSEMBLY, plan.rule().assembly());
    if (plan.rule().assembly()) {
      return;
    }
    long meetingId = EngineVariables.id(execution, ResidentVote.Var.MEETING_ID);
    ResidentVoteService.Opened o = EngineVariables.refusingBadInput(() -> votes.open(meetingId, type, compound, question));
    execution.setVariable(ResidentVote.Var.VOTE_ID, o.voteId());
    execution.setVariable(ResidentVote.Var.HOUSEHOLDS, o.households());
    execution.setVariable(ResidentVote.Var.VOTE_CLOSES_AT, EngineVariables.date(o.closesAt()));
  }
}
