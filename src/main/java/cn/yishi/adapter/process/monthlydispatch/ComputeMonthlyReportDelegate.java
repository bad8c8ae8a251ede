package cn.yishi.adapter.process.monthlydispatch;

import static cn.yishi.adapter.process.monthlydispatch.MonthlyDispatch.Var;

import cn.yishi.application.supervision.MonthlyDispatchService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Computes the month's report and boards and stores them as a DRAFT (again after a refused review, on behalf of
 * the reviewer); prepares the summary and the due date of the review, and clears the previous round's decision.
 * Runs as a job of its own (asyncBefore): a failure is an incident in Cockpit, not a failed review.
 */
@Component("computeMonthlyReportDelegate")
public class ComputeMonthlyReportDelegate implements JavaDelegate {
  private final MonthlyDispatchService dispatch;

  public ComputeMonthlyReportDelegate(MonthlyDispatchService dispatch) {
    this.dispatch = dispatch;
  }

  @Override
  public void execute(DelegateExecution execution) {
    MonthlyDispatchService.Computed computed = dispatch.compute(
        Var.MONTH.from(execution),
        Var.AS_OF.from(execution),
        Var.TRIGGERED_BY.from(execution),
        execution.getProcessInstanceId());
    Var.REPORT_STATUS.on(execution, computed.status());
    Var.REPORT_SUMMARY.on(execution, computed.summary());
    Var.REVIEW_DUE.on(execution, computed.reviewDue());
    Var.REVIEW_COMMENT.removeFrom(execution);
    Var.APPROVED.removeFrom(execution);
  }
}
