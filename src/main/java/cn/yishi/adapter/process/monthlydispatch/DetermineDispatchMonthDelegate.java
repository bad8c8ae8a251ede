package cn.yishi.adapter.process.monthlydispatch;

import static cn.yishi.adapter.process.monthlydispatch.MonthlyDispatch.Var;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.application.supervision.MonthlyDispatchService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Which month the dispatch reports and whether it goes on today: the timer's run only on the month's first
 * working day, a catch-up run (with {@code asOf}) always. A malformed or future {@code asOf} is refused.
 */
@Component("determineDispatchMonthDelegate")
public class DetermineDispatchMonthDelegate implements JavaDelegate {
  private final MonthlyDispatchService dispatch;

  public DetermineDispatchMonthDelegate(MonthlyDispatchService dispatch) {
    this.dispatch = dispatch;
  }

  @Override
  public void execute(DelegateExecution execution) {
    MonthlyDispatchService.Plan plan = EngineVariables.refusingBadInput(
        () -> dispatch.plan(Var.AS_OF.from(execution)));
    Var.AS_OF.on(execution, plan.asOf());
    Var.MONTH.on(execution, plan.month());
    Var.DISPATCH_DAY.on(execution, plan.dispatchDay());
  }
}
