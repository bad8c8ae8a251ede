package cn.yishi.adapter.process.twowayevaluation;

import cn.yishi.adapter.process.variable.ProcessVariable;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Glue for bpmn/twoWayEvaluation.bpmn (双向评价) and bpmn/twoWayEvaluationSchedule.bpmn: a timer start on the
 * configured months opens the due rounds (one instance per round); staff open rounds in Tasklist (院坝管理), which starts an instance per round with its id. No
 * household, token or answer is ever a process variable.
 */
public final class TwoWayEvaluation {
  public static final String PROCESS_KEY = "twoWayEvaluation";

  public static final String START_EVENT_ROUND = "startEvent_roundOpened";
  public static final String SERVICE_TASK_PREPARE = "serviceTask_prepareRound";
  public static final String USER_TASK_SELF = "userTask_selfEvaluation";
  public static final String SERVICE_TASK_SELF = "serviceTask_recordSelfEvaluation";
  public static final String BOUNDARY_SELF_CLOSED = "boundary_selfEvaluationClosed";
  public static final String USER_TASK_PAPER = "userTask_enterPaperSheets";
  public static final String SERVICE_TASK_PAPER = "serviceTask_enterPaperSheets";
  public static final String BOUNDARY_ROUND_CLOSED = "boundary_roundClosed";
  public static final String SERVICE_TASK_CLOSE = "serviceTask_closeRound";
  public static final String SUB_PROCESS_REVIEW = "subProcess_reviewFailed";
  public static final String SERVICE_TASK_PREPARE_REVIEW = "serviceTask_prepareReview";
  public static final String USER_TASK_REVIEW = "userTask_reviewFailed";
  public static final String SERVICE_TASK_REVIEW = "serviceTask_recordReview";
  public static final String END_EVENT_EVALUATED = "endEvent_roundEvaluated";

  public static final class Var {
    public static final ProcessVariable<Long> ROUND_ID = ProcessVariable.id("evaluationRoundId");
    public static final ProcessVariable<String> YUANBA = ProcessVariable.string("yuanba");
    public static final ProcessVariable<String> YUANBA_NAME = ProcessVariable.string("yuanbaName");
    public static final ProcessVariable<String> COMMUNITY_NAME = ProcessVariable.string("communityName");
    public static final ProcessVariable<String> TITLE = ProcessVariable.string("title");
    public static final ProcessVariable<String> PERIOD = ProcessVariable.string("evaluationPeriod");
    public static final ProcessVariable<String> STREET_GROUP = ProcessVariable.string("streetGroup");
    public static final ProcessVariable<String> COMMUNITY_GROUP = ProcessVariable.string("communityGroup");
    public static final ProcessVariable<String> HEAD_GROUP = ProcessVariable.string("headGroup");
    public static final ProcessVariable<OffsetDateTime> CLOSES_AT = ProcessVariable.dateTime("evaluationClosesAt");
    public static final ProcessVariable<Integer> HOUSEHOLDS = ProcessVariable.integer("households");
    /** 第1位 院坝长 杨全国；第2位 …: the numbering of the sheet, shown on the paper-entry form. */
    public static final ProcessVariable<String> SUBJECTS = ProcessVariable.string("evaluationSubjects");
    public static final ProcessVariable<String> SELF_GRADE = ProcessVariable.string("selfGrade");
    public static final ProcessVariable<String> SELF_TEXT = ProcessVariable.string("selfText");
    public static final ProcessVariable<Object> PAPER_SHEETS = ProcessVariable.raw("paperSheets");
    /** The fields of one entry of {@link #PAPER_SHEETS}: the token and the answer to each position. */
    public static final List<String> PAPER_SHEET_ANSWERS = List.of("p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8");
    /** Every field of one entry of {@link #PAPER_SHEETS}. */
    public static final java.util.Set<String> PAPER_SHEET_FIELDS = java.util.Set.of("token", "p1", "p2", "p3", "p4", "p5",
        "p6", "p7", "p8");
    public static final ProcessVariable<List<String>> FAILING = ProcessVariable.stringList("failingSubjects");
    public static final ProcessVariable<Boolean> ANY_FAILING = ProcessVariable.bool("anyFailing");
    /** The element of the review's multi-instance: a 不及格 person's id. */
    public static final ProcessVariable<String> SUBJECT_ID = ProcessVariable.string("subjectId");
    public static final ProcessVariable<String> REVIEW_SUBJECT = ProcessVariable.string("reviewSubject");
    public static final ProcessVariable<String> REVIEW_RESULT = ProcessVariable.string("reviewResult");
    public static final ProcessVariable<Boolean> REVIEW_CADRE = ProcessVariable.bool("reviewCadre");
    public static final ProcessVariable<String> DECISION = ProcessVariable.string("reviewDecision");
    public static final ProcessVariable<String> REASON = ProcessVariable.string("reviewReason");
    public static final ProcessVariable<String> NEW_NAME = ProcessVariable.string("newHolderName");
    public static final ProcessVariable<String> NEW_PHONE = ProcessVariable.string("newHolderPhone");
    public static final ProcessVariable<String> NEW_FROM = ProcessVariable.string("newHolderFrom");

    /** Never in history: the paper sheets' tokens, and the new holder's phone (staff only, kept by MicroGrids). */
    public static final java.util.Set<String> NOT_IN_HISTORY = java.util.Set.of("paperSheets", "newHolderPhone");

    private Var() {}
  }

  private TwoWayEvaluation() {}
}
