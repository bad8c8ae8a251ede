package cn.yishi.adapter.process.pointsaward;

import cn.yishi.adapter.process.variable.ProcessVariable;
import java.util.HashMap;
import java.util.Map;

/**
 * Glue for bpmn/pointsAward.bpmn (积分申报): its key, element ids and variables. A proposer (院坝长, points officer,
 * grid worker or committee member, as the rule allows) starts it with the start form; the community secretary
 * approves or rejects. Variables hold numbers, codes and the pseudonym, never a resident's name.
 */
public final class PointsAward {
  public static final String PROCESS_KEY = "pointsAward";

  public static final String START_EVENT = "startEvent_awardProposed";
  public static final String SERVICE_TASK_PROPOSE = "serviceTask_recordProposal";
  public static final String USER_TASK_APPROVE = "userTask_approveAward";
  public static final String SERVICE_TASK_DECIDE = "serviceTask_recordDecision";
  public static final String GATEWAY_APPROVED = "gateway_isApproved";
  public static final String END_EVENT_AWARDED = "endEvent_pointsAwarded";
  public static final String END_EVENT_REJECTED = "endEvent_awardRejected";

  public static final String FORM_PROPOSAL = "pointsAwardProposal";
  public static final String FORM_APPROVAL = "pointsAwardApproval";

  public static final class Var {
    /** The start form: the community, the person's number on the ledger, the rule's code, the facts and evidence. */
    public static final ProcessVariable<String> COMMUNITY = ProcessVariable.string("community");
    public static final ProcessVariable<Long> PERSON_ID = ProcessVariable.id("personId");
    public static final ProcessVariable<String> RULE_CODE = ProcessVariable.string("ruleCode");
    public static final ProcessVariable<String> EVIDENCE = ProcessVariable.string("evidence");
    /** Who started it (camunda:initiator). */
    public static final ProcessVariable<String> PROPOSER = ProcessVariable.string("proposer");
    /** Set by the proposal: the award's number, what the approval form shows, and the approving group. */
    public static final ProcessVariable<Long> AWARD_ID = ProcessVariable.id("awardId");
    public static final ProcessVariable<String> COMMUNITY_NAME = ProcessVariable.string("pointsCommunityName");
    public static final ProcessVariable<String> PERSON_LABEL = ProcessVariable.string("personLabel");
    public static final ProcessVariable<String> RULE_REASON = ProcessVariable.string("ruleReason");
    public static final ProcessVariable<Integer> POINTS = ProcessVariable.integer("points");
    public static final ProcessVariable<String> APPROVER_GROUP = ProcessVariable.string("approverGroup");
    /** The task's subject, added to its name by TaskTitleListener. */
    public static final ProcessVariable<String> AWARD_SUBJECT = ProcessVariable.string("awardSubject");
    /** The approval form. */
    public static final ProcessVariable<Boolean> APPROVED = ProcessVariable.bool("approved");
    public static final ProcessVariable<String> DECISION_COMMENT = ProcessVariable.string("decisionComment");

    private Var() {}
  }

  /** The start variables of a proposal (for tests and any API that starts one). */
  public static Map<String, Object> start(String community, long personId, String ruleCode, String evidence) {
    Map<String, Object> v = new HashMap<>();
    Var.COMMUNITY.in(v, community);
    Var.PERSON_ID.in(v, personId);
    Var.RULE_CODE.in(v, ruleCode);
    Var.EVIDENCE.in(v, evidence);
    return v;
  }

  private PointsAward() {}
}
