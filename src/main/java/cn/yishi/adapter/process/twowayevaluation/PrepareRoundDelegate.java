package cn.yishi.adapter.process.twowayevaluation;

import cn.yishi.adapter.process.twowayevaluation.TwoWayEvaluation.Var;
import cn.yishi.application.microgrid.TwoWayEvaluations;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The round's facts for the tasks: the 院坝, the groups, the deadline and the numbering of the sheet. */
@Component("prepareEvaluationRoundDelegate")
public class PrepareRoundDelegate implements JavaDelegate {
  private final TwoWayEvaluations evaluations;

  public PrepareRoundDelegate(TwoWayEvaluations evaluations) {
    this.evaluations = evaluations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TwoWayEvaluations.RoundFacts f = evaluations.facts(Var.ROUND_ID.required(execution));
    Var.YUANBA_NAME.on(execution, f.yuanbaName());
    Var.COMMUNITY_NAME.on(execution, f.communityName());
    Var.TITLE.on(execution, f.communityName() + f.yuanbaName() + " " + f.period() + "双向评价");
    Var.PERIOD.on(execution, f.period());
    Var.STREET_GROUP.on(execution, f.streetGroup());
    Var.COMMUNITY_GROUP.on(execution, f.communityGroup());
    Var.HEAD_GROUP.on(execution, f.headGroup());
    Var.CLOSES_AT.on(execution, f.closesAt());
    Var.HOUSEHOLDS.on(execution, f.households());
    Var.SUBJECTS.on(execution, f.subjects());
  }
}
