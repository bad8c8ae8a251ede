package cn.yishi.adapter.process.scheduledlistening;

import java.util.Set;

/**
 * Glue for bpmn/scheduledListening.bpmn (定期听): its key, element ids and variable names. The timer
 * starts one instance on each listening day; every community of the directory gets one reception
 * task, and the issues recorded there become issueLifecycle cases with the LISTENING_DAY channel.
 */
public final class ScheduledListening {
  public static final String PROCESS_KEY = "scheduledListening";

  public static final String START_EVENT = "startEvent_listeningDay";
  public static final String SERVICE_TASK_PLAN = "serviceTask_planReceptions";
  public static final String SUB_PROCESS_RECEPTION = "subProcess_reception";
  public static final String USER_TASK_RECEPTION = "userTask_reception";
  public static final String SERVICE_TASK_RECORD = "serviceTask_recordReception";
  public static final String END_EVENT_RECEPTION_RECORDED = "endEvent_receptionRecorded";
  public static final String END_EVENT_LISTENING_DAY_DONE = "endEvent_listeningDayDone";

  public static final String FORM_RECEPTION = "listeningReception";

  /** Variables: the day, the communities, and per reception what the secretary records. */
  public static final class Var {
    /** The listening day, yyyy-MM-dd; today unless the process is started by hand for a missed day. */
    public static final String LISTENING_DATE = "listeningDate";
    /** When the reception tasks are due: the end of the working day (WorkingDayCalendar). */
    public static final String RECEPTION_DUE = "receptionDueDate";
    /** The community codes, one reception each (the multi-instance collection). */
    public static final String COMMUNITIES = "receptionCommunities";
    /** The community code of one reception (the multi-instance element variable). */
    public static final String COMMUNITY = "community";
    public static final String COMMUNITY_NAME = "communityName";
    /** The community's 社区两委 group, where the secretary works. */
    public static final String RECEPTION_GROUP = "receptionGroup";
    public static final String RESIDENTS_RECEIVED = "residentsReceived";
    public static final String RECEPTION_NOTE = "receptionNote";
    /** The form's dynamic list of issues heard, submitted by Tasklist as a Json variable. */
    public static final String ISSUES = "issues";
    /** The fields of one entry of {@link #ISSUES}, read by RecordReceptionDelegate. */
    public static final Set<String> ISSUE_FIELDS =
        Set.of("category", "title", "description", "compound", "householdsAffected");

    /**
     * Free text typed in the reception form: it is stored in the project's tables, removed from the
     * process once recorded, and never written to the history tables that Cockpit shows (a secretary
     * may still type a name or a phone number into a description).
     */
    public static final Set<String> NOT_IN_HISTORY = Set.of(ISSUES, RECEPTION_NOTE);

    private Var() {}
  }

  private ScheduledListening() {}
}
