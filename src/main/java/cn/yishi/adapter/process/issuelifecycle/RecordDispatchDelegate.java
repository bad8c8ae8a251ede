package cn.yishi.adapter.process.issuelifecycle;

import cn.yishi.adapter.process.EngineVariables;

import static cn.yishi.adapter.process.issuelifecycle.IssueLifecycle.Var;

import cn.yishi.application.HandlingService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 点将 or 揭榜: the dispatch centre's decision on a committed case without a unit. */
@Component("recordDispatchDelegate")
public class RecordDispatchDelegate implements JavaDelegate {
  private final HandlingService handling;

  public RecordDispatchDelegate(HandlingService handling) {
    this.handling = handling;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNo = EngineVariables.string(execution, Var.CASE_NO);
    HandlingService.DispatchMode mode = EngineVariables.refusingBadInput(() -> handling.dispatch(
        caseNo,
        EngineVariables.string(execution, Var.ASSIGN_MODE),
        EngineVariables.string(execution, Var.RESPONSIBLE_UNIT),
        EngineVariables.actor(execution)));
    execution.setVariable(Var.ASSIGN_MODE, mode.name());
    EngineVariables.writeRouting(execution, handling.routing(caseNo));
    execution.setVariable(Var.UNIT_GROUPS, String.join(",", handling.unitGroups()));
  }
}
