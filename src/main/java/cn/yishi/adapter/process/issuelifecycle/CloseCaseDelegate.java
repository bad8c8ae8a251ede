package cn.yishi.adapter.process.issuelifecycle;

import static cn.yishi.adapter.process.issuelifecycle.IssueLifecycle.Var;

import cn.yishi.application.EvaluationService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 销号. */
@Component("closeCaseDelegate")
public class CloseCaseDelegate implements JavaDelegate {
  private final EvaluationService evaluation;

  public CloseCaseDelegate(EvaluationService evaluation) {
    this.evaluation = evaluation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    evaluation.close(Var.CASE_NO.from(execution));
  }
}
