package cn.yishi.adapter.process.twowayevaluation;

import cn.yishi.adapter.process.twowayevaluation.TwoWayEvaluation.Var;
import cn.yishi.application.microgrid.TwoWayEvaluations;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** One 不及格 person: who (role and name, public officers) and the result, for the township's task. */
@Component("prepareEvaluationReviewDelegate")
public class PrepareReviewDelegate implements JavaDelegate {
  private final TwoWayEvaluations evaluations;

  public PrepareReviewDelegate(TwoWayEvaluations evaluations) {
    this.evaluations = evaluations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TwoWayEvaluations.Review r = evaluations.review(Long.parseLong(Var.SUBJECT_ID.from(execution)));
    Var.REVIEW_SUBJECT.onLocal(execution, r.label());
    Var.REVIEW_RESULT.onLocal(execution, r.result());
    Var.REVIEW_CADRE.onLocal(execution, r.cadre());
  }
}
