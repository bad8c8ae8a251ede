package cn.yishi.adapter.process.pointsaward;

import static cn.yishi.adapter.process.pointsaward.PointsAward.Var;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.application.points.PointsAwards;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the secretary's decision in the transaction that completes the approval task: approved → the ledger entry;
 * rejected → the reason, nothing on the ledger. A refused decision (no choice, a rejection without a reason, one's own
 * proposal) leaves the task open and stores nothing.
 */
@Component("recordPointsDecisionDelegate")
public class RecordDecisionDelegate implements JavaDelegate {
  private final PointsAwards awards;

  public RecordDecisionDelegate(PointsAwards awards) {
    this.awards = awards;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean approved = EngineVariables.refusingBadInput(() -> awards.decide(
        Var.AWARD_ID.required(execution), Var.APPROVED.from(execution), Var.DECISION_COMMENT.from(execution),
        EngineVariables.actor(execution), EngineVariables.actorGroups(execution)));
    Var.APPROVED.on(execution, approved);
  }
}
