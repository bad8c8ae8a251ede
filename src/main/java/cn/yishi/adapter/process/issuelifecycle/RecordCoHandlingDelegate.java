package cn.yishi.adapter.process.issuelifecycle;

import static cn.yishi.adapter.process.issuelifecycle.IssueLifecycle.Var;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.application.CoHandlingService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A co-unit's result (协办结果, 组团): recorded with the case; the lead's task shows it. Runs in the transaction that
 * completes the co-unit's task, so a refused result leaves the task open.
 */
@Component("recordCoHandlingDelegate")
public class RecordCoHandlingDelegate implements JavaDelegate {
  private final CoHandlingService coHandling;

  public RecordCoHandlingDelegate(CoHandlingService coHandling) {
    this.coHandling = coHandling;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String summary = EngineVariables.refusingBadInput(() -> coHandling.finish(
        Var.CASE_NO.from(execution),
        Var.CO_UNIT.from(execution),
        Var.CO_HANDLING_RESULT.from(execution),
        EngineVariables.actor(execution),
        EngineVariables.actorGroups(execution)));
    Var.CO_HANDLING_SUMMARY.on(execution, summary);
  }
}
