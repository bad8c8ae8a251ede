package cn.yishi.domain.convention;

/**
 * How residents adopt a convention: the residents' (representatives') meeting, which the law names for a 居民公约
 * (城市居民委员会组织法 第十五条), or — for the convention of one compound (院落公约) — one household, one vote over the
 * compound's household register.
 */
public enum AdoptionMode {
  ASSEMBLY("居民（代表）会议表决", "RESIDENTS_CONVENTION"),
  BALLOT("小区一户一票表决", "GENERAL");

  private final String label;
  private final String voteType;

  AdoptionMode(String label, String voteType) {
    this.label = label;
    this.voteType = voteType;
  }

  public String label() {
    return label;
  }

  /** The vote type of bpmn/voteRule.dmn the resident vote runs with. */
  public String voteType() {
    return voteType;
  }
}
