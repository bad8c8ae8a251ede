package cn.yishi.adapter.process.itemevaluation;

import cn.yishi.application.deliberation.ItemEvaluations;
import cn.yishi.domain.deliberation.ItemEvaluationRules;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The window's timer fired: the round is counted; the outcome decides the way on. */
@Component("closeItemEvaluationDelegate")
public class CloseItemEvaluationDelegate implements JavaDelegate {
  private final ItemEvaluations evaluations;

  public CloseItemEvaluationDelegate(ItemEvaluations evaluations) {
    this.evaluations = evaluations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ItemEvaluations.Closed c = evaluations.close(ItemEvaluation.Var.EVALUATION_ID.required(execution));
    ItemEvaluationRules.Result r = c.result();
    ItemEvaluation.Var.OUTCOME.on(execution, r.outcome().name());
    ItemEvaluation.Var.RESULT.on(execution, r.count() == 0 ? "无人评价"
        : r.count() + "人评价，平均" + r.average().toPlainString() + "分（" + r.outcome().label() + "）");
  }
}
