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
    String type = ResidentVote.Var.VOTE_TYPE.from(execution);
    String compound = ResidentVote.Var.VOTE_COMPOUND.from(execution);
    String question = ResidentVote.Var.VOTE_QUESTION.from(execution);
    ResidentVoteService.Plan plan = EngineVariables.refusingBadInput(() -> votes.plan(type, compound, question));
    ResidentVote.Var.ASSEMBLY.on(execution, plan.rule().assembly());
    if (plan.rule().assembly()) {
      return;
    }
    long meetingId = ResidentVote.Var.MEETING_ID.required(execution);
    ResidentVoteService.Opened o = EngineVariables.refusingBadInput(() -> votes.open(meetingId, type, compound, question));
    ResidentVote.Var.VOTE_ID.on(execution, o.voteId());
    ResidentVote.Var.HOUSEHOLDS.on(execution, o.households());
    ResidentVote.Var.VOTE_CLOSES_AT.on(execution, o.closesAt());
  }
}
