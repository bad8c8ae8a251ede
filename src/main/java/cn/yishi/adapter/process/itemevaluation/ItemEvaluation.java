package cn.yishi.adapter.process.itemevaluation;

import cn.yishi.adapter.process.variable.ProcessVariable;
import java.time.OffsetDateTime;

/** Glue for bpmn/itemEvaluation.bpmn (民事民评). */
public final class ItemEvaluation {
  public static final String PROCESS_KEY = "itemEvaluation";

  public static final String START_EVENT = "startEvent_itemReportedDone";
  public static final String SERVICE_TASK_PREPARE = "serviceTask_prepareEvaluation";
  public static final String USER_TASK_ORGANIZE = "userTask_organizeEvaluation";
  public static final String SERVICE_TASK_OPEN = "serviceTask_openEvaluation";
  public static final String USER_TASK_DISTRIBUTE = "userTask_distributeSheets";
  public static final String TIMER_WHILE_DISTRIBUTING = "timer_windowWhileDistributing";
  public static final String TIMER_WINDOW = "timer_evaluationWindow";
  public static final String SERVICE_TASK_CLOSE = "serviceTask_closeEvaluation";
  public static final String USER_TASK_REWORK = "userTask_implementItem";
  public static final String USER_TASK_NO_RATINGS = "userTask_noRatings";
  public static final String END_EVENT_PASSED = "endEvent_passed";
  public static final String END_EVENT_NO_RATINGS = "endEvent_noRatings";

  public static final class Var {
    /** The community's 居务监督委员会 group. */
    public static final ProcessVariable<String> COMMITTEE_GROUP = ProcessVariable.string("committeeGroup");
    /** Task-local facts of the committee's form. */
    public static final ProcessVariable<String> ITEM_UNIT = ProcessVariable.string("itemUnit");
    public static final ProcessVariable<String> ITEM_REPORT = ProcessVariable.string("itemReport");
    public static final ProcessVariable<String> SESSION_PARTIES = ProcessVariable.string("sessionParties");
    public static final ProcessVariable<String> ELECTORATE_CHOICES = ProcessVariable.string("electorateChoices");
    /** The committee's choice: the session's parties rate, the households of an electorate rate, the window. */
    public static final ProcessVariable<Boolean> PARTICIPANTS = ProcessVariable.bool("evaluationParticipants");
    public static final ProcessVariable<String> ELECTORATE = ProcessVariable.string("evaluationElectorate");
    public static final ProcessVariable<Object> WINDOW_DAYS = ProcessVariable.raw("evaluationWindowDays");
    /** The open round and the end of its window. */
    public static final ProcessVariable<Long> EVALUATION_ID = ProcessVariable.id("evaluationId");
    public static final ProcessVariable<OffsetDateTime> CLOSES_AT = ProcessVariable.dateTime("evaluationClosesAt");
    public static final ProcessVariable<String> CLOSES_TEXT = ProcessVariable.string("evaluationClosesText");
    public static final ProcessVariable<String> RATERS = ProcessVariable.string("evaluationRatersSummary");
    /** PASSED, REWORK or NO_RATINGS, and the result in words. */
    public static final ProcessVariable<String> OUTCOME = ProcessVariable.string("evaluationOutcome");
    public static final ProcessVariable<String> RESULT = ProcessVariable.string("evaluationResult");
    /** The committee's note on a round without ratings (无人评价), kept in the process. */
    public static final ProcessVariable<String> NO_RATINGS_NOTE = ProcessVariable.string("noRatingsNote");

    private Var() {}
  }

  private ItemEvaluation() {}
}
