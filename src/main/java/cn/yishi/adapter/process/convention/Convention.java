package cn.yishi.adapter.process.convention;

import cn.yishi.adapter.process.residentvote.ResidentVote;
import cn.yishi.adapter.process.variable.ProcessVariable;
import java.time.OffsetDateTime;
import java.util.Set;

/** Glue for bpmn/convention.bpmn (公约: draft → publicity for comments → revision → 党组织审核 → adoption → publication). */
public final class Convention {
  public static final String PROCESS_KEY = "convention";

  public static final String START_EVENT = "startEvent_conventionDrafted";
  public static final String SERVICE_TASK_REGISTER = "serviceTask_registerDraft";
  public static final String TIMER_COMMENT_WINDOW = "timer_commentWindow";
  public static final String SERVICE_TASK_CLOSE_COMMENTS = "serviceTask_closeComments";
  public static final String USER_TASK_REVISE = "userTask_reviseDraft";
  public static final String SERVICE_TASK_RECORD_REVISION = "serviceTask_recordRevision";
  public static final String USER_TASK_PARTY_REVIEW = "userTask_partyReview";
  public static final String SERVICE_TASK_RECORD_REVIEW = "serviceTask_recordPartyReview";
  public static final String CALL_ACTIVITY_ADOPTION = "callActivity_adoption";
  public static final String SERVICE_TASK_ADOPTION_FAILED = "serviceTask_recordAdoptionFailed";
  public static final String SERVICE_TASK_PUBLISH = "serviceTask_publishConvention";
  public static final String END_EVENT_PUBLISHED = "endEvent_conventionPublished";

  public static final class Var {
    /** The staff member who started the draft (the start event's initiator). */
    public static final ProcessVariable<String> INITIATOR = ProcessVariable.string("initiator");
    /** The start form: a community's code, or a compound's (会客站) code. */
    public static final ProcessVariable<String> SCOPE = ProcessVariable.string("conventionScope");
    /** The start form: the number of the convention in force an amendment amends (empty for a new convention). */
    public static final ProcessVariable<Long> AMENDS = ProcessVariable.id("amendsConvention");
    /** The convention's title; also the subject the tasks are titled with. */
    public static final ProcessVariable<String> TITLE = ProcessVariable.string("title");
    public static final ProcessVariable<String> TEXT = ProcessVariable.string("conventionText");
    public static final ProcessVariable<Integer> COMMENT_DAYS = ProcessVariable.integer("commentDays");
    public static final ProcessVariable<Long> CONVENTION_ID = ProcessVariable.id("conventionId");
    public static final ProcessVariable<Long> VERSION_ID = ProcessVariable.id("conventionVersionId");
    public static final ProcessVariable<Integer> VERSION_NO = ProcessVariable.integer("versionNo");
    public static final ProcessVariable<String> SCOPE_NAME = ProcessVariable.string("scopeName");
    public static final ProcessVariable<String> COMMUNITY_GROUP = ProcessVariable.string("communityGroup");
    /** The public page of the draft, shown to the staff to post and share (张贴、转发到楼栋群). */
    public static final ProcessVariable<String> DRAFT_URL = ProcessVariable.string("draftUrl");
    public static final ProcessVariable<OffsetDateTime> COMMENTS_CLOSE_AT = ProcessVariable.dateTime("commentsCloseAt");
    public static final ProcessVariable<Integer> COMMENT_COUNT = ProcessVariable.integer("commentCount");
    /** The revision form's list: one entry per comment, the staff write how it was handled. */
    public static final ProcessVariable<Object> COMMENTS = ProcessVariable.raw("conventionComments");
    /** The fields of one entry of {@link #COMMENTS}. */
    public static final Set<String> COMMENT_FIELDS = Set.of("commentId", "comment", "handling");
    public static final ProcessVariable<String> REVISION_NOTE = ProcessVariable.string("revisionNote");
    /** Why the draft is back in revision (returned by the review, or not adopted). */
    public static final ProcessVariable<String> RETURN_REASON = ProcessVariable.string("returnReason");
    public static final ProcessVariable<String> REVIEW_DECISION = ProcessVariable.string("reviewDecision");
    public static final ProcessVariable<String> REVIEW_REASON = ProcessVariable.string("reviewReason");
    public static final ProcessVariable<String> ADOPTION_MODE = ProcessVariable.string("adoptionMode");
    public static final ProcessVariable<Boolean> APPROVED = ProcessVariable.bool("reviewApproved");
    public static final ProcessVariable<String> EFFECTIVE_DATE = ProcessVariable.string("effectiveDate");
    // what the residents' vote (bpmn/residentVote.bpmn, called as it is) reads and returns
    public static final ProcessVariable<Long> MEETING_ID = ResidentVote.Var.MEETING_ID;
    public static final ProcessVariable<String> ROOM_GROUP = ResidentVote.Var.ROOM_GROUP;
    public static final ProcessVariable<String> VOTE_TYPE = ResidentVote.Var.VOTE_TYPE;
    public static final ProcessVariable<String> VOTE_COMPOUND = ResidentVote.Var.VOTE_COMPOUND;
    public static final ProcessVariable<String> VOTE_QUESTION = ResidentVote.Var.VOTE_QUESTION;
    public static final ProcessVariable<Boolean> VOTE_PASSED = ResidentVote.Var.VOTE_PASSED;
    public static final ProcessVariable<String> VOTE_OUTCOME = ResidentVote.Var.VOTE_OUTCOME;

    private Var() {}
  }

  private Convention() {}
}
