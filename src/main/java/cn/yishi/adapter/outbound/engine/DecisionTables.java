package cn.yishi.adapter.outbound.engine;

import cn.yishi.adapter.process.variable.ProcessVariable;

/**
 * Glue for the decision tables in bpmn/: each table's key, and its inputs and outputs as typed variables, named once
 * here and used by {@link CamundaDecisions} and the table tests.
 */
public final class DecisionTables {
  private DecisionTables() {}

  /** The inputs that both screening tables read. */
  public static final ProcessVariable<String> CATEGORY = ProcessVariable.string("category");
  public static final ProcessVariable<Integer> HOUSEHOLDS_AFFECTED = ProcessVariable.integer("householdsAffected");
  /** The facts stated at registration (null: not stated), see {@code ScreeningFacts}. */
  public static final ProcessVariable<String> SCOPE = ProcessVariable.string("scope");
  public static final ProcessVariable<Boolean> WITHIN_AUTHORITY = ProcessVariable.bool("withinAuthority");
  public static final ProcessVariable<Boolean> SETTLED_BY_POLICY = ProcessVariable.bool("settledByPolicy");
  public static final ProcessVariable<Boolean> RESERVED_TO_ASSEMBLY = ProcessVariable.bool("reservedToAssembly");
  public static final ProcessVariable<Boolean> UNLAWFUL = ProcessVariable.bool("unlawful");
  public static final ProcessVariable<Boolean> CROSS_COMMUNITY = ProcessVariable.bool("crossCommunity");
  public static final ProcessVariable<Boolean> MULTI_DEPARTMENT = ProcessVariable.bool("multiDepartment");
  public static final ProcessVariable<Boolean> URGENT = ProcessVariable.bool("urgent");
  public static final ProcessVariable<Boolean> NEEDS_CONSULTATION = ProcessVariable.bool("needsConsultation");

  /** bpmn/admissibility.dmn: 五议五不议. */
  public static final class Admissibility {
    public static final String KEY = "admissibility";
    public static final ProcessVariable<Boolean> SUGGESTED_ADMISSIBLE = ProcessVariable.bool("suggestedAdmissible");
    /** Which of the 五议五不议 applies (a ScreeningGround code). */
    public static final ProcessVariable<String> GROUND = ProcessVariable.string("ground");
    public static final ProcessVariable<String> SUGGESTED_DECLINE_REASON = ProcessVariable.string("suggestedDeclineReason");
    public static final ProcessVariable<String> REFERRAL = ProcessVariable.string("referral");

    private Admissibility() {}
  }

  /** bpmn/triage.dmn: urgency, tier, disposal, time limits and the suggested unit. */
  public static final class Triage {
    public static final String KEY = "triage";
    public static final ProcessVariable<String> URGENCY = ProcessVariable.string("urgency");
    public static final ProcessVariable<String> TIER = ProcessVariable.string("tier");
    public static final ProcessVariable<String> DISPOSAL = ProcessVariable.string("disposal");
    public static final ProcessVariable<Integer> RESPONSE_DAYS = ProcessVariable.integer("responseDays");
    public static final ProcessVariable<Integer> RESOLUTION_DAYS = ProcessVariable.integer("resolutionDays");
    public static final ProcessVariable<String> SUGGESTED_UNIT = ProcessVariable.string("suggestedUnit");

    private Triage() {}
  }

  /** bpmn/voteRule.dmn: quorum and majority of a resident vote by its type. */
  public static final class VoteRule {
    public static final String KEY = "voteRule";
    public static final ProcessVariable<String> VOTE_TYPE = ProcessVariable.string("voteType");
    public static final ProcessVariable<String> QUORUM = ProcessVariable.string("quorum");
    public static final ProcessVariable<Boolean> STRICT_QUORUM = ProcessVariable.bool("strictQuorum");
    public static final ProcessVariable<String> MAJORITY = ProcessVariable.string("majority");
    public static final ProcessVariable<Boolean> STRICT_MAJORITY = ProcessVariable.bool("strictMajority");
    /** True: the thresholds hold by floor area as well as by headcount (民法典 第二百七十八条). */
    public static final ProcessVariable<Boolean> BY_AREA = ProcessVariable.bool("byArea");
    /** BALLOT, or ASSEMBLY for a matter reserved to a residents' (representatives') meeting. */
    public static final ProcessVariable<String> CHANNEL = ProcessVariable.string("channel");

    private VoteRule() {}
  }
}
