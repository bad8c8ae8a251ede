package cn.yishi.adapter.process.scheduledlistening;

import cn.yishi.adapter.process.variable.ProcessVariable;
import java.time.OffsetDateTime;
import java.util.List;
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
  public static final String USER_TASK_RECEPTION = "userTask_reception";
  public static final String SERVICE_TASK_RECORD = "serviceTask_recordReception";
  public static final String END_EVENT_RECEPTION_RECORDED = "endEvent_receptionRecorded";
  public static final String END_EVENT_LISTENING_DAY_DONE = "endEvent_listeningDayDone";

  public static final String FORM_RECEPTION = "listeningReception";

  /** Variables: the day, the communities, and per reception what the secretary records. */
  public static final class Var {
    /** The listening day, yyyy-MM-dd; today unless the process is started by hand for a missed day. */
    public static final ProcessVariable<String> LISTENING_DATE = ProcessVariable.string("listeningDate");
    /** When the reception tasks are due: the end of the working day (WorkingDayCalendar). */
    public static final ProcessVariable<OffsetDateTime> RECEPTION_DUE = ProcessVariable.dateTime("receptionDueDate");
    /** The community codes, one reception each (the multi-instance collection). */
    public static final ProcessVariable<List<String>> COMMUNITIES = ProcessVariable.stringList("receptionCommunities");
    /** The community code of one reception (the multi-instance element variable). */
    public static final ProcessVariable<String> COMMUNITY = ProcessVariable.string("community");
    public static final ProcessVariable<String> COMMUNITY_NAME = ProcessVariable.string("communityName");
    public static final ProcessVariable<Integer> RESIDENTS_RECEIVED = ProcessVariable.integer("residentsReceived");
    public static final ProcessVariable<String> RECEPTION_NOTE = ProcessVariable.string("receptionNote");
    /** The form's dynamic list of issues heard, submitted by Tasklist as a Json variable. */
    public static final ProcessVariable<Object> ISSUES = ProcessVariable.raw("issues");
    /** The fields of one entry of {@link #ISSUES}, read by RecordReceptionDelegate. */
    public static final Set<String> ISSUE_FIELDS =
        Set.of("category", "title", "description", "compound", "householdsAffected", "yuanba");

    /**
     * Free text typed in the reception form: it is stored in the project's tables, removed from the
     * process once recorded, and never written to the history tables that Cockpit shows (a secretary
     * may still type a name or a phone number into a description).
     */
    public static final Set<String> NOT_IN_HISTORY = Set.of(ISSUES.name(), RECEPTION_NOTE.name());

    private Var() {}
  }

  private ScheduledListening() {}
}
