package cn.yishi.domain.casefile;

/** What a timeline (台账) entry records. */
public enum TimelineAction {
  REGISTERED("登记诉求"),
  ACCEPTED("审核通过，予以受理"),
  DECLINED("不予受理");

  private final String label;

  TimelineAction(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
