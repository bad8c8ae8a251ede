package cn.yishi.adapter.process.issuelifecycle;

import static cn.yishi.adapter.process.issuelifecycle.IssueLifecycle.Var;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.application.HandlingService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 揭榜: a unit claims the case from the pool; only a member of that unit may. */
@Component("recordClaimDelegate")
public class RecordClaimDelegate implements JavaDelegate {
  private final HandlingService handling;

  public RecordClaimDelegate(HandlingService handling) {
    this.handling = handling;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNo = Var.CASE_NO.from(execution);
    EngineVariables.refusingBadInput(() -> handling.claim(
        caseNo,
        Var.RESPONSIBLE_UNIT.from(execution),
        EngineVariables.actor(execution),
        EngineVariables.actorGroups(execution)));
    IssueLifecycle.route(execution, handling.routing(caseNo));
  }
}
