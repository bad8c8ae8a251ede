package cn.yishi.adapter.inbound.engine;

import static cn.yishi.adapter.inbound.engine.IssueLifecycle.Var;

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
    evaluation.close(EngineVariables.string(execution, Var.CASE_NO));
  }
}
