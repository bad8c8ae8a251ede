package cn.yishi.adapter.process.issuelifecycle;

import static cn.yishi.adapter.process.issuelifecycle.IssueLifecycle.Var;

import cn.yishi.adapter.process.EngineVariables;
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
    String source = Var.EVALUATION_SOURCE.from(execution);
    boolean satisfied = EngineVariables.refusingBadInput(() -> evaluation.record(
        Var.CASE_NO.from(execution),
        Var.SATISFACTION.from(execution),
        Var.EVALUATION_COMMENT.from(execution),
        source == null ? EvaluationService.SOURCE_VISIT : source,
        EngineVariables.actor(execution)));
    Var.SATISFIED.on(execution, satisfied);
  }
}
