package cn.yishi.adapter.process.issuelifecycle;

import static cn.yishi.adapter.process.issuelifecycle.IssueLifecycle.Var;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.application.CoHandlingService;
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
  private final CoHandlingService coHandling;

  public RecordReviewDelegate(ReviewService review, CoHandlingService coHandling) {
    this.review = review;
    this.coHandling = coHandling;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReviewService.Input input = new ReviewService.Input(
        new ReviewDecision(Var.ADMISSIBLE.from(execution), Var.DECLINE_REASON.from(execution)),
        Var.SCREENING_GROUND.from(execution),
        Var.REFERRAL_UNIT.from(execution),
        Var.URGENCY.from(execution),
        Var.TIER.from(execution),
        Var.DISPOSAL.from(execution),
        Var.RESPONSIBLE_UNIT.from(execution),
        Var.OVERRIDE_REASON.from(execution),
        Var.RESPONSE_DAYS.from(execution),
        Var.RESOLUTION_DAYS.from(execution));
    ReviewService.Outcome outcome = EngineVariables.refusingBadInput(
        () -> review.record(Var.CASE_NO.from(execution), input, EngineVariables.actor(execution)));
    Var.ADMISSIBLE.on(execution, outcome.routing() != null);
    if (outcome.routing() != null) {
      IssueLifecycle.route(execution, outcome.routing());
      // the review named the unit (承诺件): it may name co-units beside it (组团)
      CoUnitsChosen.assign(coHandling, execution);
    }
  }
}
