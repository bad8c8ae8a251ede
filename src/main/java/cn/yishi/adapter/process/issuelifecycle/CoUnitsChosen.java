package cn.yishi.adapter.process.issuelifecycle;

import static cn.yishi.adapter.process.issuelifecycle.IssueLifecycle.Var;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.application.CoHandlingService;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * 组团: the co-units a form chose beside the lead (派单 点将, 前置把关 naming the unit), handed to the use case, which
 * raises a 协办 task for each; the lead's task then shows their summary. Shared by the dispatch and review delegates.
 */
final class CoUnitsChosen {
  private CoUnitsChosen() {}

  static void assign(CoHandlingService coHandling, DelegateExecution execution) {
    var chosen = EngineVariables.jsonStrings(Var.CO_UNITS.from(execution), Var.CO_UNITS.name(), "协办单位格式不正确");
    String summary = EngineVariables.refusingBadInput(
        () -> coHandling.assign(Var.CASE_NO.from(execution), chosen, EngineVariables.actor(execution)));
    if (summary != null) {
      Var.CO_HANDLING_SUMMARY.on(execution, summary);
    }
  }
}
