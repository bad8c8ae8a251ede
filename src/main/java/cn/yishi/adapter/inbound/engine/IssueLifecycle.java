package cn.yishi.adapter.inbound.engine;

import java.util.Set;

/** Glue for bpmn/issueLifecycle.bpmn: its key, element ids and variable names. */
public final class IssueLifecycle {
  public static final String PROCESS_KEY = "issueLifecycle";

  public static final String START_EVENT = "startEvent_issueReported";
  public static final String SERVICE_TASK_REGISTER = "serviceTask_registerCase";
  public static final String USER_TASK_REVIEW = "userTask_review";
  public static final String SERVICE_TASK_RECORD_REVIEW = "serviceTask_recordReview";
  public static final String GATEWAY_IS_ADMISSIBLE = "gateway_isAdmissible";
  public static final String END_EVENT_ACCEPTED = "endEvent_caseAccepted";
  public static final String END_EVENT_DECLINED = "endEvent_caseDeclined";

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
    public static final String INITIATOR = "initiator";
    public static final String ADMISSIBLE = "admissible";
    public static final String DECLINE_REASON = "declineReason";

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
