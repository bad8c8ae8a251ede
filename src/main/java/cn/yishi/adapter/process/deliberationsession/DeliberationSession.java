package cn.yishi.adapter.process.deliberationsession;

import cn.yishi.adapter.process.variable.ProcessVariable;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineServices;

/** Glue for bpmn/deliberationSession.bpmn: one session (议事会) of one body on one date. */
public final class DeliberationSession {
  public static final String PROCESS_KEY = "deliberationSession";

  public static final String START_EVENT = "startEvent_sessionScheduled";
  public static final String SERVICE_TASK_OPEN = "serviceTask_openSession";
  public static final String TIMER_AGENDA_CLOSES = "timer_agendaCloses";
  public static final String SERVICE_TASK_PREPARE_AGENDA = "serviceTask_prepareAgenda";
  public static final String USER_TASK_CONFIRM_AGENDA = "userTask_confirmAgenda";
  public static final String SERVICE_TASK_CLOSE_AGENDA = "serviceTask_closeAgenda";
  public static final String END_EVENT_CANCELLED = "endEvent_sessionCancelled";
  public static final String USER_TASK_OPINION = "userTask_sessionOpinion";
  public static final String USER_TASK_RECORD = "userTask_recordSession";
  public static final String SERVICE_TASK_RECORD = "serviceTask_recordSession";
  public static final String SERVICE_TASK_RESCHEDULE = "serviceTask_rescheduleSession";
  public static final String END_EVENT_HELD = "endEvent_sessionHeld";

  public static final class Var {
    public static final ProcessVariable<Long> SESSION_ID = ProcessVariable.id("sessionId");
    /** The body's group: it convenes and chairs (三级书记主持). */
    public static final ProcessVariable<String> BODY_GROUP = ProcessVariable.string("bodyGroup");
    /** What task names show: the body, the date (华林社区党群会客室2026年3月16日议事会). */
    public static final ProcessVariable<String> TITLE = ProcessVariable.string("title");
    public static final ProcessVariable<String> COMMUNITY = ProcessVariable.string("community");
    public static final ProcessVariable<OffsetDateTime> SESSION_DUE = ProcessVariable.dateTime("sessionDueDate");
    public static final ProcessVariable<OffsetDateTime> AGENDA_CLOSES_AT = ProcessVariable.dateTime("agendaClosesAt");
    /** The agenda as text: the previous session's items first (漩涡), then the topics. */
    public static final ProcessVariable<String> SESSION_AGENDA = ProcessVariable.string("sessionAgenda");
    /** 确定议程: per topic its problem list or a move (date, reason); a Json list filled from the agenda. */
    public static final ProcessVariable<Object> AGENDA_TOPICS = ProcessVariable.raw("agendaTopics");
    public static final Set<String> AGENDA_TOPIC_FIELDS = Set.of("topic", "caseNo", "title", "problemList", "moveToDate",
        "moveReason", "inviteReporter");
    /** The N parties the convener adds (相关利益方), group ids. */
    public static final ProcessVariable<Object> EXTRA_PARTIES = ProcessVariable.raw("extraParties");
    /** The experts of the talent pool the convener invites (人才库, resource entry ids as text). */
    public static final ProcessVariable<Object> INVITED_EXPERTS = ProcessVariable.raw("invitedExperts");
    /** The options of {@link #INVITED_EXPERTS}: the talent pool serving the body ({label, value}), for the form. */
    public static final ProcessVariable<Object> TALENT_OPTIONS = ProcessVariable.raw("talentOptions");
    public static final ProcessVariable<Boolean> HAS_TOPICS = ProcessVariable.bool("hasTopics");
    public static final ProcessVariable<String> PARTY_GROUP = ProcessVariable.string("partyGroup");
    /** 会前沟通 (task-local): one position per topic. */
    public static final ProcessVariable<Object> POSITIONS = ProcessVariable.raw("positions");
    public static final Set<String> POSITION_FIELDS = Set.of("topic", "title", "position");
    /** 议事会记录: per topic its part of the six steps, or its pause. */
    public static final ProcessVariable<Object> TOPICS = ProcessVariable.raw("topics");
    public static final Set<String> TOPIC_FIELDS = Set.of("topic", "caseNo", "title", "resourceMatches", "paused",
        "pauseReason", "statement", "discussion", "responsibilities", "expertReview", "residentVote", "voteType",
        "voteCompound", "voteQuestion");
    /** The resolution list (决议清单) of every topic: topic, unit, measure, deadline. */
    public static final ProcessVariable<Object> RESOLUTION_ITEMS = ProcessVariable.raw("sessionItems");
    public static final Set<String> RESOLUTION_ITEM_FIELDS = Set.of("topic", "unit", "measure", "deadline");
    /** 漩涡: the previous session's items with questions (现场质询) and a rating (满意度测评, 1–5). */
    public static final ProcessVariable<Object> FOLLOW_UPS = ProcessVariable.raw("followUps");
    public static final Set<String> FOLLOW_UP_FIELDS = Set.of("item", "unitName", "measure", "questions", "rating");
    public static final ProcessVariable<Boolean> SESSION_PAUSED = ProcessVariable.bool("sessionPaused");
    public static final ProcessVariable<String> SESSION_PAUSE_REASON = ProcessVariable.string("sessionPauseReason");
    public static final ProcessVariable<Boolean> ON_SITE = ProcessVariable.bool("onSite");
    public static final ProcessVariable<String> ATTENDEES = ProcessVariable.string("attendees");
    public static final ProcessVariable<Integer> PARTICIPANTS = ProcessVariable.integer("participants");
    public static final ProcessVariable<String> GROUND_RULES = ProcessVariable.string("groundRules");

    private Var() {}
  }

  /** Starts the process of a session just created (its business key: session-&lt;id&gt;). */
  public static void start(ProcessEngineServices engine, long sessionId) {
    engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, "session-" + sessionId,
        Map.of(Var.SESSION_ID.name(), sessionId));
  }

  private DeliberationSession() {}
}
