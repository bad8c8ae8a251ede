package cn.yishi.adapter.process.issuelifecycle;

import static cn.yishi.adapter.process.issuelifecycle.IssueLifecycle.Var;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.application.HandlingService;
import cn.yishi.application.Routing;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The handler's answer: resolved with a result, or escalated one tier with a reason. */
@Component("recordHandlingDelegate")
public class RecordHandlingDelegate implements JavaDelegate {
  private final HandlingService handling;

  public RecordHandlingDelegate(HandlingService handling) {
    this.handling = handling;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String outcome = Var.OUTCOME.from(execution);
    Routing routing = EngineVariables.refusingBadInput(() -> handling.handle(
        Var.CASE_NO.from(execution),
        outcome,
        Var.RESULT_NOTE.from(execution),
        Var.ESCALATION_REASON.from(execution),
        EngineVariables.actor(execution)));
    Var.OUTCOME.on(execution, outcome.strip());
    IssueLifecycle.route(execution, routing);
  }
}
