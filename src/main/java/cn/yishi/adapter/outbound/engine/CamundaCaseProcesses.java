package cn.yishi.adapter.outbound.engine;

import cn.yishi.adapter.inbound.engine.IssueLifecycle;
import cn.yishi.application.port.CaseProcesses;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Starts issueLifecycle for a case and delivers messages to it, keyed by the case number. */
@Component
class CamundaCaseProcesses implements CaseProcesses {
  private final RuntimeService runtime;

  CamundaCaseProcesses(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public String start(String caseNo) {
    return runtime.startProcessInstanceByKey(IssueLifecycle.PROCESS_KEY, caseNo,
        Variables.createVariables().putValue(IssueLifecycle.Var.CASE_NO, caseNo)).getId();
  }

  @Override
  public void deliverEvaluation(String caseNo, int satisfaction, String comment) {
    try {
      runtime.createMessageCorrelation(IssueLifecycle.MESSAGE_EVALUATED)
          .processInstanceBusinessKey(caseNo)
          .setVariable(IssueLifecycle.Var.SATISFACTION, satisfaction)
          .setVariable(IssueLifecycle.Var.EVALUATION_COMMENT, comment)
          .setVariable(IssueLifecycle.Var.EVALUATION_SOURCE, cn.yishi.application.EvaluationService.SOURCE_LINK)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new cn.yishi.application.EvaluationService.LinkRefused(cn.yishi.application.EvaluationService.LinkRefused.Reason.EXPIRED);
    }
  }
}
