package cn.yishi.adapter.process.issuelifecycle;

import static cn.yishi.adapter.process.issuelifecycle.IssueLifecycle.Var;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.application.supervision.ResultReviews;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 督办纠偏: the dispatch centre's check of a unit's result. Confirmed goes on to the evaluation; rejected as false
 * goes back to handling with the new deadline (the use case raised the supervision order).
 */
@Component("recordResultReviewDelegate")
public class RecordResultReviewDelegate implements JavaDelegate {
  private final ResultReviews reviews;

  public RecordResultReviewDelegate(ResultReviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ResultReviews.Reviewed reviewed = EngineVariables.refusingBadInput(() -> reviews.review(
        Var.CASE_NO.from(execution),
        Var.RESULT_VERDICT.from(execution),
        Var.REJECTION_REASON.from(execution),
        EngineVariables.actor(execution)));
    Var.RESULT_CONFIRMED.on(execution, reviewed.confirmed());
    if (!reviewed.confirmed()) {
      IssueLifecycle.route(execution, reviewed.routing());
      execution.removeVariables(java.util.List.of(Var.OUTCOME.name(), Var.RESULT_NOTE.name(), Var.RESULT_VERDICT.name(),
          Var.REJECTION_REASON.name()));
    }
  }
}
