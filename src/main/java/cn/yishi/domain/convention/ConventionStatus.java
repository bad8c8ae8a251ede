package cn.yishi.domain.convention;

/** Where a version of a convention stands, with the Chinese name residents and staff see. */
public enum ConventionStatus {
  PUBLICITY("公示征求意见"),
  REVISION("修订中"),
  REVIEW("党组织审核"),
  ADOPTION("表决中"),
  IN_FORCE("施行中"),
  SUPERSEDED("已被修订");

  private final String label;

  ConventionStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether the version is still on its way (a convention has at most one such version at a time). */
  public boolean inProgress() {
    return this != IN_FORCE && this != SUPERSEDED;
  }
}
