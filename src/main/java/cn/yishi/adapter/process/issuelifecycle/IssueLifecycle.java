package cn.yishi.adapter.process.issuelifecycle;

import cn.yishi.adapter.process.variable.ProcessVariable;
import cn.yishi.application.RegisteredCase;
import cn.yishi.application.Routing;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Glue for bpmn/issueLifecycle.bpmn: its key, element ids, message and variable names. */
public final class IssueLifecycle {
  public static final String PROCESS_KEY = "issueLifecycle";
  public static final String MESSAGE_EVALUATED = "issue.evaluated";
  /** A case that a channel (the intake API, Open311, 定期听) registered: starts the process past registration. */
  public static final String MESSAGE_RECEIVED = "issue.received";
  /** A supervision order (督办单) for the case, from the deadline timer or the 旬跟进 sweep. */
  public static final String MESSAGE_SUPERVISE = "issue.supervise";
  /** A co-unit's task (协办, 组团) for the case: one event subprocess instance per co-unit. */
  public static final String MESSAGE_CO_HANDLE = "issue.coHandle";

  public static final String START_EVENT = "startEvent_issueReported";
  public static final String START_EVENT_RECEIVED = "startEvent_issueReceived";
  public static final String SERVICE_TASK_REGISTER = "serviceTask_registerCase";
  /** Where a start form's registration and a channel's start event join. */
  public static final String GATEWAY_REGISTERED = "gateway_registered";
  public static final String SERVICE_TASK_SUGGEST = "serviceTask_suggestClassification";
  public static final String USER_TASK_REVIEW = "userTask_review";
  public static final String SERVICE_TASK_RECORD_REVIEW = "serviceTask_recordReview";
  public static final String END_EVENT_DECLINED = "endEvent_caseDeclined";
  public static final String USER_TASK_DISPATCH = "userTask_dispatch";
  public static final String SERVICE_TASK_DISPATCH = "serviceTask_recordDispatch";
  public static final String USER_TASK_CLAIM = "userTask_claim";
  public static final String SERVICE_TASK_CLAIM = "serviceTask_recordClaim";
  public static final String CALL_ACTIVITY_DELIBERATION = "callActivity_deliberation";
  public static final String SERVICE_TASK_DELIBERATION_RESULT = "serviceTask_recordDeliberationResult";
  public static final String USER_TASK_HANDLE = "userTask_handle";
  public static final String BOUNDARY_HANDLING_OVERDUE = "boundary_handlingOverdue";
  public static final String SERVICE_TASK_OVERDUE = "serviceTask_recordOverdue";
  public static final String USER_TASK_SUPERVISE = "userTask_supervise";
  public static final String SERVICE_TASK_HANDLING = "serviceTask_recordHandling";
  public static final String SUB_PROCESS_CO_HANDLING = "subProcess_coHandling";
  public static final String USER_TASK_CO_HANDLE = "userTask_coHandle";
  public static final String SERVICE_TASK_CO_HANDLING = "serviceTask_recordCoHandling";
  public static final String END_EVENT_CO_HANDLING_DONE = "endEvent_coHandlingDone";
  /** Where a resolved case is checked: by the dispatch centre when a responsible unit handled it. */
  public static final String GATEWAY_REVIEW_NEEDED = "gateway_resultReviewNeeded";
  public static final String USER_TASK_REVIEW_RESULT = "userTask_reviewResult";
  public static final String SERVICE_TASK_RECORD_RESULT_REVIEW = "serviceTask_recordResultReview";
  public static final String GATEWAY_RESULT_CONFIRMED = "gateway_resultConfirmed";
  public static final String SERVICE_TASK_REQUEST_EVALUATION = "serviceTask_requestEvaluation";
  public static final String EVENT_GATEWAY_AWAIT_EVALUATION = "gateway_awaitEvaluation";
  public static final String MESSAGE_EVENT_EVALUATION_RECEIVED = "messageEvent_evaluationReceived";
  public static final String TIMER_EVALUATION_TIMEOUT = "timer_evaluationTimeout";
  public static final String USER_TASK_FOLLOW_UP_VISIT = "userTask_followUpVisit";
  public static final String SERVICE_TASK_RECORD_EVALUATION = "serviceTask_recordEvaluation";
  public static final String SERVICE_TASK_REWORK = "serviceTask_startRework";
  public static final String SERVICE_TASK_CLOSE = "serviceTask_closeCase";
  public static final String END_EVENT_CLOSED = "endEvent_caseClosed";

  public static final String FORM_INTAKE = "issueIntake";
  public static final String FORM_REVIEW = "issueReview";
  public static final String FORM_RESULT_REVIEW = "issueResultReview";

  /** Variables: ids and routing facts, plus the non-personal facts the forms show. */
  public static final class Var {
    public static final ProcessVariable<String> CASE_NO = ProcessVariable.string("caseNo");
    public static final ProcessVariable<String> CHANNEL = ProcessVariable.string("channel");
    /** The channel's own number of the report, such as a 12345 work order number (工单号), from the start form. */
    public static final ProcessVariable<String> EXTERNAL_ID = ProcessVariable.string("externalId");
    public static final ProcessVariable<String> CATEGORY = ProcessVariable.string("category");
    public static final ProcessVariable<String> TITLE = ProcessVariable.string("title");
    public static final ProcessVariable<String> DESCRIPTION = ProcessVariable.string("description");
    public static final ProcessVariable<String> COMMUNITY = ProcessVariable.string("community");
    /** The start form: the compound's code (chosen from the directory); after registration its name, for the forms. */
    public static final ProcessVariable<String> COMPOUND = ProcessVariable.string("compound");
    /** The start form: the 院坝's code (micro-grid), if the village has them. */
    public static final ProcessVariable<String> YUANBA = ProcessVariable.string("yuanba");
    public static final ProcessVariable<Integer> HOUSEHOLDS_AFFECTED = ProcessVariable.integer("householdsAffected");
    public static final ProcessVariable<String> REVIEW_GROUP = ProcessVariable.string("reviewGroup");
    /** 三级前置把关: the tier whose party organisation reviews now, and its name (shown on the review form). */
    public static final ProcessVariable<String> REVIEW_TIER = ProcessVariable.string("reviewTier");
    public static final ProcessVariable<String> REVIEWER_NAME = ProcessVariable.string("reviewerName");
    /** The review form's 转交把关: UP (上报上级党组织把关) or DOWN (退回下级党组织把关), with its reason. */
    public static final ProcessVariable<String> REVIEW_PASS = ProcessVariable.string("reviewPass");
    public static final ProcessVariable<String> REVIEW_PASS_REASON = ProcessVariable.string("reviewPassReason");
    /** Set by 记录审核结果: the review went to another tier, its task is created anew. */
    public static final ProcessVariable<Boolean> REVIEW_PASSED = ProcessVariable.bool("reviewPassed");
    public static final ProcessVariable<String> GRID_GROUP = ProcessVariable.string("gridGroup");
    public static final ProcessVariable<OffsetDateTime> REVIEW_DUE = ProcessVariable.dateTime("reviewDueDate");
    public static final ProcessVariable<String> INITIATOR = ProcessVariable.string("initiator");
    public static final ProcessVariable<Boolean> ADMISSIBLE = ProcessVariable.bool("admissible");
    public static final ProcessVariable<String> DECLINE_REASON = ProcessVariable.string("declineReason");
    /** The facts stated in the start form for the 五议五不议 and triage tables (optional; see ScreeningFacts). */
    public static final ProcessVariable<String> SCOPE = ProcessVariable.string("scope");
    /** Start form: ticked when the matter is beyond the community's authority. */
    public static final ProcessVariable<Boolean> BEYOND_AUTHORITY = ProcessVariable.bool("beyondAuthority");
    public static final ProcessVariable<Boolean> SETTLED_BY_POLICY = ProcessVariable.bool("settledByPolicy");
    public static final ProcessVariable<Boolean> RESERVED_TO_ASSEMBLY = ProcessVariable.bool("reservedToAssembly");
    public static final ProcessVariable<Boolean> UNLAWFUL = ProcessVariable.bool("unlawful");
    public static final ProcessVariable<Boolean> CROSS_COMMUNITY = ProcessVariable.bool("crossCommunity");
    public static final ProcessVariable<Boolean> MULTI_DEPARTMENT = ProcessVariable.bool("multiDepartment");
    public static final ProcessVariable<Boolean> URGENT = ProcessVariable.bool("urgent");
    public static final ProcessVariable<Boolean> NEEDS_CONSULTATION = ProcessVariable.bool("needsConsultation");
    /** The tables' 五议五不议 ground (a ScreeningGround code); the review form's choice, prefilled with it. */
    public static final ProcessVariable<String> SCREENING_GROUND = ProcessVariable.string("screeningGround");
    /** The suggestion in words, shown read-only on the review form. */
    public static final ProcessVariable<String> SCREENING_SUGGESTION = ProcessVariable.string("screeningSuggestion");
    /** 超出社区权限: the competent department (a unit code) the declined case is transferred to. */
    public static final ProcessVariable<String> REFERRAL_UNIT = ProcessVariable.string("referralUnit");
    public static final ProcessVariable<String> URGENCY = ProcessVariable.string("urgency");
    public static final ProcessVariable<String> TIER = ProcessVariable.string("tier");
    public static final ProcessVariable<String> DISPOSAL = ProcessVariable.string("disposal");
    public static final ProcessVariable<String> RESPONSIBLE_UNIT = ProcessVariable.string("responsibleUnit");
    public static final ProcessVariable<String> OVERRIDE_REASON = ProcessVariable.string("overrideReason");
    public static final ProcessVariable<Integer> RESPONSE_DAYS = ProcessVariable.integer("responseDays");
    public static final ProcessVariable<Integer> RESOLUTION_DAYS = ProcessVariable.integer("resolutionDays");
    public static final ProcessVariable<String> HANDLER_GROUPS = ProcessVariable.string("handlerGroups");
    public static final ProcessVariable<String> SUPERVISOR_GROUPS = ProcessVariable.string("supervisorGroups");
    public static final ProcessVariable<String> UNIT_GROUPS = ProcessVariable.string("unitGroups");
    public static final ProcessVariable<OffsetDateTime> HANDLING_DEADLINE = ProcessVariable.dateTime("handlingDeadline");
    /** Task-local copy of the deadline that Tasklist's filters list (set by listVariablesTaskListener). */
    public static final ProcessVariable<OffsetDateTime> LIST_DEADLINE = ProcessVariable.dateTime("listDeadline");
    /** Task-local: the case's deadline as Chinese text, shown on every task form (listVariablesTaskListener). */
    public static final ProcessVariable<String> FACT_DEADLINE = ProcessVariable.string("factDeadline");
    /** Local to one supervision order (the event subprocess's scope). */
    public static final ProcessVariable<OffsetDateTime> SUPERVISION_DUE = ProcessVariable.dateTime("supervisionDueDate");
    public static final ProcessVariable<Long> SUPERVISION_ORDER_ID = ProcessVariable.id("supervisionOrderId");
    public static final ProcessVariable<String> SUPERVISION_GROUPS = ProcessVariable.string("supervisionGroups");
    /** Shown read-only on the 督办 form: why the order was raised. No personal data. */
    public static final ProcessVariable<String> SUPERVISION_REASON = ProcessVariable.string("supervisionReason");
    /** Shown read-only on the 督办 form: e.g. that the unit has no contact address, so no mail went out. */
    public static final ProcessVariable<String> SUPERVISION_NOTE = ProcessVariable.string("supervisionNote");
    public static final ProcessVariable<Integer> SUPERVISION_PRIORITY = ProcessVariable.integer("supervisionPriority");
    /** The supervisor's record of what was done (督办情况). */
    public static final ProcessVariable<String> SUPERVISION_COMMENT = ProcessVariable.string("supervisionComment");
    public static final ProcessVariable<Integer> PRIORITY = ProcessVariable.integer("priority");
    /** 组团: the co-units (unit codes) the dispatch or review form chose, a taglist (JSON list) or a list. */
    public static final ProcessVariable<Object> CO_UNITS = ProcessVariable.raw("coUnits");
    /** What the lead's 办理 form shows of its co-units: each with its status and result. No personal data. */
    public static final ProcessVariable<String> CO_HANDLING_SUMMARY = ProcessVariable.string("coHandlingSummary");
    /** Local to one co-unit's task (the event subprocess's scope): the unit, its name and group, and its result. */
    public static final ProcessVariable<String> CO_UNIT = ProcessVariable.string("coUnit");
    public static final ProcessVariable<String> CO_UNIT_NAME = ProcessVariable.string("coUnitName");
    public static final ProcessVariable<String> CO_HANDLING_GROUP = ProcessVariable.string("coHandlingGroup");
    public static final ProcessVariable<String> CO_HANDLING_RESULT = ProcessVariable.string("coHandlingResult");
    public static final ProcessVariable<String> ASSIGN_MODE = ProcessVariable.string("assignMode");
    public static final ProcessVariable<String> OUTCOME = ProcessVariable.string("outcome");
    public static final ProcessVariable<String> RESULT_NOTE = ProcessVariable.string("resultNote");
    /** The dispatch centre's verdict on a unit's result: CONFIRMED (属实) or REJECTED (不实). */
    public static final ProcessVariable<String> RESULT_VERDICT = ProcessVariable.string("resultVerdict");
    /** Why the result is false (不实); it goes into the supervision order. */
    public static final ProcessVariable<String> REJECTION_REASON = ProcessVariable.string("rejectionReason");
    /** Routing fact: the result was confirmed, so the case goes on to the evaluation. */
    public static final ProcessVariable<Boolean> RESULT_CONFIRMED = ProcessVariable.bool("resultConfirmed");
    public static final ProcessVariable<String> ESCALATION_REASON = ProcessVariable.string("escalationReason");
    public static final ProcessVariable<Boolean> EVALUATION_BY_MAIL = ProcessVariable.bool("evaluationByMail");
    public static final ProcessVariable<String> EVALUATION_WAIT = ProcessVariable.string("evaluationWait");
    public static final ProcessVariable<OffsetDateTime> VISIT_DUE = ProcessVariable.dateTime("visitDueDate");
    public static final ProcessVariable<Integer> SATISFACTION = ProcessVariable.integer("satisfaction");
    public static final ProcessVariable<String> EVALUATION_COMMENT = ProcessVariable.string("evaluationComment");
    public static final ProcessVariable<String> EVALUATION_SOURCE = ProcessVariable.string("evaluationSource");
    public static final ProcessVariable<Boolean> SATISFIED = ProcessVariable.bool("satisfied");
    /** Ticked on the 督办 form (the supervisor urged the unit). */
    public static final ProcessVariable<Boolean> SUPERVISION_ACKNOWLEDGED = ProcessVariable.bool("supervisionAcknowledged");

    /** Personal data a start form submits. Taken out at registration and never kept in history. */
    public static final ProcessVariable<String> REPORTER_NAME = ProcessVariable.string("reporterName");
    public static final ProcessVariable<String> REPORTER_PHONE = ProcessVariable.string("reporterPhone");
    public static final ProcessVariable<String> REPORTER_EMAIL = ProcessVariable.string("reporterEmail");
    public static final ProcessVariable<String> ADDRESS = ProcessVariable.string("address");

    public static final Set<String> PERSONAL = Set.of(REPORTER_NAME.name(), REPORTER_PHONE.name(), REPORTER_EMAIL.name(), ADDRESS.name());

    private Var() {}
  }

  /**
   * The registered case's routing facts and the non-personal facts the forms show, as process variables: the start
   * variables of a case a channel registered, and what registration from a start form writes. One mapping for both.
   */
  public static Map<String, Object> registered(RegisteredCase r) {
    Map<String, Object> v = new HashMap<>();
    Var.CASE_NO.in(v, r.caseNo());
    Var.REVIEW_GROUP.in(v, r.reviewGroup());
    Var.GRID_GROUP.in(v, r.gridGroup());
    Var.COMMUNITY.in(v, r.community());
    Var.CATEGORY.in(v, r.category());
    Var.TITLE.in(v, r.title());
    Var.DESCRIPTION.in(v, r.description());
    // not householdsAffected: the tables read it from the case record, no form, listener or expression of the process
    return Var.COMPOUND.in(v, r.compound());
  }

  /** Writes where the handling task goes, who supervises it, and when it is due. */
  public static void route(VariableScope e, Routing r) {
    Var.HANDLER_GROUPS.on(e, String.join(",", r.handlerGroups()));
    Var.SUPERVISOR_GROUPS.on(e, String.join(",", r.supervisorGroups()));
    Var.HANDLING_DEADLINE.on(e, r.deadline());
    Var.PRIORITY.on(e, r.priority());
    Var.TIER.on(e, r.tier());
    Var.DISPOSAL.on(e, r.disposal());
    Var.RESPONSIBLE_UNIT.on(e, r.responsibleUnit());
  }
  private IssueLifecycle() {}
}
