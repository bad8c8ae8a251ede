package cn.yishi.adapter.process.twowayevaluation;

import cn.yishi.adapter.process.twowayevaluation.TwoWayEvaluation.Var;
import cn.yishi.application.microgrid.TwoWayEvaluations;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The window has closed: counts the round; the 不及格 persons go to the township. */
@Component("closeEvaluationRoundDelegate")
public class CloseRoundDelegate implements JavaDelegate {
  private final TwoWayEvaluations evaluations;

  public CloseRoundDelegate(TwoWayEvaluations evaluations) {
    this.evaluations = evaluations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> failing = evaluations.close(Var.ROUND_ID.required(execution)).stream().map(String::valueOf).toList();
    Var.FAILING.on(execution, failing);
    Var.ANY_FAILING.on(execution, !failing.isEmpty());
  }
}
