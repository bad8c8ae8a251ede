package cn.yishi.adapter.process.monthlydispatch;

import static cn.yishi.adapter.process.monthlydispatch.MonthlyDispatch.Var;

import cn.yishi.application.supervision.MonthlyDispatchService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Publishes the approved month: the report becomes APPROVED, the monthly publication and the red and black board
 * appear on the public board, and every unit is mailed (through the outbox, once per unit and month).
 */
@Component("publishMonthlyReportDelegate")
public class PublishMonthlyReportDelegate implements JavaDelegate {
  private final MonthlyDispatchService dispatch;

  public PublishMonthlyReportDelegate(MonthlyDispatchService dispatch) {
    this.dispatch = dispatch;
  }

  @Override
  public void execute(DelegateExecution execution) {
    dispatch.publish(Var.MONTH.from(execution));
  }
}
