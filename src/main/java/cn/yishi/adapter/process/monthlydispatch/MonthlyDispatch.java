package cn.yishi.adapter.process.monthlydispatch;

import cn.yishi.adapter.process.variable.ProcessVariable;
import java.time.OffsetDateTime;

/** Glue for bpmn/monthlyDispatch.bpmn (月调度): its key, element ids and variable names. */
public final class MonthlyDispatch {
  public static final String PROCESS_KEY = "monthlyDispatch";

  public static final String START_EVENT = "startEvent_monthlyTimer";
  public static final String SERVICE_TASK_DETERMINE_MONTH = "serviceTask_determineMonth";
  public static final String GATEWAY_IS_DISPATCH_DAY = "gateway_isDispatchDay";
  public static final String END_EVENT_NOT_DISPATCH_DAY = "endEvent_notDispatchDay";
  public static final String SERVICE_TASK_COMPUTE_REPORT = "serviceTask_computeReport";
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
    public static final ProcessVariable<String> AS_OF = ProcessVariable.string("asOf");
    /** The user of a catch-up run; absent for the timer. */
    public static final ProcessVariable<String> TRIGGERED_BY = ProcessVariable.string("triggeredBy");
    /** yyyy-MM: the month reported, the month before asOf's. */
    public static final ProcessVariable<String> MONTH = ProcessVariable.string("month");
    /** Whether the run goes on: the month's first working day, or a catch-up run. */
    public static final ProcessVariable<Boolean> DISPATCH_DAY = ProcessVariable.bool("dispatchDay");
    /** DRAFT, or APPROVED when the month was approved already (it is not recomputed). */
    public static final ProcessVariable<String> REPORT_STATUS = ProcessVariable.string("reportStatus");
    /** The report as Chinese text, shown read-only in the review form. */
    public static final ProcessVariable<String> REPORT_SUMMARY = ProcessVariable.string("reportSummary");
    public static final ProcessVariable<OffsetDateTime> REVIEW_DUE = ProcessVariable.dateTime("reviewDueDate");
    /** The review form: the dispatch centre's comment and decision. */
    public static final ProcessVariable<String> REVIEW_COMMENT = ProcessVariable.string("reviewComment");
    public static final ProcessVariable<Boolean> APPROVED = ProcessVariable.bool("approved");

    private Var() {}
  }

  private MonthlyDispatch() {}
}
