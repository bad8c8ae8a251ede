package cn.yishi.adapter.process.issuelifecycle;

import static cn.yishi.adapter.process.issuelifecycle.IssueLifecycle.Var;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.application.CoHandlingService;
import cn.yishi.application.ReviewService;
import cn.yishi.application.ReviewTiers;
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
  private final ReviewTiers tiers;

  public RecordReviewDelegate(ReviewService review, CoHandlingService coHandling) {
    this(review, coHandling, null);
  }

  @org.springframework.beans.factory.annotation.Autowired
  public RecordReviewDelegate(ReviewService review, CoHandlingService coHandling, ReviewTiers tiers) {
    this.review = review;
    this.coHandling = coHandling;
    this.tiers = tiers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String pass = Var.REVIEW_PASS.from(execution);
    if (tiers != null && pass != null && !pass.isBlank()) {
      // 上报上级 / 退回下级党组织把关: the review task is created anew for the other tier's group
      ReviewTiers.Reviewer to = EngineVariables.refusingBadInput(() -> tiers.pass(Var.CASE_NO.from(execution),
          Var.REVIEW_TIER.from(execution), pass, Var.REVIEW_PASS_REASON.from(execution),
          EngineVariables.actor(execution)));
      Var.REVIEW_GROUP.on(execution, to.group());
      Var.REVIEW_TIER.on(execution, to.tier());
      Var.REVIEWER_NAME.on(execution, to.name());
      Var.REVIEW_PASS.on(execution, null);
      Var.REVIEW_PASS_REASON.on(execution, null);
      Var.REVIEW_PASSED.on(execution, true);
      return;
    }
    Var.REVIEW_PASSED.on(execution, false);
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
