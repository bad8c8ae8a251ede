package cn.yishi.adapter.process.convention;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.application.convention.Conventions;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 党组织审核: approved, the residents' vote is prepared (meeting record, vote type, compound, question) for
 * bpmn/residentVote.bpmn; returned, the reason goes back to the revision.
 */
@Component("recordPartyReviewDelegate")
public class RecordPartyReviewDelegate implements JavaDelegate {
  private final Conventions conventions;

  public RecordPartyReviewDelegate(Conventions conventions) {
    this.conventions = conventions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Optional<Conventions.Adoption> adoption = EngineVariables.refusingBadInput(() -> conventions.review(
        Convention.Var.VERSION_ID.required(execution), Convention.Var.REVIEW_DECISION.from(execution),
        Convention.Var.REVIEW_REASON.from(execution), Convention.Var.ADOPTION_MODE.from(execution),
        EngineVariables.actor(execution)));
    Convention.Var.APPROVED.on(execution, adoption.isPresent());
    if (adoption.isEmpty()) {
      Convention.Var.RETURN_REASON.on(execution, "党组织审核退回：" + Convention.Var.REVIEW_REASON.from(execution).strip());
      return;
    }
    Conventions.Adoption a = adoption.get();
    Convention.Var.MEETING_ID.on(execution, a.meetingId());
    Convention.Var.VOTE_TYPE.on(execution, a.voteType());
    Convention.Var.VOTE_COMPOUND.on(execution, a.compound());
    Convention.Var.VOTE_QUESTION.on(execution, a.question());
    // the residents' (representatives') meeting on a convention is convened by the community (居委会)
    Convention.Var.ROOM_GROUP.on(execution, Convention.Var.COMMUNITY_GROUP.from(execution));
  }
}
