package cn.yishi.adapter.process.issuelifecycle;

import static cn.yishi.adapter.process.issuelifecycle.IssueLifecycle.Var;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.application.CoHandlingService;
import cn.yishi.application.HandlingService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 点将 or 揭榜: the dispatch centre's decision on a committed case without a unit, with its co-units (组团) if any. */
@Component("recordDispatchDelegate")
public class RecordDispatchDelegate implements JavaDelegate {
  private final HandlingService handling;
  private final CoHandlingService coHandling;

  public RecordDispatchDelegate(HandlingService handling, CoHandlingService coHandling) {
    this.handling = handling;
    this.coHandling = coHandling;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNo = Var.CASE_NO.from(execution);
    HandlingService.DispatchMode mode = EngineVariables.refusingBadInput(() -> handling.dispatch(
        caseNo,
        Var.ASSIGN_MODE.from(execution),
        Var.RESPONSIBLE_UNIT.from(execution),
        EngineVariables.actor(execution)));
    Var.ASSIGN_MODE.on(execution, mode.name());
    IssueLifecycle.route(execution, handling.routing(caseNo));
    Var.UNIT_GROUPS.on(execution, String.join(",", handling.claimGroups(caseNo)));
    CoUnitsChosen.assign(coHandling, execution);
  }
}
