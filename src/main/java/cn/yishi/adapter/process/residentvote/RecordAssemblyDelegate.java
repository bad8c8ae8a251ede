package cn.yishi.adapter.process.residentvote;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.application.ResidentVoteService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The residents' (representatives') meeting decided a reserved matter: its totals (宜昌 民事民决). */
@Component("recordAssemblyDelegate")
public class RecordAssemblyDelegate implements JavaDelegate {
  private final ResidentVoteService votes;

  public RecordAssemblyDelegate(ResidentVoteService votes) {
    this.votes = votes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long meetingId = EngineVariables.id(execution, ResidentVote.Var.MEETING_ID);
    ResidentVoteService.Tally t = EngineVariables.refusingBadInput(() -> votes.recordAssembly(meetingId,
        EngineVariables.string(execution, ResidentVote.Var.VOTE_TYPE),
        EngineVariables.string(execution, ResidentVote.Var.VOTE_QUESTION),
        EngineVariables.integer(execution, ResidentVote.Var.ASSEMBLY_MEMBERS),
        EngineVariables.integer(execution, ResidentVote.Var.ASSEMBLY_YES),
        EngineVariables.integer(execution, ResidentVote.Var.ASSEMBLY_NO),
        EngineVariables.integer(execution, ResidentVote.Var.ASSEMBLY_ABSTAIN),
        EngineVariables.actor(execution)));
    execution.setVariable(ResidentVote.Var.VOTE_PASSED, t.passed());
    execution.setVariable(ResidentVote.Var.VOTE_OUTCOME, t.outcome());
  }
}
