package cn.yishi.adapter.process.monthlydispatch;

import cn.yishi.adapter.process.EngineVariables;

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
        EngineVariables.string(execution, Var.MONTH),
        EngineVariables.string(execution, Var.AS_OF),
        EngineVariables.string(execution, Var.TRIGGERED_BY),
        execution.getProcessInstanceId());
    execution.setVariable(Var.REPORT_STATUS, computed.status());
    execution.setVariable(Var.REPORT_SUMMARY, computed.summary());
    execution.setVariable(Var.REVIEW_DUE, EngineVariables.date(computed.reviewDue()));
    execution.removeVariable(Var.REVIEW_COMMENT);
    execution.removeVariable(Var.APPROVED);
  }
}
