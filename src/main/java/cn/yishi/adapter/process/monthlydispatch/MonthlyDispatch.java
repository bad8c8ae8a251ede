package cn.yishi.adapter.process.monthlydispatch;

/** Glue for bpmn/monthlyDispatch.bpmn (月调度): its key, element ids and variable names. */
public final class MonthlyDispatch {
  public static final String PROCESS_KEY = "monthlyDispatch";

  public static final String START_EVENT = "startEvent_monthlyTimer";
  public static final String SERVICE_TASK_DETERMINE_MONTH = "serviceTask_determineMonth";
  public static final String GATEWAY_IS_DISPATCH_DAY = "gateway_isDispatchDay";
  public static final String END_EVENT_NOT_DISPATCH_DAY = "endEvent_notDispatchDay";
  public static final String GATEWAY_COMPUTE = "gateway_compute";
  public static final String SERVICE_TASK_COMPUTE_REPORT = "serviceTask_computeReport";
  public static final String GATEWAY_ALREADY_APPROVED = "gateway_alreadyApproved";
  public static final String END_EVENT_ALREADY_APPROVED = "endEvent_alreadyApproved";
  public static final String USER_TASK_REVIEW = "userTask_monthlyReview";
  public static final String SERVICE_TASK_RECORD_REVIEW = "serviceTask_recordReview";
  public static final String GATEWAY_APPROVED = "gateway_isApproved";
  public static final String SERVICE_TASK_PUBLISH = "serviceTask_publishReport";
  public static final String END_EVENT_PUBLISHED = "endEvent_reportPublished";

  public static final String FORM_REVIEW = "monthlyReview";

  /** Variables: the month and routing facts, and the summary the review form shows. No personal data. */
  public static final class Var {
    /** yyyy-MM-dd: the day of the run; given by a catch-up run, else today. */
    public static final String AS_OF = "asOf";
    /** The user of a catch-up run; absent for the timer. */
    public static final String TRIGGERED_BY = "triggeredBy";
    /** yyyy-MM: the month reported, the month before asOf's. */
    public static final String MONTH = "month";
    /** Whether the run goes on: the month's first working day, or a catch-up run. */
    public static final String DISPATCH_DAY = "dispatchDay";
    /** DRAFT, or APPROVED when the month was approved already (it is not recomputed). */
    public static final String REPORT_STATUS = "reportStatus";
    /** The report as Chinese text, shown read-only in the review form. */
    public static final String REPORT_SUMMARY = "reportSummary";
    public static final String REVIEW_DUE = "reviewDueDate";
    /** The review form: the dispatch centre's comment and decision. */
    public static final String REVIEW_COMMENT = "reviewComment";
    public static final String APPROVED = "approved";

    private Var() {}
  }

  private MonthlyDispatch() {}
}
