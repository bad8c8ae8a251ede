package cn.yishi.adapter.process.issuelifecycle;

import java.util.Set;

/** Glue for bpmn/issueLifecycle.bpmn: its key, element ids, message and variable names. */
public final class IssueLifecycle {
  public static final String PROCESS_KEY = "issueLifecycle";
  public static final String MESSAGE_EVALUATED = "issue.evaluated";
  /** A supervision order (督办单) for the case, from the deadline timer or the 旬跟进 sweep. */
  public static final String MESSAGE_SUPERVISE = "issue.supervise";

  public static final String START_EVENT = "startEvent_issueReported";
  public static final String SERVICE_TASK_REGISTER = "serviceTask_registerCase";
  public static final String SERVICE_TASK_SUGGEST = "serviceTask_suggestClassification";
  public static final String USER_TASK_REVIEW = "userTask_review";
  public static final String SERVICE_TASK_RECORD_REVIEW = "serviceTask_recordReview";
  public static final String GATEWAY_IS_ADMISSIBLE = "gateway_isAdmissible";
  public static final String END_EVENT_DECLINED = "endEvent_caseDeclined";
  public static final String GATEWAY_DISPOSAL = "gateway_disposal";
  public static final String USER_TASK_DISPATCH = "userTask_dispatch";
  public static final String SERVICE_TASK_DISPATCH = "serviceTask_recordDispatch";
  public static final String GATEWAY_ASSIGN_MODE = "gateway_assignMode";
  public static final String USER_TASK_CLAIM = "userTask_claim";
  public static final String SERVICE_TASK_CLAIM = "serviceTask_recordClaim";
  public static final String CALL_ACTIVITY_DELIBERATION = "callActivity_deliberation";
  public static final String SERVICE_TASK_DELIBERATION_RESULT = "serviceTask_recordDeliberationResult";
  public static final String GATEWAY_TO_HANDLING = "gateway_toHandling";
  public static final String USER_TASK_HANDLE = "userTask_handle";
  public static final String BOUNDARY_HANDLING_OVERDUE = "boundary_handlingOverdue";
  public static final String SERVICE_TASK_OVERDUE = "serviceTask_recordOverdue";
  public static final String EVENT_SUBPROCESS_SUPERVISION = "subProcess_supervision";
  public static final String MESSAGE_START_SUPERVISE = "startEvent_superviseOrdered";
  public static final String USER_TASK_SUPERVISE = "userTask_supervise";
  public static final String SERVICE_TASK_RECORD_SUPERVISION = "serviceTask_recordSupervision";
  public static final String SERVICE_TASK_HANDLING = "serviceTask_recordHandling";
  public static final String GATEWAY_OUTCOME = "gateway_handlingOutcome";
  public static final String SERVICE_TASK_REQUEST_EVALUATION = "serviceTask_requestEvaluation";
  public static final String EVENT_GATEWAY_AWAIT_EVALUATION = "gateway_awaitEvaluation";
  public static final String MESSAGE_EVENT_EVALUATION_RECEIVED = "messageEvent_evaluationReceived";
  public static final String TIMER_EVALUATION_TIMEOUT = "timer_evaluationTimeout";
  public static final String USER_TASK_FOLLOW_UP_VISIT = "userTask_followUpVisit";
  public static final String SERVICE_TASK_RECORD_EVALUATION = "serviceTask_recordEvaluation";
  public static final String GATEWAY_SATISFIED = "gateway_isSatisfied";
  public static final String SERVICE_TASK_REWORK = "serviceTask_startRework";
  public static final String SERVICE_TASK_CLOSE = "serviceTask_closeCase";
  public static final String END_EVENT_CLOSED = "endEvent_caseClosed";

  public static final String FORM_INTAKE = "issueIntake";
  public static final String FORM_REVIEW = "issueReview";

  /** Variables: ids and routing facts, plus the non-personal facts the forms show. */
  public static final class Var {
    public static final String CASE_NO = "caseNo";
    public static final String CHANNEL = "channel";
    public static final String CATEGORY = "category";
    public static final String TITLE = "title";
    public static final String DESCRIPTION = "description";
    public static final String COMMUNITY = "community";
    public static final String COMPOUND = "compound";
    public static final String HOUSEHOLDS_AFFECTED = "householdsAffected";
    public static final String REVIEW_GROUP = "reviewGroup";
    public static final String GRID_GROUP = "gridGroup";
    public static final String REVIEW_DUE = "reviewDueDate";
    public static final String INITIATOR = "initiator";
    public static final String ADMISSIBLE = "admissible";
    public static final String DECLINE_REASON = "declineReason";
    public static final String REFERRAL = "referral";
    public static final String URGENCY = "urgency";
    public static final String TIER = "tier";
    public static final String DISPOSAL = "disposal";
    public static final String RESPONSIBLE_UNIT = "responsibleUnit";
    public static final String OVERRIDE_REASON = "overrideReason";
    public static final String RESPONSE_DAYS = "responseDays";
    public static final String RESOLUTION_DAYS = "resolutionDays";
    public static final String HANDLER_GROUPS = "handlerGroups";
    public static final String SUPERVISOR_GROUPS = "supervisorGroups";
    public static final String UNIT_GROUPS = "unitGroups";
    public static final String HANDLING_DEADLINE = "handlingDeadline";
    /** Task-local copy of the deadline that Tasklist's filters list (set by listVariablesTaskListener). */
    public static final String LIST_DEADLINE = "listDeadline";
    /** Task-local: the case's deadline as Chinese text, shown on every task form (listVariablesTaskListener). */
    public static final String FACT_DEADLINE = "factDeadline";
    /** Local to one supervision order (the event subprocess's scope). */
    public static final String SUPERVISION_DUE = "supervisionDueDate";
    public static final String SUPERVISION_ORDER_ID = "supervisionOrderId";
    public static final String SUPERVISION_GROUPS = "supervisionGroups";
    /** Shown read-only on the 督办 form: why the order was raised. No personal data. */
    public static final String SUPERVISION_REASON = "supervisionReason";
    /** Shown read-only on the 督办 form: e.g. that the unit has no contact address, so no mail went out. */
    public static final String SUPERVISION_NOTE = "supervisionNote";
    public static final String SUPERVISION_PRIORITY = "supervisionPriority";
    /** The supervisor's record of what was done (督办情况). */
    public static final String SUPERVISION_COMMENT = "supervisionComment";
    public static final String PRIORITY = "priority";
    public static final String ASSIGN_MODE = "assignMode";
    public static final String OUTCOME = "outcome";
    public static final String RESULT_NOTE = "resultNote";
    public static final String ESCALATION_REASON = "escalationReason";
    public static final String EVALUATION_BY_MAIL = "evaluationByMail";
    public static final String EVALUATION_WAIT = "evaluationWait";
    public static final String VISIT_DUE = "visitDueDate";
    public static final String SATISFACTION = "satisfaction";
    public static final String EVALUATION_COMMENT = "evaluationComment";
    public static final String EVALUATION_SOURCE = "evaluationSource";
    public static final String SATISFIED = "satisfied";
    /** Ticked on the 督办 form (the supervisor urged the unit). */
    public static final String SUPERVISION_ACKNOWLEDGED = "supervisionAcknowledged";

    /** Personal data a start form submits. Taken out at registration and never kept in history. */
    public static final String REPORTER_NAME = "reporterName";
    public static final String REPORTER_PHONE = "reporterPhone";
    public static final String REPORTER_EMAIL = "reporterEmail";
    public static final String ADDRESS = "address";

    public static final Set<String> PERSONAL = Set.of(REPORTER_NAME, REPORTER_PHONE, REPORTER_EMAIL, ADDRESS);

    private Var() {}
  }

  private IssueLifecycle() {}
}
