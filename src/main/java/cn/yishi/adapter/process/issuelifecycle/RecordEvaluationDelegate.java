package cn.yishi.adapter.process.issuelifecycle;

import cn.yishi.adapter.process.EngineVariables;

import static cn.yishi.adapter.process.issuelifecycle.IssueLifecycle.Var;

import cn.yishi.application.EvaluationService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the rating from the link or the follow-up visit; ≥ 3 closes, ≤ 2 sends back for rework. */
@Component("recordEvaluationDelegate")
public class RecordEvaluationDelegate implements JavaDelegate {
  private final EvaluationService evaluation;

  public RecordEvaluationDelegate(EvaluationService evaluation) {
    this.evaluation = evaluation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String source = EngineVariables.string(execution, Var.EVALUATION_SOURCE);
    boolean satisfied = EngineVariables.refusingBadInput(() -> evaluation.record(
        EngineVariables.string(execution, Var.CASE_NO),
        EngineVariables.integer(execution, Var.SATISFACTION),
        EngineVariables.string(execution, Var.EVALUATION_COMMENT),
        source == null ? EvaluationService.SOURCE_VISIT : source,
        EngineVariables.actor(execution)));
    execution.setVariable(Var.SATISFIED, satisfied);
  }
}
