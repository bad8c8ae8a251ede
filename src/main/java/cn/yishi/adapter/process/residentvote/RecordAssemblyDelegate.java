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
    long meetingId = ResidentVote.Var.MEETING_ID.required(execution);
    ResidentVoteService.Tally t = EngineVariables.refusingBadInput(() -> votes.recordAssembly(meetingId,
        ResidentVote.Var.VOTE_TYPE.from(execution),
        ResidentVote.Var.VOTE_QUESTION.from(execution),
        ResidentVote.Var.ASSEMBLY_MEMBERS.from(execution),
        ResidentVote.Var.ASSEMBLY_YES.from(execution),
        ResidentVote.Var.ASSEMBLY_NO.from(execution),
        ResidentVote.Var.ASSEMBLY_ABSTAIN.from(execution),
        EngineVariables.actor(execution)));
    ResidentVote.Var.VOTE_PASSED.on(execution, t.passed());
    ResidentVote.Var.VOTE_OUTCOME.on(execution, t.outcome());
  }
}
