package cn.yishi.adapter.process.issuelifecycle;

import static cn.yishi.adapter.process.issuelifecycle.IssueLifecycle.Var;

import cn.yishi.application.EvaluationService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Mails an evaluation link when the reporter left an e-mail; otherwise a grid worker visits. */
@Component("requestEvaluationDelegate")
public class RequestEvaluationDelegate implements JavaDelegate {
  private final EvaluationService evaluation;

  public RequestEvaluationDelegate(EvaluationService evaluation) {
    this.evaluation = evaluation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    EvaluationService.Requested requested = evaluation.request(Var.CASE_NO.from(execution));
    Var.EVALUATION_BY_MAIL.on(execution, requested.byMail());
    Var.EVALUATION_WAIT.on(execution, requested.linkValidity().toString());
    Var.VISIT_DUE.on(execution, requested.visitDue());
    Var.EVALUATION_SOURCE.removeFrom(execution);
  }
}
