package cn.yishi.adapter.process.issuelifecycle;

import static cn.yishi.adapter.process.issuelifecycle.IssueLifecycle.Var;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.application.supervision.SupervisionOrders;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The supervisor completed a supervision order (督办): its record goes to the order and the timeline. */
@Component("recordSupervisionDelegate")
public class RecordSupervisionDelegate implements JavaDelegate {
  private final SupervisionOrders orders;

  public RecordSupervisionDelegate(SupervisionOrders orders) {
    this.orders = orders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long orderId = Var.SUPERVISION_ORDER_ID.required(execution);
    EngineVariables.refusingBadInput(() -> orders.complete(orderId,
        Var.CASE_NO.from(execution),
        Var.SUPERVISION_COMMENT.from(execution),
        EngineVariables.actor(execution)));
  }
}
