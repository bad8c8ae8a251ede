package cn.yishi.adapter.process.pointsaward;

import static cn.yishi.adapter.process.pointsaward.PointsAward.Var;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.application.points.PointsAwards;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the proposal of the start form, in the transaction that starts the process: a proposer the rule does not
 * allow, an unknown person or rule, or missing evidence is refused with a Chinese message (Tasklist shows it on the
 * start form) and neither the proposal nor the process is stored.
 */
@Component("recordPointsProposalDelegate")
public class RecordProposalDelegate implements JavaDelegate {
  private final PointsAwards awards;

  public RecordProposalDelegate(PointsAwards awards) {
    this.awards = awards;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String proposer = Var.PROPOSER.from(execution);
    PointsAwards.Proposal p = EngineVariables.refusingBadInput(() -> awards.propose(
        Var.COMMUNITY.from(execution), Var.PERSON_ID.from(execution), Var.RULE_CODE.from(execution),
        Var.EVIDENCE.from(execution), proposer == null ? EngineVariables.actor(execution) : proposer,
        EngineVariables.actorGroups(execution), execution.getProcessInstanceId()));
    execution.setProcessBusinessKey("JF-" + p.awardId());
    Var.AWARD_ID.on(execution, p.awardId());
    Var.COMMUNITY_NAME.on(execution, p.communityName());
    Var.PERSON_LABEL.on(execution, p.personLabel());
    Var.RULE_REASON.on(execution, p.reason());
    Var.POINTS.on(execution, p.points());
    Var.APPROVER_GROUP.on(execution, p.approverGroup());
    Var.AWARD_SUBJECT.on(execution, p.subject());
  }
}
