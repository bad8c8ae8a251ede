package cn.yishi.domain.casefile;

/** The status of a case as staff and the public board see it. */
public enum CaseStatus {
  REGISTERED("已登记，待审核"),
  ACCEPTED("已受理"),
  DECLINED("不予受理");

  private final String label;

  CaseStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
