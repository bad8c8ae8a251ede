package cn.yishi.adapter.process.monthlydispatch;

import static cn.yishi.adapter.process.monthlydispatch.MonthlyDispatch.Var;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.application.supervision.MonthlyDispatchService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the dispatch centre's review. Runs in the transaction that completes the review task, so a refused
 * review (no decision, a refusal without a comment, a comment too long) leaves the task open and stores nothing.
 * Not approved: the report is computed again, on behalf of the reviewer.
 */
@Component("recordMonthlyReviewDelegate")
public class RecordMonthlyReviewDelegate implements JavaDelegate {
  private final MonthlyDispatchService dispatch;

  public RecordMonthlyReviewDelegate(MonthlyDispatchService dispatch) {
    this.dispatch = dispatch;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Boolean approved = Var.APPROVED.from(execution);
    String reviewer = EngineVariables.actor(execution);
    boolean decided = EngineVariables.refusingBadInput(() -> dispatch.review(
        Var.MONTH.from(execution), approved,
        Var.REVIEW_COMMENT.from(execution), reviewer));
    Var.APPROVED.on(execution, decided);
    if (!decided) {
      // the recomputation is the reviewer's
      Var.TRIGGERED_BY.on(execution, reviewer);
    }
  }
}
