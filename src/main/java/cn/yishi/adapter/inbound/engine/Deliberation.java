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

    private Var() {}
  }

  private Deliberation() {}
}
