package cn.yishi.adapter.process.twowayevaluation;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.adapter.process.twowayevaluation.TwoWayEvaluation.Var;
import cn.yishi.application.microgrid.TwoWayEvaluations;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 院坝自评: the grade and text of the 院坝长; refused input keeps the task open. */
@Component("recordSelfEvaluationDelegate")
public class RecordSelfEvaluationDelegate implements JavaDelegate {
  private final TwoWayEvaluations evaluations;

  public RecordSelfEvaluationDelegate(TwoWayEvaluations evaluations) {
    this.evaluations = evaluations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long roundId = Var.ROUND_ID.required(execution);
    String grade = Var.SELF_GRADE.from(execution);
    String text = Var.SELF_TEXT.from(execution);
    EngineVariables.refusingBadInput(() -> evaluations.selfEvaluate(roundId, grade, text, EngineVariables.actor(execution)));
  }
}
