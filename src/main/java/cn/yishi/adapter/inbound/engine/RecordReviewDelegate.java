package cn.yishi.adapter.inbound.engine;

import static cn.yishi.adapter.inbound.engine.IssueLifecycle.Var;

import cn.yishi.application.ReviewService;
import cn.yishi.domain.casefile.ReviewDecision;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the review decision. Runs in the transaction that completes the review task, so an
 * invalid decision (no reason for a decline) refuses the completion and the case does not move.
 */
@Component("recordReviewDelegate")
public class RecordReviewDelegate implements JavaDelegate {
  private final ReviewService review;

  public RecordReviewDelegate(ReviewService review) {
    this.review = review;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReviewDecision decision = new ReviewDecision(
        EngineVariables.bool(execution, Var.ADMISSIBLE),
        EngineVariables.string(execution, Var.DECLINE_REASON));
    String actor = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null
        ? null
        : execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
    EngineVariables.refusingBadInput(
        () -> review.record(EngineVariables.string(execution, Var.CASE_NO), decision, actor));
  }
}
