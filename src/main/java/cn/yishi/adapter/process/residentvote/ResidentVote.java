package cn.yishi.adapter.process.residentvote;

import cn.yishi.adapter.process.deliberation.Deliberation;
import cn.yishi.adapter.process.variable.ProcessVariable;
import java.time.OffsetDateTime;

/** Glue for bpmn/residentVote.bpmn (一户一票). */
public final class ResidentVote {
  public static final String PROCESS_KEY = "residentVote";

  public static final String SERVICE_TASK_OPEN = "serviceTask_openVote";
  public static final String USER_TASK_ASSEMBLY = "userTask_residentsAssembly";
  public static final String SERVICE_TASK_ASSEMBLY = "serviceTask_recordAssembly";
  public static final String USER_TASK_PAPER_BALLOTS = "userTask_enterPaperBallots";
  public static final String SERVICE_TASK_PAPER_BALLOTS = "serviceTask_enterPaperBallots";
  public static final String BOUNDARY_VOTE_CLOSED = "boundary_voteClosed";
  public static final String SERVICE_TASK_TALLY = "serviceTask_tallyVote";
  public static final String END_EVENT_COUNTED = "endEvent_voteCounted";

  public static final class Var {
    public static final ProcessVariable<Long> MEETING_ID = Deliberation.Var.MEETING_ID;
    public static final ProcessVariable<String> ROOM_GROUP = Deliberation.Var.ROOM_GROUP;
    public static final ProcessVariable<String> VOTE_TYPE = Deliberation.Var.VOTE_TYPE;
    public static final ProcessVariable<String> VOTE_COMPOUND = Deliberation.Var.VOTE_COMPOUND;
    public static final ProcessVariable<String> VOTE_QUESTION = Deliberation.Var.VOTE_QUESTION;
    public static final ProcessVariable<Boolean> VOTE_PASSED = Deliberation.Var.VOTE_PASSED;
    public static final ProcessVariable<String> VOTE_OUTCOME = Deliberation.Var.VOTE_OUTCOME;
    /** True when the matter is reserved for a residents' (representatives') meeting. */
    public static final ProcessVariable<Boolean> ASSEMBLY = ProcessVariable.bool("assembly");
    public static final ProcessVariable<Long> VOTE_ID = ProcessVariable.id("voteId");
    public static final ProcessVariable<OffsetDateTime> VOTE_CLOSES_AT = ProcessVariable.dateTime("voteClosesAt");
    public static final ProcessVariable<Integer> HOUSEHOLDS = ProcessVariable.integer("households");
    public static final ProcessVariable<Object> PAPER_BALLOTS = ProcessVariable.raw("paperBallots");
    /** The fields of one entry of {@link #PAPER_BALLOTS}. */
    public static final java.util.Set<String> PAPER_BALLOT_FIELDS = java.util.Set.of("token", "choice");
    public static final ProcessVariable<Integer> ASSEMBLY_MEMBERS = ProcessVariable.integer("assemblyMembers");
    public static final ProcessVariable<Integer> ASSEMBLY_YES = ProcessVariable.integer("assemblyYes");
    public static final ProcessVariable<Integer> ASSEMBLY_NO = ProcessVariable.integer("assemblyNo");
    public static final ProcessVariable<Integer> ASSEMBLY_ABSTAIN = ProcessVariable.integer("assemblyAbstain");

    private Var() {}
  }

  private ResidentVote() {}
}
