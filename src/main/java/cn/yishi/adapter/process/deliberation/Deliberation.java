package cn.yishi.adapter.process.deliberation;

import cn.yishi.adapter.process.variable.ProcessVariable;
import java.time.OffsetDateTime;

/** Glue for bpmn/deliberation.bpmn. */
public final class Deliberation {
  public static final String PROCESS_KEY = "deliberation";

  public static final String START_EVENT = "startEvent_deliberationRequested";
  public static final String SERVICE_TASK_SCHEDULE = "serviceTask_scheduleMeeting";
  /** Waits until the topic's session resolves it (a pause or a move keeps it waiting for the next session). */
  public static final String CATCH_TOPIC_RESOLVED = "catch_topicResolved";
  public static final String MESSAGE_TOPIC_RESOLVED = "deliberation.topicResolved";
  public static final String SERVICE_TASK_REJOIN_AFTER_REVIEW = "serviceTask_rejoinAfterReview";
  public static final String SERVICE_TASK_REJOIN_AFTER_VOTE = "serviceTask_rejoinAfterVote";
  public static final String SERVICE_TASK_REJOIN_AFTER_OBJECTIONS = "serviceTask_rejoinAfterObjections";
  public static final String USER_TASK_EXPERT_REVIEW = "userTask_expertReview";
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
    public static final ProcessVariable<String> TITLE = ProcessVariable.string("title");
    public static final ProcessVariable<String> COMMUNITY = ProcessVariable.string("community");
    public static final ProcessVariable<String> URGENCY = ProcessVariable.string("urgency");
    /** The topic (a yishi_meeting row: its items, publicity, vote). */
    public static final ProcessVariable<Long> MEETING_ID = ProcessVariable.id("meetingId");
    /** The session whose agenda the topic is on. */
    public static final ProcessVariable<Long> SESSION_ID = ProcessVariable.id("sessionId");
    public static final ProcessVariable<OffsetDateTime> MEETING_DUE = ProcessVariable.dateTime("meetingDueDate");
    /** The group of the body at the topic's tier (station, room, hall, county): it convenes, chairs and decides objections. */
    public static final ProcessVariable<String> ROOM_GROUP = ProcessVariable.string("roomGroup");
    /** 漩涡镇: the follow-up of the previous meeting's items, the first point of the agenda. */
    public static final ProcessVariable<String> AGENDA_FOLLOW_UP = ProcessVariable.string("agendaFollowUp");
    /** The party of one pre-meeting opinion task (a group id). */
    public static final ProcessVariable<String> PARTY_GROUP = ProcessVariable.string("partyGroup");
    public static final ProcessVariable<String> POSITION = ProcessVariable.string("position");
    public static final ProcessVariable<String> PROBLEM_LIST = ProcessVariable.string("problemList");
    public static final ProcessVariable<String> RESOURCE_MATCHES = ProcessVariable.string("resourceMatches");
    public static final ProcessVariable<Boolean> ON_SITE = ProcessVariable.bool("onSite");
    public static final ProcessVariable<String> ATTENDEES = ProcessVariable.string("attendees");
    public static final ProcessVariable<Integer> PARTICIPANTS = ProcessVariable.integer("participants");
    public static final ProcessVariable<String> GROUND_RULES = ProcessVariable.string("groundRules");
    public static final ProcessVariable<String> TOPIC = ProcessVariable.string("topic");
    public static final ProcessVariable<String> SUMMARY = ProcessVariable.string("summary");
    public static final ProcessVariable<Object> RESOLUTION_ITEMS = ProcessVariable.raw("resolutionItems");
    public static final ProcessVariable<String> RESPONSIBILITIES = ProcessVariable.string("responsibilities");
    public static final ProcessVariable<Boolean> PAUSED = ProcessVariable.bool("paused");
    public static final ProcessVariable<String> PAUSE_REASON = ProcessVariable.string("pauseReason");
    public static final ProcessVariable<Boolean> EXPERT_REVIEW = ProcessVariable.bool("expertReview");
    public static final ProcessVariable<Boolean> EXPERT_APPROVED = ProcessVariable.bool("expertApproved");
    public static final ProcessVariable<String> EXPERT_OPINION = ProcessVariable.string("expertOpinion");
    public static final ProcessVariable<Boolean> RESIDENT_VOTE = ProcessVariable.bool("residentVote");
    public static final ProcessVariable<String> VOTE_TYPE = ProcessVariable.string("voteType");
    public static final ProcessVariable<String> VOTE_COMPOUND = ProcessVariable.string("voteCompound");
    public static final ProcessVariable<String> VOTE_QUESTION = ProcessVariable.string("voteQuestion");
    public static final ProcessVariable<Boolean> VOTE_PASSED = ProcessVariable.bool("votePassed");
    public static final ProcessVariable<String> VOTE_OUTCOME = ProcessVariable.string("voteOutcome");
    public static final ProcessVariable<OffsetDateTime> PUBLICITY_ENDS_AT = ProcessVariable.dateTime("publicityEndsAt");
    public static final ProcessVariable<Integer> OBJECTION_COUNT = ProcessVariable.integer("objectionCount");
    public static final ProcessVariable<String> OBJECTION_DECISION = ProcessVariable.string("objectionDecision");
    public static final ProcessVariable<String> DECISION_REASON = ProcessVariable.string("decisionReason");
    public static final ProcessVariable<Boolean> RECONVENE = ProcessVariable.bool("reconvene");
    public static final ProcessVariable<Long> ITEM_ID = ProcessVariable.id("itemId");
    public static final ProcessVariable<String> PROGRESS_NOTE = ProcessVariable.string("progressNote");
    /** Task-local: the measure of the item being implemented, shown on its form. */
    public static final ProcessVariable<String> ITEM_MEASURE = ProcessVariable.string("itemMeasure");
    /** The fields of one entry of {@link #RESOLUTION_ITEMS}, read by RecordMeetingDelegate. */
    public static final java.util.Set<String> RESOLUTION_ITEM_FIELDS = java.util.Set.of("unit", "measure", "deadline");

    private Var() {}
  }

  private Deliberation() {}
}
