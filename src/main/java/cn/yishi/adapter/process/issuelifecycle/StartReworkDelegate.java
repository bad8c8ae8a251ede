package cn.yishi.adapter.process.issuelifecycle;

import static cn.yishi.adapter.process.issuelifecycle.IssueLifecycle.Var;

import cn.yishi.application.EvaluationService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 整改: back to handling with the resident's comment and a new deadline. */
@Component("startReworkDelegate")
public class StartReworkDelegate implements JavaDelegate {
  private final EvaluationService evaluation;

  public StartReworkDelegate(EvaluationService evaluation) {
    this.evaluation = evaluation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    IssueLifecycle.route(execution, evaluation.rework(
        Var.CASE_NO.from(execution), Var.EVALUATION_COMMENT.from(execution)));
    execution.removeVariables(java.util.List.of(
        Var.OUTCOME.name(), Var.RESULT_NOTE.name(), Var.SATISFACTION.name(), Var.EVALUATION_COMMENT.name()));
  }
}
