package cn.yishi.adapter.process.residentvote;

import cn.yishi.adapter.process.deliberation.Deliberation;

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
    public static final String MEETING_ID = Deliberation.Var.MEETING_ID;
    public static final String ROOM_GROUP = Deliberation.Var.ROOM_GROUP;
    public static final String VOTE_TYPE = Deliberation.Var.VOTE_TYPE;
    public static final String VOTE_COMPOUND = Deliberation.Var.VOTE_COMPOUND;
    public static final String VOTE_QUESTION = Deliberation.Var.VOTE_QUESTION;
    public static final String VOTE_PASSED = Deliberation.Var.VOTE_PASSED;
    public static final String VOTE_OUTCOME = Deliberation.Var.VOTE_OUTCOME;
    /** True when the matter is reserved for a residents' (representatives') meeting. */
    public static final String ASSEMBLY = "assembly";
    public static final String VOTE_ID = "voteId";
    public static final String VOTE_CLOSES_AT = "voteClosesAt";
    public static final String HOUSEHOLDS = "households";
    public static final String PAPER_BALLOTS = "paperBallots";
    /** The fields of one entry of {@link #PAPER_BALLOTS}. */
    public static final java.util.Set<String> PAPER_BALLOT_FIELDS = java.util.Set.of("token", "choice");
    public static final String ASSEMBLY_MEMBERS = "assemblyMembers";
    public static final String ASSEMBLY_YES = "assemblyYes";
    public static final String ASSEMBLY_NO = "assemblyNo";
    public static final String ASSEMBLY_ABSTAIN = "assemblyAbstain";

    private Var() {}
  }

  private ResidentVote() {}
}
