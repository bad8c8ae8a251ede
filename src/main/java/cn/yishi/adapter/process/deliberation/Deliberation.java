package cn.yishi.adapter.process.deliberation;

/** Glue for bpmn/deliberation.bpmn. */
public final class Deliberation {
  public static final String PROCESS_KEY = "deliberation";

  public static final String START_EVENT = "startEvent_deliberationRequested";
  public static final String SERVICE_TASK_SCHEDULE = "serviceTask_scheduleMeeting";
  public static final String USER_TASK_PRE_MEETING = "userTask_preMeetingOpinion";
  public static final String USER_TASK_PROBLEM_LIST = "userTask_draftProblemList";
  public static final String SERVICE_TASK_MATCH_RESOURCES = "serviceTask_matchResources";
  public static final String USER_TASK_RECORD_MEETING = "userTask_recordMeeting";
  public static final String SERVICE_TASK_RECORD_MEETING = "serviceTask_recordMeeting";
  public static final String SERVICE_TASK_RESCHEDULE = "serviceTask_rescheduleMeeting";
  public static final String USER_TASK_EXPERT_REVIEW = "userTask_expertReview";
  public static final String SERVICE_TASK_EXPERT_REVIEW = "serviceTask_recordExpertReview";
  public static final String CALL_ACTIVITY_VOTE = "callActivity_residentVote";
  public static final String SERVICE_TASK_START_PUBLICITY = "serviceTask_startPublicity";
  public static final String TIMER_PUBLICITY = "timer_publicityWindow";
  public static final String SERVICE_TASK_COUNT_OBJECTIONS = "serviceTask_countObjections";
  public static final String USER_TASK_DECIDE_OBJECTIONS = "userTask_decideObjections";
  public static final String SERVICE_TASK_DECIDE_OBJECTIONS = "serviceTask_recordObjectionDecision";
  public static final String SERVICE_TASK_ADOPT = "serviceTask_adoptResolution";
  public static final String USER_TASK_IMPLEMENT_ITEM = "userTask_implementItem";
  public static final String END_EVENT_IMPLEMENTED = "endEvent_itemsImplemented";

  public static final class Var {
    /** For a community matter started without a case (公约, 院落 plan): what is deliberated. */
    public static final String TITLE = "title";
    public static final String COMMUNITY = "community";
    public static final String URGENCY = "urgency";
    public static final String MEETING_ID = "meetingId";
    public static final String MEETING_DUE = "meetingDueDate";
    public static final String ROOM_GROUP = "roomGroup";
    /** 漩涡镇: the follow-up of the previous meeting's items, the first point of the agenda. */
    public static final String AGENDA_FOLLOW_UP = "agendaFollowUp";
    /** The party of one pre-meeting opinion task (a group id). */
    public static final String PARTY_GROUP = "partyGroup";
    public static final String POSITION = "position";
    public static final String PROBLEM_LIST = "problemList";
    public static final String RESOURCE_MATCHES = "resourceMatches";
    public static final String ON_SITE = "onSite";
    public static final String ATTENDEES = "attendees";
    public static final String PARTICIPANTS = "participants";
    public static final String GROUND_RULES = "groundRules";
    public static final String TOPIC = "topic";
    public static final String SUMMARY = "summary";
    public static final String RESOLUTION_ITEMS = "resolutionItems";
    public static final String RESPONSIBILITIES = "responsibilities";
    public static final String PAUSED = "paused";
    public static final String PAUSE_REASON = "pauseReason";
    public static final String EXPERT_REVIEW = "expertReview";
    public static final String EXPERT_APPROVED = "expertApproved";
    public static final String EXPERT_OPINION = "expertOpinion";
    public static final String RESIDENT_VOTE = "residentVote";
    public static final String VOTE_TYPE = "voteType";
    public static final String VOTE_COMPOUND = "voteCompound";
    public static final String VOTE_QUESTION = "voteQuestion";
    public static final String VOTE_PASSED = "votePassed";
    public static final String VOTE_OUTCOME = "voteOutcome";
    public static final String PUBLICITY_ENDS_AT = "publicityEndsAt";
    public static final String OBJECTION_COUNT = "objectionCount";
    public static final String OBJECTION_DECISION = "objectionDecision";
    public static final String DECISION_REASON = "decisionReason";
    public static final String RECONVENE = "reconvene";
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
