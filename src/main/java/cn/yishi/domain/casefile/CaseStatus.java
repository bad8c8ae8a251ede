package cn.yishi.domain.casefile;

/** The status of a case as staff and the public board see it. */
public enum CaseStatus {
  REGISTERED("已登记，待审核", true),
  DECLINED("不予受理", false),
  ACCEPTED("已受理，待派单", true),
  IN_PROGRESS("办理中", true),
  DELIBERATING("协商议事中", true),
  RESOLVED("已办结，待评价", true),
  REWORK("整改中", true),
  CLOSED("已销号", false);

  private final String label;
  private final boolean open;

  CaseStatus(String label, boolean open) {
    this.label = label;
    this.open = open;
  }

  public String label() {
    return label;
  }

  /** Whether the case is still being worked on (a further report is merged into it). */
  public boolean isOpen() {
    return open;
  }
}
