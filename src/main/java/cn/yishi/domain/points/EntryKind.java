package cn.yishi.domain.points;

/** The kinds of ledger entries. The ledger is append-only: a mistake is corrected by a counter-entry. */
public enum EntryKind {
  /** An approved award (加分): positive. */
  AWARD("加分"),
  /** A redemption in the points shop (积分超市兑换): negative. */
  REDEMPTION("兑换"),
  /** A counter-entry by the community secretary (更正), either sign. */
  CORRECTION("更正");

  private final String label;

  EntryKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
