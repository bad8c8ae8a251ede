package cn.yishi.adapter.inbound.engine;

/** Glue for bpmn/deliberation.bpmn. */
public final class Deliberation {
  public static final String PROCESS_KEY = "deliberation";

  public static final String SERVICE_TASK_SCHEDULE = "serviceTask_scheduleMeeting";
  public static final String USER_TASK_RECORD_MEETING = "userTask_recordMeeting";
  public static final String SERVICE_TASK_RECORD_MEETING = "serviceTask_recordMeeting";
  public static final String USER_TASK_IMPLEMENT_ITEM = "userTask_implementItem";
  public static final String END_EVENT_IMPLEMENTED = "endEvent_itemsImplemented";

  public static final class Var {
    public static final String MEETING_ID = "meetingId";
    public static final String MEETING_DUE = "meetingDueDate";
    public static final String ROOM_GROUP = "roomGroup";
    public static final String PARTICIPANTS = "participants";
    public static final String SUMMARY = "summary";
    public static final String RESOLUTION_ITEMS = "resolutionItems";
    public static final String ITEM_ID = "itemId";
    public static final String PROGRESS_NOTE = "progressNote";
    /** Task-local: the measure of the item being implemented, shown on its form. */
    public static final String ITEM_MEASURE = "itemMeasure";
    /** The fields of one entry of {@link #RESOLUTION_ITEMS}, read by RecordMeetingDelegate. */
    public static final java.util.Set<String> RESOLUTION_ITEM_FIELDS = java.util.Set.of("unit", "measure", "deadline");

    private Var() {}
  }

  private Deliberation() {}
}
