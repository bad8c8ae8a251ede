package cn.yishi.adapter.process.issuelifecycle;

import cn.yishi.adapter.process.EngineVariables;

import static cn.yishi.adapter.process.issuelifecycle.IssueLifecycle.Var;

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
    String outcome = EngineVariables.string(execution, Var.OUTCOME);
    Routing routing = EngineVariables.refusingBadInput(() -> handling.handle(
        EngineVariables.string(execution, Var.CASE_NO),
        outcome,
        EngineVariables.string(execution, Var.RESULT_NOTE),
        EngineVariables.string(execution, Var.ESCALATION_REASON),
        EngineVariables.actor(execution)));
    execution.setVariable(Var.OUTCOME, outcome.strip());
    EngineVariables.writeRouting(execution, routing);
  }
}
