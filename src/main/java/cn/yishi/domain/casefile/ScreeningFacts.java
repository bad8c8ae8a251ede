package cn.yishi.domain.casefile;

/**
 * What the person who registered an issue stated about it, read by the 五议五不议 and triage tables. Each fact is
 * optional (null: not stated); a channel that cannot know them states none, and the reviewer confirms or overrides
 * the tables' suggestion with a reason.
 *
 * @param scope PUBLIC (affects the public) or PRIVATE (purely between individuals)
 * @param withinAuthority false when the matter is beyond the community's authority
 * @param settledByPolicy true when a policy already settles it
 * @param reservedToAssembly true when it must go to the residents' (representatives') meeting
 * @param unlawful true when what is asked violates laws or regulations
 * @param crossCommunity true when it spans several communities
 * @param multiDepartment true when several departments must act together
 * @param urgent true when it is urgent, dangerous or heavy (急难险重)
 * @param needsConsultation true when the parties must consult on a solution (共商解决方案)
 */
public record ScreeningFacts(String scope, Boolean withinAuthority, Boolean settledByPolicy, Boolean reservedToAssembly,
    Boolean unlawful, Boolean crossCommunity, Boolean multiDepartment, Boolean urgent, Boolean needsConsultation) {
  public static final String PUBLIC = "PUBLIC";
  public static final String PRIVATE = "PRIVATE";
  /** Nothing stated. */
  public static final ScreeningFacts NONE = new ScreeningFacts(null, null, null, null, null, null, null, null, null);

  public ScreeningFacts {
    scope = Text.trimToNull(scope);
    if (scope != null && !scope.equals(PUBLIC) && !scope.equals(PRIVATE)) {
      scope = null;
    }
  }
}
