package cn.yishi.adapter.process.issuelifecycle;

import cn.yishi.adapter.process.EngineVariables;

import static cn.yishi.adapter.process.issuelifecycle.IssueLifecycle.Var;

import cn.yishi.application.ReviewService;
import cn.yishi.domain.casefile.ReviewDecision;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the review decision. Runs in the transaction that completes the review task, so an
 * invalid decision refuses the completion and the case does not move.
 */
@Component("recordReviewDelegate")
public class RecordReviewDelegate implements JavaDelegate {
  private final ReviewService review;

  public RecordReviewDelegate(ReviewService review) {
    this.review = review;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReviewService.Input input = new ReviewService.Input(
        new ReviewDecision(EngineVariables.bool(execution, Var.ADMISSIBLE), EngineVariables.string(execution, Var.DECLINE_REASON)),
        EngineVariables.string(execution, Var.URGENCY),
        EngineVariables.string(execution, Var.TIER),
        EngineVariables.string(execution, Var.DISPOSAL),
        EngineVariables.string(execution, Var.RESPONSIBLE_UNIT),
        EngineVariables.string(execution, Var.OVERRIDE_REASON),
        EngineVariables.integer(execution, Var.RESPONSE_DAYS),
        EngineVariables.integer(execution, Var.RESOLUTION_DAYS));
    ReviewService.Outcome outcome = EngineVariables.refusingBadInput(
        () -> review.record(EngineVariables.string(execution, Var.CASE_NO), input, EngineVariables.actor(execution)));
    execution.setVariable(Var.ADMISSIBLE, outcome.routing() != null);
    if (outcome.routing() != null) {
      EngineVariables.writeRouting(execution, outcome.routing());
    }
  }
}
